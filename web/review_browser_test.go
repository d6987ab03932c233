package web_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// submitVia clicks a workflow button on the review page and waits for the
// page that follows.
func (b tab) submitVia(sel string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		b.t.Fatalf("click %s: %v", sel, err)
	}
}

func (b tab) open(url string) {
	b.t.Helper()
	b.do(chromedp.Navigate(url), chromedp.WaitReady(chromedp.CSS("main")))
}

// TestReviewLoopInBrowser is the whole review in two browsers, a clerk's
// and a reviewer's: a submission refused for an error, the fix, the
// submission with a reason for its warning, a comment on a cell and a
// return, the comment at the clerk's cell, the fix and resubmission, the
// reviewer's diff, approval and publication.
func TestReviewLoopInBrowser(t *testing.T) {
	a := newReviewApp(t)
	f := seedForm(t, "002")
	f.Set("requests.carried_forward.natural_person", "21")
	f.Set("narrative.other", "无")
	a.save(t, f)
	clerk := tab{t, testenv.Browser(t)}
	reviewer := tab{t, testenv.Browser(t)}
	clerk.login(a.app.URL, "clerk")
	reviewer.login(a.app.URL, "reviewer")
	view := a.app.URL + paths.ReportView(a.report)

	// With an error the submit button is disabled, and says why beside it.
	clerk.open(view)
	submit := `form.action-form input[value=submit] ~ button`
	if !js[bool](clerk, `document.querySelector('form.action-form input[value=submit] ~ button').disabled`) {
		t.Error("提交审核 is enabled while an error remains")
	}
	why := js[string](clerk, `(() => { const b = document.querySelector('form.action-form input[value=submit] ~ button');
		const d = document.getElementById(b.getAttribute('aria-describedby') || 'none'); return d ? d.textContent : '' })()`)
	if !strings.Contains(why, "还有1个错误") || !clerk.visibleIn("blocked-submit", "#actions") {
		t.Errorf("the disabled button's reason %q, visible: %v", why, clerk.visibleIn("blocked-submit", "#actions"))
	}
	testenv.ViewScreenshot(t, clerk.ctx, "submit-blocked")
	// Fix in the editor; 检查并提交审核… opens the report with its header in view.
	clerk.open(a.app.URL + paths.ReportEdit(a.report))
	clerk.typeInto(cellID("requests.carried_forward.natural_person"), "22")
	clerk.settle()
	clerk.submitVia(`.editor-bar a.button.primary`)
	if y := js[float64](clerk, `window.scrollY`); y != 0 || !js[bool](clerk, `(() => { const r = document.querySelector('form.action-form input[value=submit] ~ button').getBoundingClientRect();
		return r.top > 0 && r.bottom < innerHeight })()`) {
		t.Errorf("检查并提交审核… scrolled the page to %v, or the submit button is out of view", y)
	}
	// The warning's box has its rule's own hint, not another rule's.
	if hint := js[string](clerk, `document.querySelector('textarea[name^="reason."]').placeholder`); hint != report.ReasonHint(report.RuleOtherEmpty) {
		t.Errorf("the fee warning's hint %q", hint)
	}
	// A refused submission (a reason over 2,000 characters) is said in place:
	// the address stays the report's and the typed reason is kept.
	long := strings.Repeat("费", 2001)
	clerk.do(chromedp.SetValue(chromedp.CSS(`textarea[name^="reason."]`), long), chromedp.Click(chromedp.CSS(submit)))
	clerk.waitFor("the refusal in place", `!!document.getElementById('refusal')`)
	if got := clerk.text("#refusal"); !strings.Contains(got, "超过2000个字") {
		t.Errorf("refusal %q", got)
	}
	if path := js[string](clerk, `location.pathname`); path != paths.ReportView(a.report) {
		t.Errorf("after the refusal the address is %s", path)
	}
	if got := js[string](clerk, `document.querySelector('textarea[name^="reason."]').value`); got != long {
		t.Errorf("the typed reason was not kept (%d characters)", len([]rune(got)))
	}
	// Focus moves to the refusal once htmx has settled the swap.
	clerk.waitFor("focus on the refusal", `document.activeElement && document.activeElement.id === 'refusal'`)
	testenv.ViewScreenshot(t, clerk.ctx, "submit-refused-in-place")
	clerk.do(chromedp.SetValue(chromedp.CSS(`textarea[name^="reason."]`), "本年度无信息处理费事项"))
	clerk.submitVia(submit)
	if got := clerk.text(".review-head .badge"); got != "待审核" {
		t.Fatalf("after submitting: %q", got)
	}

	// The reviewer comments on a cell and returns the report.
	reviewer.open(view)
	if !strings.Contains(reviewer.text(".finding .reason"), "本年度无信息处理费事项") {
		t.Error("the reviewer does not see the clerk's reason")
	}
	commentByKeyboard(t, reviewer)
	// A click on the cell chooses it in the form, says so, and the comment is typed at once.
	reviewer.do(chromedp.Click(chromedp.ID("v-requests-granted-natural_person")))
	if got := js[string](reviewer, `document.getElementById('comment-at').value`); got != "cell:requests.granted.natural_person" {
		t.Errorf("clicking the cell chose %q", got)
	}
	if got := reviewer.text("#comment-place"); got != "意见针对：第三部分 （一）予以公开 × 自然人" || reviewer.active() != "comment-body" {
		t.Errorf("after the click the form says %q, focus on %q", got, reviewer.active())
	}
	testenv.ViewScreenshot(t, reviewer.ctx, "comment-on-clicked-cell")
	reviewer.do(chromedp.SendKeys(chromedp.ID("comment-body"), "予以公开的件数请与台账核对"))
	reviewer.submitVia(`#comment-form button`)
	if got := reviewer.text("#comments .comment-where"); !strings.Contains(got, "（一）予以公开 × 自然人") {
		t.Errorf("the comment is at %q", got)
	}
	reviewer.do(chromedp.SendKeys(chromedp.ID("why-return"), "请核对第三部分"))
	reviewer.submitVia(`form.action-form input[value=return] ~ button`)
	if got := reviewer.text(".review-head .badge"); got != "已退回" {
		t.Fatalf("after returning: %q", got)
	}

	// The clerk sees the comment at the cell; its link moves focus there.
	clerk.open(a.app.URL + paths.ReportEdit(a.report))
	if got := js[string](clerk, `document.querySelector('td:has(#c-requests-granted-natural_person) .cell-comment').title`); got != "予以公开的件数请与台账核对" {
		t.Errorf("comment at the cell: %q", got)
	}
	clerk.do(chromedp.Click(chromedp.CSS(`.editor-comments .comment-where a`)))
	if got := clerk.active(); got != cellID("requests.granted.natural_person") {
		t.Errorf("the comment's link focused %q", got)
	}
	testenv.ViewScreenshot(t, clerk.ctx, "clerk-sees-comment")
	clerk.typeInto(cellID("requests.granted.natural_person"), "38")
	clerk.typeInto(cellID("requests.partly_granted.natural_person"), "60")
	clerk.settle()
	clerk.do(chromedp.Click(chromedp.CSS(`.editor-comments form button`))) // htmx swaps the comment, no navigation
	clerk.waitFor("the comment marked 已处理", `!!document.querySelector('.editor-comments li.comment.resolved')`)
	clerk.submitVia(`.editor-bar a.button.primary`)
	clerk.submitVia(`form.action-form input[value=submit] ~ button`)

	// The reviewer sees what changed, approves and publishes.
	reviewer.open(view)
	changes := reviewer.text(".changes")
	for _, want := range []string{"39", "38", "59", "60"} {
		if !strings.Contains(changes, want) {
			t.Errorf("changes lack %s: %q", want, changes)
		}
	}
	if got := js[string](reviewer, `document.getElementById('v-requests-granted-natural_person').className`); !strings.Contains(got, "changed") {
		t.Errorf("the changed cell is not marked: %q", got)
	}
	testenv.ViewScreenshot(t, reviewer.ctx, "reviewer-sees-diff")
	confirmInBrowser(t, a, reviewer)
	if got := reviewer.text(".review-head .badge"); got != "已发布" {
		t.Fatalf("after publishing: %q", got)
	}
	publishedLinksInBrowser(t, a, reviewer)
	if list, _ := a.app.Store.Publications(t.Context(), a.bureau); len(list) != 1 {
		t.Errorf("publications: %d", len(list))
	}
	testenv.Screenshot(t, reviewer.ctx, fmt.Sprintf("published-%d", a.report))
}

