package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestWhereToGoNextInBrowser walks each role's way in at 1280×800 (issue
// 17, item 11): the reviewer's 待我审核 list and an /edit link that opens
// the read-only page instead of 没有权限; the clerk's 待我处理 list, home
// rows with the days left and no autosave count; the supervisor's and the
// administrator's pointers; logging out, which says so; and a visitor,
// whom / and the login page lead to the public reports; 标记为已处理 swaps
// the comment without a reload; tab titles end with the product's Chinese
// name (item 10).
func TestWhereToGoNextInBrowser(t *testing.T) {
	a := newReviewApp(t)
	submitted(t, a)

	reviewer := tab{t, testenv.Browser(t)}
	reviewer.login(a.app.URL, "reviewer")
	reviewer.open(a.app.URL + paths.Home)
	if got := reviewer.text(`[data-testid=to-review]`); !strings.Contains(got, "待我审核（1）") ||
		!strings.Contains(got, "瑞安市人民政府办公室 2024年度报告") || !strings.Contains(got, "等待审核") {
		t.Errorf("the reviewer's 待我审核: %q", got)
	}
	testenv.ViewScreenshot(t, reviewer.ctx, "next-reviewer-home")
	if got := js[string](reviewer, `document.title`); got != "我的工作 · 政府信息公开年报" {
		t.Errorf("the home tab's title is %q", got)
	}
	reviewer.submitVia(`[data-testid=to-review] a`)
	if got := js[string](reviewer, `location.pathname`); got != paths.ReportView(a.report) {
		t.Errorf("the 待我审核 link opens %s", got)
	}
	reviewer.open(a.app.URL + paths.ReportEdit(a.report))
	if got := js[string](reviewer, `location.pathname`); got != paths.ReportView(a.report) {
		t.Errorf("the reviewer's /edit link ends at %s, want the read-only page", got)
	}
	if got := reviewer.text("main"); strings.Contains(got, "没有权限") || !strings.Contains(got, "退回") {
		t.Errorf("the reviewer's /edit link shows %.200q", got)
	}

	if res := a.reviewer.PostForm(t, paths.ReportCommentsURL(a.report), url.Values{"at": {"cell:requests.granted.natural_person"},
		"body": {"予以公开的件数请与台账核对"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("comment: %d %.300s", res.Status, res.Body)
	}
	if res := act(t, a.reviewer, a.report, "return", url.Values{"reason": {"请核对第三部分"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("return: %d %.300s", res.Status, res.Body)
	}
	clerk := tab{t, testenv.Browser(t)}
	clerk.login(a.app.URL, "clerk")
	clerk.open(a.app.URL + paths.Home)
	if got := clerk.text(`[data-testid=to-fix]`); !strings.Contains(got, "待我处理（1）") || !strings.Contains(got, "退回") ||
		!regexp.MustCompile(`公布期限：\d+年\d+月\d+日（(还有\d+天|今天截止|已逾期\d+天)）`).MatchString(got) {
		t.Errorf("the clerk's 待我处理: %q", got)
	}
	table := clerk.text(`table.list`)
	if strings.Contains(table, "版本") {
		t.Errorf("the home rows still count versions: %q", table)
	}
	if !regexp.MustCompile(`最后保存.*公布期限.*\d{4}年\d+月\d+日 \d\d:\d\d.*（(还有\d+天|今天截止|已逾期\d+天)）`).MatchString(table) {
		t.Errorf("the home row lacks the last save in words or the days left: %q", table)
	}
	if n := js[int](clerk, `document.querySelectorAll('[data-testid=to-review], [data-testid=pointers]').length`); n != 0 {
		t.Errorf("the clerk's home shows %d lists or pointers that are not theirs", n)
	}
	testenv.ViewScreenshot(t, clerk.ctx, "next-clerk-home")

	// 标记为已处理 swaps the comment in place: no reload, and the comment
	// stays where it was on the screen (a reload would go to the top).
	clerk.open(a.app.URL + paths.ReportEdit(a.report))
	before := js[float64](clerk, `window.notReloaded = true;
		document.querySelector('li.comment button').scrollIntoView({block: 'end'});
		document.querySelector('li.comment').getBoundingClientRect().top`)
	clerk.do(chromedp.Click(chromedp.CSS(`li.comment button`)))
	clerk.waitFor("the comment marked 已处理", `!!document.querySelector('li.comment.resolved')`)
	if !js[bool](clerk, `window.notReloaded === true`) {
		t.Error("标记为已处理 reloaded the page")
	}
	if after := js[float64](clerk, `document.querySelector('li.comment').getBoundingClientRect().top`); before < 100 || after != before {
		t.Errorf("标记为已处理 moved the page from %v to %v", before, after)
	}
	if got := clerk.text(`li.comment.resolved`); !strings.Contains(got, "已处理") || !strings.Contains(got, "予以公开的件数请与台账核对") {
		t.Errorf("the resolved comment reads %q", got)
	}
	testenv.ViewScreenshot(t, clerk.ctx, "next-comment-resolved")
	if n := js[int](clerk, `document.querySelectorAll('li.comment button').length`); n != 0 {
		t.Errorf("%d 标记为已处理 buttons remain", n)
	}

	// Logging out says so, and the login page leads to the public reports.
	clerk.submitVia(`form.logout button`)
	if got := clerk.text("main"); !strings.Contains(got, "已退出登录") {
		t.Errorf("after logging out the page says %.200q", got)
	}
	clerk.submitVia(`main a[href="` + paths.Public + `"]`)
	if got := js[string](clerk, `location.pathname`); got != paths.Public {
		t.Errorf("the login page's public link opens %s", got)
	}

	// A visitor at / sees the public reports, with a way to log in.
	visitor := tab{t, testenv.Browser(t)}
	visitor.open(a.app.URL + paths.Home)
	if got := js[string](visitor, `location.pathname`); got != paths.Public {
		t.Errorf("a visitor at / is at %s", got)
	}
	if got := visitor.text(`a.staff-login`); got != "工作人员登录" {
		t.Errorf("the public page's login link: %q", got)
	}

	for _, who := range []struct {
		name  string
		links []string
	}{
		{"supervisor", []string{paths.Board}},
		{"admin", []string{paths.AdminBodies, paths.AdminUsers}},
	} {
		b := tab{t, testenv.Browser(t)}
		b.login(a.app.URL, who.name)
		b.open(a.app.URL + paths.Home)
		for _, l := range who.links {
			if n := js[int](b, `document.querySelectorAll('main [data-testid=pointers] a[href="`+l+`"]').length`); n != 1 {
				t.Errorf("the %s's home links %s %d times", who.name, l, n)
			}
		}
		testenv.ViewScreenshot(t, b.ctx, "next-"+who.name+"-home")
	}
}
