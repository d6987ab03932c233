package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"nianbao/web/paths"
)

// TestApproveAndPublishAskFirst is the confirmation without JavaScript:
// approving or publishing posted without confirmed=1 changes nothing and
// answers the page with the question open (what follows, the PDF of the
// version shown, 确认 and 取消); the confirming post acts. Once published
// the page links the public page, PDF and data, and keeps linking them
// while a correction is under way.
func TestApproveAndPublishAskFirst(t *testing.T) {
	a := newSubmittedApp(t)
	for _, step := range []struct{ action, title, before, after string }{
		{"approve", "确认审核通过？", "submitted", "approved"},
		{"publish", "确认发布？", "approved", "published"},
	} {
		v := a.version(t)
		res := a.reviewer.PostForm(t, paths.ReportStateURL(a.report), url.Values{"action": {step.action}, "version": {v}})
		if st, _ := a.state(t); res.Status != http.StatusOK || st != step.before {
			t.Fatalf("%s without confirmation: %d, state %s", step.action, res.Status, st)
		}
		doc := res.Doc(t)
		dialog := doc.Find("dialog#confirm-" + step.action + "[open]")
		if got := dialog.Find("h3").Text(); got != step.title {
			t.Errorf("%s: the open question %q, want %q", step.action, got, step.title)
		}
		if href, _ := dialog.Find(`a[href*="preview.pdf"]`).Attr("href"); href != paths.ReportPreviewPDF(a.report, mustAtoi(t, v)) {
			t.Errorf("%s: the question's preview %q", step.action, href)
		}
		if href, _ := dialog.Find("a.confirm-cancel").Attr("href"); href != paths.ReportView(a.report) {
			t.Errorf("%s: 取消 goes to %q", step.action, href)
		}
		if dialog.Find(`button[name=confirmed][value="1"]`).Length() != 1 || doc.Find(`button[data-confirm=confirm-`+step.action+`]`).Length() != 0 {
			t.Errorf("%s: the open question lacks its button, or the page still offers the unconfirmed one", step.action)
		}
		// Through htmx (the dialog did not ask): the actions panel comes back
		// with the question open, and nothing changes.
		h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"},
			"X-CSRF-Token": {a.reviewer.Token(t)}}
		hx := a.reviewer.Do(t, http.MethodPost, paths.ReportStateURL(a.report),
			strings.NewReader(url.Values{"action": {step.action}, "version": {v}}.Encode()), h)
		if st, _ := a.state(t); hx.Status != http.StatusOK || st != step.before ||
			hx.Doc(t).Find("#actions dialog#confirm-"+step.action+"[open]").Length() != 1 || strings.Contains(hx.Body, "<html") {
			t.Errorf("%s through htmx without confirmation: %d, state %s, %.200s", step.action, hx.Status, st, hx.Body)
		}
		form := url.Values{"action": {step.action}, "version": {v}, "confirmed": {"1"}}
		if res := a.reviewer.PostForm(t, paths.ReportStateURL(a.report), form); res.Status != http.StatusSeeOther {
			t.Fatalf("%s confirmed: %d %.300s", step.action, res.Status, res.Body)
		}
		if st, _ := a.state(t); st != step.after {
			t.Fatalf("after %s confirmed: %s", step.action, st)
		}
	}

	want := map[string]string{"本报告网页": paths.PublicRevisionURL(a.bureau, 2024, 1), "下载PDF": paths.PublicPDFURL(a.bureau, 2024, 1),
		"下载数据（JSON）": paths.PublicJSONURL(a.bureau, 2024, 1)}
	checkLinks := func(when, says string) {
		panel := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t).Find("#published")
		if !strings.Contains(panel.Text(), says) {
			t.Errorf("%s: the published panel says %q, want %q in it", when, panel.Text(), says)
		}
		for label, href := range want {
			if got, _ := panel.Find(`a:contains("` + label + `")`).Attr("href"); got != href {
				t.Errorf("%s: %s links %q, want %q", when, label, got, href)
			}
		}
	}
	checkLinks("published", "公众不登录即可查看和下载")
	if res := act(t, a.clerk, a.report, "correct", url.Values{"reason": {"更正第二部分件数"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("correct: %d", res.Status)
	}
	checkLinks("during the correction", "更正版发布之前，公众看到的仍是这一版")
}

// newSubmittedApp is a review app whose report (seed 002) the clerk has
// submitted.
func newSubmittedApp(t *testing.T) *reviewApp {
	t.Helper()
	a := newReviewApp(t)
	a.save(t, seedForm(t, "002"))
	if res := act(t, a.clerk, a.report, "submit", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d %.300s", res.Status, res.Body)
	}
	return a
}
