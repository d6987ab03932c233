package web_test

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestPreviewPDFIsTheVersionShown: the reviewer's page links the PDF of
// the very version it shows, laid out and dated as it would be published
// today; an earlier version previews as it was; the preview is private
// (not cached, not for the public) and a version that does not exist is
// not found.
func TestPreviewPDFIsTheVersionShown(t *testing.T) {
	a := newReviewApp(t)
	f := seedForm(t, "002")
	f.Set("narrative.other", "甲稿其他事项说明。")
	a.save(t, f)
	first := a.version(t)
	f.Set("narrative.other", "乙稿其他事项说明。")
	a.save(t, f)
	second := a.version(t)

	v, _ := strconv.Atoi(second)
	link, ok := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t).Find("#preview-pdf").Attr("href")
	if want := paths.ReportPreviewPDF(a.report, v); !ok || link != want {
		t.Fatalf("the page's preview link %q, want %q", link, want)
	}
	res := a.reviewer.Get(t, link)
	if res.Status != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" {
		t.Fatalf("preview: %d %s", res.Status, res.Header.Get("Content-Type"))
	}
	if cc := res.Header.Get("Cache-Control"); cc != "private, no-store" {
		t.Errorf("Cache-Control %q", cc)
	}
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "inline;") {
		t.Errorf("Content-Disposition %q: the browser should show it", cd)
	}
	text := pdfText(t, res.Body)
	now := time.Now().In(time.FixedZone("CST", 8*3600))
	today := fmt.Sprintf("%d年%d月%d日", now.Year(), int(now.Month()), now.Day())
	for _, want := range []string{"乙稿其他事项说明", "测试机关", today} {
		if !strings.Contains(text, want) {
			t.Errorf("the preview of v%s lacks %q", second, want)
		}
	}
	if strings.Contains(text, "甲稿") {
		t.Errorf("the preview of v%s shows the earlier version's text", second)
	}

	n, _ := strconv.Atoi(first)
	old := pdfText(t, a.supervisor.Get(t, paths.ReportPreviewPDF(a.report, n)).Body)
	if !strings.Contains(old, "甲稿其他事项说明") || strings.Contains(old, "乙稿") {
		t.Errorf("the preview of v%s is not that version", first)
	}

	for _, bad := range []string{strconv.Itoa(v + 1), "0", "x"} {
		path := strings.Replace(link, "version="+second, "version="+bad, 1)
		if res := a.reviewer.Get(t, path); res.Status != http.StatusNotFound {
			t.Errorf("%s: %d, want 404", path, res.Status)
		}
	}
	if res := a.app.Anonymous(t).Get(t, link); res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location(), paths.Login) {
		t.Errorf("anonymous preview: %d → %s", res.Status, res.Location())
	}
}

// pdfText is a PDF's text read back by pdftotext, without white space
// (pdftotext breaks lines where the PDF does).
func pdfText(t *testing.T, data string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "preview.pdf")
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(testenv.RunPoppler(t, "pdftotext", "-enc", "UTF-8", path, "-")), "")
}
