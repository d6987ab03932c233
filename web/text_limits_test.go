package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestNarrativeLimit: a narrative section may hold 100,000 characters. One
// more, by the live check or the plain save, is refused at the field in
// words — how long it is and by how much — nothing of the form is saved,
// and the text typed is kept: the live check leaves the box alone, the
// plain save brings the page back with it.
func TestNarrativeLimit(t *testing.T) {
	app, c, id := editorApp(t)
	version := func() int {
		rec, err := app.Store.Report(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		return rec.Version
	}
	v0 := version()
	over := strings.Repeat("公", report.MaxNarrative) + "开"
	res, doc := check(t, c, id, v0, url.Values{"narrative.overview": {over}, "requests.granted.natural_person": {"3"}})
	msg := doc.Find("#limit-f-narrative-overview").Text()
	if !strings.Contains(msg, "最多100000字，现有100001字（多1字）") || res.Header.Get("Nianbao-Saved") != "false" {
		t.Errorf("over the limit: message %q, saved %q", msg, res.Header.Get("Nianbao-Saved"))
	}
	if version() != v0 {
		t.Error("a form with an over-long text was saved")
	}

	exact := strings.Repeat("公", report.MaxNarrative)
	res, doc = check(t, c, id, v0, url.Values{"narrative.overview": {exact}})
	if got := doc.Find("#limit-f-narrative-overview").Text(); got != "" || res.Header.Get("Nianbao-Saved") != "true" || version() != v0+1 {
		t.Errorf("exactly at the limit: message %q, saved %q, version %d", got, res.Header.Get("Nianbao-Saved"), version())
	}

	typed := strings.Repeat("政务公开。", 30000) // 150,000 characters
	form := url.Values{"base_version": {strconv.Itoa(version())}, "narrative.problems": {typed}}
	res = c.PostForm(t, paths.ReportSaveURL(id), form)
	page := res.Doc(t)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(page.Find("#limit-f-narrative-problems").Text(), "现有150000字") {
		t.Errorf("plain save: %d, message %q", res.Status, page.Find("#limit-f-narrative-problems").Text())
	}
	if got := page.Find("#f-narrative-problems").Text(); got != typed {
		t.Errorf("the box holds %d characters, want the %d typed", len([]rune(got)), len([]rune(typed)))
	}
	if v, _ := page.Find("#f-narrative-problems").Attr("aria-invalid"); v != "true" {
		t.Error("the over-long box is not marked invalid")
	}
}

// TestNarrativeLimitInBrowser: pasting a text over the limit into a
// section shows the message under the box, keeps the text in it, and
// says the form is not saved.
func TestNarrativeLimitInBrowser(t *testing.T) {
	a := newReviewApp(t)
	b := tab{t, testenv.Browser(t)}
	b.login(a.app.URL, "clerk")
	b.open(a.app.URL + paths.ReportEdit(a.report))
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const t = document.getElementById('f-narrative-overview');
		t.value = '公'.repeat(100005); t.dispatchEvent(new Event('input', {bubbles: true})) })()`))
	b.settle()
	b.waitFor("the message at the field", `document.getElementById('limit-f-narrative-overview').textContent.includes('多5字')`)
	if n := js[int](b, `document.getElementById('f-narrative-overview').value.length`); n != 100005 {
		t.Errorf("the box holds %d characters after the check", n)
	}
	if got := b.text(".save-state"); !strings.Contains(got, "未保存") {
		t.Errorf("the save state says %q", got)
	}
	b.do(chromedp.ScrollIntoView(chromedp.ID("limit-f-narrative-overview")))
	testenv.ViewScreenshot(t, b.ctx, "narrative-over-limit")
}
