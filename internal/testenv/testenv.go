// Package testenv finds the outside tools some tests need (headless
// Chromium, poppler-utils) and where tests leave artifacts for a person to
// look at. Where a tool is missing a test is skipped with a message saying
// how to install it — unless CI has set NIANBAO_REQUIRE_BROWSER or
// NIANBAO_REQUIRE_POPPLER, under which a missing tool fails the test.
package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Chromium returns the path of a Chromium or Chrome binary, or skips (fails
// under NIANBAO_REQUIRE_BROWSER) when there is none.
func Chromium(tb testing.TB) string {
	tb.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	missing(tb, "NIANBAO_REQUIRE_BROWSER", "headless Chromium",
		"sudo apt-get install -y chromium fonts-noto-cjk")
	return ""
}

// Poppler returns the path of a poppler-utils tool (pdftotext, pdfinfo,
// pdffonts, pdftoppm), or skips (fails under NIANBAO_REQUIRE_POPPLER).
func Poppler(tb testing.TB, tool string) string {
	tb.Helper()
	p, err := exec.LookPath(tool)
	if err != nil {
		missing(tb, "NIANBAO_REQUIRE_POPPLER", tool, "sudo apt-get install -y poppler-utils")
	}
	return p
}

// RunPoppler runs a poppler-utils tool (found as Poppler finds it) and
// returns what it wrote; a failure fails the test with the tool's output.
func RunPoppler(tb testing.TB, tool string, args ...string) string {
	tb.Helper()
	out, err := exec.Command(Poppler(tb, tool), args...).CombinedOutput()
	if err != nil {
		tb.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

func missing(tb testing.TB, requireVar, what, install string) {
	tb.Helper()
	msg := what + " is not installed; install it with: " + install
	if os.Getenv(requireVar) != "" {
		tb.Fatalf("%s (required because %s is set)", msg, requireVar)
	}
	tb.Skip(msg)
}

// ArtifactDir returns a folder for files a person should look at after the
// tests (screenshots, rendered pages): $NIANBAO_ARTIFACTS, or artifacts/ at
// the top of the repository. Each test gets a subfolder named after it.
func ArtifactDir(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv("NIANBAO_ARTIFACTS")
	if base == "" {
		base = filepath.Join(RepoRoot(tb), "artifacts")
	}
	dir := filepath.Join(base, strings.NewReplacer("/", "_", " ", "_").Replace(tb.Name()))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// RepoRoot is the top folder of the repository (where go.mod is).
func RepoRoot(tb testing.TB) string {
	tb.Helper()
	return repoRoot()
}

func repoRoot() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}