// confirmInBrowser approves and publishes as a reviewer: each button opens
// a modal dialog that names itself and what follows, links the PDF of the
// version shown and holds focus; Esc closes it with nothing done and focus
// back on the button; Enter on the button opens it again, and only its
// confirming button acts.
func confirmInBrowser(t *testing.T, a *reviewApp, reviewer tab) {
	t.Helper()
	for _, step := range []struct{ action, title, after string }{
		{"approve", "确认审核通过？", "已审核"},
		{"publish", "确认发布？", "已发布"},
	} {
		button := `form.action-form input[value=` + step.action + `] ~ button`
		dialog := `document.getElementById('confirm-` + step.action + `')`
		reviewer.do(chromedp.Click(chromedp.CSS(button)))
		reviewer.waitFor(step.action+"'s dialog", dialog+`.open && `+dialog+`.matches(':modal')`)
		name := js[string](reviewer, `document.getElementById(`+dialog+`.getAttribute('aria-labelledby')).textContent`)
		described := js[string](reviewer, `document.getElementById(`+dialog+`.getAttribute('aria-describedby')).textContent`)
		if name != step.title || !strings.Contains(described, "第") {
			t.Errorf("%s's dialog is named %q, described %q", step.action, name, described)
		}
		if !js[bool](reviewer, dialog+`.contains(document.activeElement)`) || reviewer.text(":focus") != "取消" {
			t.Errorf("%s's dialog: focus on %q, not 取消 inside it", step.action, reviewer.text(":focus"))
		}
		preview := js[string](reviewer, dialog+`.querySelector('a[href*="preview.pdf"]').getAttribute('href')`)
		if want := paths.ReportPreviewPDF(a.report, mustAtoi(t, a.version(t))); preview != want {
			t.Errorf("%s's dialog previews %q, want %q", step.action, preview, want)
		}
		testenv.ViewScreenshot(t, reviewer.ctx, "confirm-"+step.action)
		for _, v := range testenv.Axe(t, reviewer.ctx) {
			t.Errorf("%s's dialog open: %s", step.action, v)
		}
		reviewer.do(chromedp.KeyEvent(kb.Escape))
		reviewer.waitFor("the dialog closed by Esc", `!`+dialog+`.open`)
		if st, _ := a.state(t); st == step.after {
			t.Fatalf("Esc on the %s dialog took the action", step.action)
		}
		if !js[bool](reviewer, `document.activeElement === document.querySelector('`+button+`')`) {
			t.Errorf("after Esc focus is on %q, not the %s button", reviewer.text(":focus"), step.action)
		}
		reviewer.do(chromedp.KeyEvent(kb.Enter))
		reviewer.waitFor(step.action+"'s dialog by keyboard", dialog+`.open`)
		reviewer.submitVia(`#confirm-` + step.action + ` button[name=confirmed]`)
		if got := reviewer.text(".review-head .badge"); got != step.after {
			t.Fatalf("after confirming %s: %q", step.action, got)
		}
	}
}

