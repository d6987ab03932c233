package web_test

import (
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"nianbao/internal/demo"
	"nianbao/internal/testenv"
	"nianbao/internal/workflow"
	"nianbao/web/paths"
)

// TestAccessibility runs axe-core (WCAG 2.1 A and AA) in Chromium on
// every page the public, a clerk, a reviewer, a supervisor and an
// administrator use on the demo — the public pages, the editor, the
// review page, the board — and fails on any violation, naming the rule
// and the elements.
func TestAccessibility(t *testing.T) {
	app, _ := demoApp(t)
	ctx := t.Context()
	education := bodyNamed(t, app, demo.Education)
	rec, err := app.Store.ReportByBodyYear(ctx, education, demo.ReportYear)
	if err != nil {
		t.Fatal(err)
	}
	b := tab{t, testenv.Browser(t)}
	check := func(name, url string) {
		t.Helper()
		b.open(url)
		for _, v := range testenv.Axe(t, b.ctx) {
			t.Errorf("%s (%s): %s", name, url, v)
		}
	}
	as := func(username string) {
		t.Helper()
		if _, err := chromedp.Call(b.ctx, network.ClearBrowserCookies, cdp.Empty{}); err != nil {
			t.Fatal(err)
		}
		if username != "" {
			b.loginDemo(app.URL, username)
		}
	}

	// axe finds what it should: a page with an unlabelled field and an
	// image without text.
	b.open("data:text/html;charset=utf-8,<html><body><main><img src='x.png'><input type=text></main></body></html>")
	found := map[string]bool{}
	for _, v := range testenv.Axe(t, b.ctx) {
		found[v.ID] = true
	}
	if !found["image-alt"] || !found["label"] || !found["html-has-lang"] {
		t.Fatalf("axe-core did not find the planted violations: %v", found)
	}

	as("")
	check("公开的报告", app.URL+paths.Public)
	bodyURL := js[string](b, `document.querySelector('.public-bodies a').href`)
	check("一个机关的报告", bodyURL)
	reportURL := js[string](b, `document.querySelector('main li a[href*="/public/bodies/"]').href`)
	check("公开的报告全文", reportURL)
	check("开放数据", app.URL+paths.PublicData)
	check("登录", app.URL+paths.Login)

	as("demo-clerk")
	check("填报人首页", app.URL+paths.Home)
	check("编辑器", app.URL+paths.ReportEdit(rec.ID))

	if err := demo.Advance(ctx, app.Store, rec.ID, workflow.Submitted); err != nil {
		t.Fatal(err)
	}
	as("demo-reviewer")
	check("审核人首页", app.URL+paths.Home)
	check("审核页", app.URL+paths.ReportView(rec.ID))
	check("修改记录", app.URL+paths.ReportHistory(rec.ID))

	as("demo-supervisor")
	check("进度看板", app.URL+paths.BoardYear(demo.ReportYear))

	as("demo-admin")
	check("机关管理", app.URL+paths.AdminBodies)
	check("用户管理", app.URL+paths.AdminUsers)
}
