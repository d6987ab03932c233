package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// submitted saves seed 002 with a W6 warning, gives its reason and submits
// it as the clerk: a report waiting for its reviewer. It returns the
// reasons, which a resubmission sends again.
func submitted(t *testing.T, a *reviewApp) url.Values {
	t.Helper()
	f := seedForm(t, "002")
	f.Set("narrative.other", "无")
	a.save(t, f)
	key := warningKey(t, act(t, a.clerk, a.report, "submit", nil))
	reasons := url.Values{"reason." + key: {"本年度无信息处理费事项"}}
	if res := act(t, a.clerk, a.report, "submit", reasons); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d %.300s", res.Status, res.Body)
	}
	return reasons
}

// TestReturnReasonReachesTheClerk: the reviewer returns the report with a
// reason in Chromium; the clerk sees who returned it, when and why on their
// home row, in the editor and on the report page, reads the report's
// history (once 没有权限), and after resubmitting sees the banner no more
// (issue 17, item 1).
func TestReturnReasonReachesTheClerk(t *testing.T) {
	a := newReviewApp(t)
	reasons := submitted(t, a)
	const why = "第三部分“予以公开”与台账不符，请核对后重新提交。"
	reviewer := tab{t, testenv.Browser(t)}
	reviewer.login(a.app.URL, "reviewer")
	reviewer.open(a.app.URL + paths.ReportView(a.report))
	reviewer.do(chromedp.SendKeys(chromedp.ID("why-return"), why))
	reviewer.submitVia(`form.action-form input[value=return] ~ button`)

	clerk := tab{t, testenv.Browser(t)}
	clerk.login(a.app.URL, "clerk")
	for _, place := range []struct{ name, url, sel string }{
		{"home", a.app.URL + paths.Home, `tr.returned-row [data-testid=returned]`},
		{"editor", a.app.URL + paths.ReportEdit(a.report), `#report-form [data-testid=returned]`},
		{"report page", a.app.URL + paths.ReportView(a.report), `.review-head [data-testid=returned]`},
	} {
		clerk.open(place.url)
		got := clerk.text(place.sel)
		for _, want := range []string{why, "reviewer", "退回"} {
			if !strings.Contains(got, want) {
				t.Errorf("%s: the return banner %q lacks %q", place.name, got, want)
			}
		}
		testenv.ViewScreenshot(t, clerk.ctx, "returned-"+strings.ReplaceAll(place.name, " ", "-"))
	}

	// The banner's link opens the history, which the clerk may read.
	clerk.open(a.app.URL + paths.ReportEdit(a.report))
	clerk.submitVia(`[data-testid=returned] a`)
	if got := clerk.text("main"); !strings.Contains(got, why) || strings.Contains(got, "没有权限") {
		t.Errorf("the clerk's history: %q", got)
	}
	testenv.ViewScreenshot(t, clerk.ctx, "returned-history")

	// Resubmitted, the banner is gone everywhere.
	if res := act(t, a.clerk, a.report, "submit", reasons); res.Status != http.StatusSeeOther {
		t.Fatalf("resubmit: %d %.300s", res.Status, res.Body)
	}
	for _, u := range []string{paths.Home, paths.ReportView(a.report)} {
		clerk.open(a.app.URL + u)
		if n := js[int](clerk, `document.querySelectorAll('[data-testid=returned]').length`); n != 0 {
			t.Errorf("%s after resubmitting shows %d return banners", u, n)
		}
	}
}