// publishedLinksInBrowser: after publishing, the page links the public
// page, the PDF and the data, and they are public.
func publishedLinksInBrowser(t *testing.T, a *reviewApp, reviewer tab) {
	t.Helper()
	links := js[map[string]string](reviewer, `Object.fromEntries([...document.querySelectorAll('#published a')].map(a => [a.textContent, a.getAttribute('href')]))`)
	want := map[string]string{"本报告网页": paths.PublicRevisionURL(a.bureau, 2024, 1), "下载PDF": paths.PublicPDFURL(a.bureau, 2024, 1),
		"下载数据（JSON）": paths.PublicJSONURL(a.bureau, 2024, 1)}
	for label, href := range want {
		if links[label] != href {
			t.Errorf("published link %s: %q, want %q", label, links[label], href)
		}
	}
	testenv.ViewScreenshot(t, reviewer.ctx, "published-links")
	anon := a.app.Anonymous(t)
	for label, href := range want {
		if res := anon.Get(t, href); res.Status != 200 {
			t.Errorf("the public gets %s (%s): %d", label, href, res.Status)
		}
	}
	reviewer.submitVia(`#published a[href="` + want["本报告网页"] + `"]`)
	if got := reviewer.text("h1"); !strings.Contains(got, "2024") {
		t.Errorf("the public page's title %q", got)
	}
}

func mustAtoi(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(s)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// commentByKeyboard: each table and narrative section of the document is
// one tab stop; the arrows move between its cells (and paragraphs) by
// where they are drawn, and Enter chooses the place in the comment form.
func commentByKeyboard(t *testing.T, reviewer tab) {
	t.Helper()
	stops := js[float64](reviewer, `document.querySelectorAll('#table-requests [data-comment-at][tabindex="0"]').length`)
	if stops != 1 {
		t.Errorf("table 三 has %v tab stops, want 1", stops)
	}
	if hint := js[string](reviewer, `document.getElementById(document.getElementById('v-requests-granted-natural_person').getAttribute('aria-describedby')).textContent`); !strings.Contains(hint, "回车键") {
		t.Errorf("a cell is described by %q, not how to comment on it", hint)
	}
	reviewer.do(chromedp.Focus(chromedp.ID("v-requests-granted-natural_person")),
		chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowDown))
	if got := reviewer.active(); got != "v-requests-partly_granted-commercial" {
		t.Errorf("→ ↓ from （一）予以公开 × 自然人 went to %q", got)
	}
	reviewer.do(chromedp.KeyEvent(kb.Enter))
	if got := js[string](reviewer, `document.getElementById('comment-at').value`); got != "cell:requests.partly_granted.commercial" {
		t.Errorf("Enter chose %q", got)
	}
	if got := reviewer.text("#comment-place"); !strings.Contains(got, "（二）部分公开") || !strings.Contains(got, "商业企业") || reviewer.active() != "comment-body" {
		t.Errorf("after Enter the form says %q, focus on %q", got, reviewer.active())
	}
	reviewer.do(chromedp.Focus(chromedp.ID("p-overview-0")), chromedp.KeyEvent(kb.ArrowDown), chromedp.KeyEvent(kb.Enter))
	if got := js[string](reviewer, `document.getElementById('comment-at').value`); got != "para:overview:1" {
		t.Errorf("↓ Enter from the first paragraph chose %q", got)
	}
	if got := reviewer.text("#comment-place"); !strings.Contains(got, "第2段") {
		t.Errorf("the form names the paragraph %q", got)
	}
	reviewer.do(chromedp.Sleep(100 * time.Millisecond))
	if got := js[string](reviewer, `document.getElementById('comment-body').value`); got != "" {
		t.Errorf("choosing by Enter typed %q into the comment", got)
	}
}
