package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// LibreOffice returns the path of LibreOffice's soffice, which the Word
// tests use to open a .docx as an office suite would and convert it to
// PDF, or skips (fails under NIANBAO_REQUIRE_LIBREOFFICE) when there is
// none.
func LibreOffice(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(tb, "NIANBAO_REQUIRE_LIBREOFFICE", "LibreOffice",
		"sudo apt-get install -y libreoffice-writer-nogui")
	return ""
}

// LibreOfficeConvert has one LibreOffice, on a profile of its own, save
// each file (named by its base name) in the format to ("doc:MS Word 97",
// "pdf", …) and returns the files it made, by input name. extra are more
// arguments before the conversion (an --infilter).
func LibreOfficeConvert(tb testing.TB, files map[string][]byte, to string, extra ...string) map[string][]byte {
	tb.Helper()
	soffice := LibreOffice(tb)
	dir := tb.TempDir()
	args := append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile")}, extra...)
	args = append(args, "--convert-to", to, "--outdir", filepath.Join(dir, "out"))
	var names []string
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			tb.Fatal(err)
		}
		names = append(names, name)
		args = append(args, path)
	}
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("soffice: %v\n%s", err, out)
	}
	ext, _, _ := strings.Cut(to, ":")
	made := map[string][]byte{}
	for _, name := range names {
		base := strings.TrimSuffix(name, filepath.Ext(name))
		data, err := os.ReadFile(filepath.Join(dir, "out", base+"."+ext))
		if err != nil {
			tb.Fatalf("LibreOffice made no .%s of %s: %v", ext, name, err)
		}
		made[name] = data
	}
	return made
}
