package testenv

import (
	"os/exec"
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
