package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nianbao/web/paths"
)

// TestFormLimitsAnswerInWords: a form with more fields than any page
// posts, and a body longer than the app reads sent without announcing
// its length, are each refused as what they are — never as an expired
// page (which is what the CSRF check would say of a form it could not
// read) — and the report is not changed.
func TestFormLimitsAnswerInWords(t *testing.T) {
	app, c, id := editorApp(t)
	before, err := app.Store.Report(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"base_version": {strconv.Itoa(before.Version)}, "narrative.other": {"不应保存"}}
	for i := range 2500 {
		form.Set("x"+strconv.Itoa(i), "1")
	}
	res := c.PostForm(t, paths.ReportSaveURL(id), form)
	if res.Status != http.StatusRequestEntityTooLarge || !strings.Contains(res.Body, "字段过多") || strings.Contains(res.Body, "过期") {
		t.Errorf("too many fields: %d %.300s", res.Status, res.Body)
	}

	// 5 MB in chunks: no Content-Length for limitBody to refuse at once.
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte("_csrf=" + url.QueryEscape(c.Token(t)) + "&narrative.other="))
		chunk := []byte(strings.Repeat("a", 1<<20))
		for range 5 {
			if _, err := pw.Write(chunk); err != nil {
				return
			}
		}
		pw.Close()
	}()
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	res, err = c.Send(http.MethodPost, paths.ReportSaveURL(id), pr, h)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status != http.StatusRequestEntityTooLarge || !strings.Contains(res.Body, "超过4 MB") {
		t.Errorf("an unannounced 5 MB body: %d %.300s", res.Status, res.Body)
	}
	after, err := app.Store.Report(t.Context(), id)
	if err != nil || after.Version != before.Version {
		t.Errorf("the report changed: version %d → %d (%v)", before.Version, after.Version, err)
	}
}
