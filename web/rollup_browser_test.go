package web_test

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/demo"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/internal/workflow"
	"nianbao/web/paths"
)

// demoApp is the app on a database with the demo data (its region).
func demoApp(t *testing.T) (*webtest.App, int64) {
	t.Helper()
	app := webtest.Start(t)
	if _, err := demo.Seed(t.Context(), app.Store); err != nil {
		t.Fatal(err)
	}
	return app, bodyNamed(t, app, demo.City)
}

func bodyNamed(t *testing.T, app *webtest.App, name string) int64 {
	t.Helper()
	bs, err := app.Store.BodiesNamed(t.Context(), name)
	if err != nil || len(bs) != 1 {
		t.Fatalf("body %s: %v", name, err)
	}
	return bs[0].ID
}

// loginDemo logs a demo user in, with the demo password.
func (b tab) loginDemo(base, username string) {
	b.t.Helper()
	b.do(chromedp.Navigate(base+paths.Login),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), username),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), demo.Password))
	b.submitVia(`form button[type=submit]`)
}

// correct publishes a correction of a body's published report that adds
// one application granted to a natural person (and one received).
func correct(t *testing.T, app *webtest.App, body string) {
	t.Helper()
	ctx := t.Context()
	rec, err := app.Store.ReportByBodyYear(ctx, bodyNamed(t, app, body), demo.ReportYear)
	if err != nil {
		t.Fatal(err)
	}
	err = app.Store.ChangeState(ctx, storeCorrection(rec.ID, rec.Version))
	if err != nil {
		t.Fatal(err)
	}
	r := rec.Report.Clone()
	for _, path := range []string{"requests.granted.natural_person", "requests.new_received.natural_person"} {
		r.Values[report.T2021.Lookup(path)].N++
	}
	report.FillTotals(r)
	if _, err := app.Store.SaveDraft(ctx, rec.ID, rec.Version, r, report.Tally{}, 0); err != nil {
		t.Fatal(err)
	}
	if err := demo.Advance(ctx, app.Store, rec.ID, workflow.Published); err != nil {
		t.Fatal(err)
	}
}

// TestSummaryInBrowser is the city office's 汇总 report of the demo
// region in real Chromium: the office creates it (本行政区域) and sees the
// coverage panel with the late, the unapproved and the missing bodies
// named; opens a cell's parts; overrides the jointly issued document with
// a reason; submits. The reviewer sees the override's reason with its
// warning. The police publish a correction: the reviewer sees that the
// sums are out of date and returns the report; the office sees what
// changed, refreshes with one click, and keeps its override.
func TestSummaryInBrowser(t *testing.T) {
	app, city := demoApp(t)
	office := tab{t, testenv.Browser(t)}
	office.loginDemo(app.URL, "demo-office")

	// Create: the start page proposes the year of the bodies' reports.
	yearID := "year-" + strconv.FormatInt(city, 10)
	if got := office.value(yearID); got != strconv.Itoa(demo.ReportYear) {
		t.Errorf("the start page proposes %q, want %d", got, demo.ReportYear)
	}
	office.do(chromedp.Click(chromedp.ID(fmt.Sprintf("body-%d-scope-region", city))))
	testenv.ViewScreenshot(t, office.ctx, "summary-create")
	office.submitVia(fmt.Sprintf(`form[action="%s"] button[type=submit]`, paths.BodyReportsURL(city)))
	office.waitFor("the coverage panel", `!!document.getElementById('rollup')`)
	panel := office.text("#rollup")
	for _, want := range []string{"汇总报告 · 本行政区域", "计入4个单位", "未计入的单位（3）", demo.Education, demo.Housing, demo.County} {
		if !strings.Contains(panel, want) {
			t.Errorf("the panel lacks %q: %s", want, panel)
		}
	}
	if !strings.Contains(office.text(".flash"), "已新建本行政区域汇总报告") {
		t.Errorf("flash %q", office.text(".flash"))
	}
	id := reportOf(t, app, city)
	issued := "active.normative_docs.issued"
	sum := cellValue(t, app, id, issued)
	if got := office.value(cellID(issued)); got != strconv.FormatInt(sum, 10) {
		t.Errorf("the summed cell shows %q, want %d", got, sum)
	}
	testenv.ViewScreenshot(t, office.ctx, "summary-created")

	// A cell's parts follow the focus.
	office.do(chromedp.Focus(chromedp.ID(cellID(issued))))
	office.waitFor("the cell's parts", fmt.Sprintf(`!!document.querySelector('#rollup-parts .cell-parts[data-cell=%q]')`, issued))
	parts := office.text("#rollup-parts")
	for _, want := range []string{demo.Police, demo.Market, demo.Office, "各单位之和" + strconv.FormatInt(sum, 10)} {
		if !strings.Contains(parts, want) {
			t.Errorf("the parts lack %q: %s", want, parts)
		}
	}
	testenv.ViewScreenshot(t, office.ctx, "summary-parts")

	// The joint document, counted by both bodies, is counted once.
	reason := "公安局与市场监管局联合印发1件，只计1次"
	office.do(chromedp.SetValue(chromedp.ID("override-figure"), strconv.FormatInt(sum-1, 10)),
		chromedp.SendKeys(chromedp.ID("override-reason"), reason))
	office.submitVia(`.override-form button`)
	office.waitFor("the editor", `!!document.getElementById('report-form')`)
	if got := office.value(cellID(issued)); got != strconv.FormatInt(sum-1, 10) {
		t.Errorf("after the override the cell shows %q, want %d", got, sum-1)
	}
	if !strings.Contains(office.text("#findings"), "各单位之和为"+strconv.FormatInt(sum, 10)) {
		t.Errorf("findings lack the override: %s", office.text("#findings"))
	}

	// Write the texts and submit, with a reason for the missing bodies.
	for field, text := range map[string]string{"narrative-overview": "全市政府信息公开工作总体情况。", "narrative-problems": "存在的问题：政策解读形式单一；改进：增加图解解读。",
		"narrative-other": "本年度未收取信息处理费。"} {
		office.do(chromedp.SendKeys(chromedp.ID("f-"+field), text))
	}
	office.settle()
	office.submitVia(`.editor-bar a.button.primary`)
	if got := js[string](office, fmt.Sprintf(`document.querySelector('textarea[name="reason.W40:%s"]').value`, issued)); got != reason {
		t.Errorf("the submit form's reason for the override: %q", got)
	}
	office.do(chromedp.SendKeys(chromedp.CSS(`textarea[name="reason.W41"]`), "住建局、教育局和示范县的报告尚未审核，审核后更正"))
	office.submitVia(`form.action-form input[value=submit] ~ button`)
	if got := office.text(".review-head .badge"); got != "待审核" {
		t.Fatalf("after submitting: %q (%s)", got, office.text(".actions"))
	}

	// The reviewer sees the override's reason; after the police publish a
	// correction, the sums are out of date.
	reviewer := tab{t, testenv.Browser(t)}
	reviewer.loginDemo(app.URL, "demo-office-reviewer")
	reviewer.open(app.URL + paths.ReportView(id))
	w40 := `.finding[data-rule=W40]`
	if got := reviewer.text(w40 + " .reason"); !strings.Contains(got, reason) {
		t.Errorf("the reviewer sees the override's reason %q", got)
	}
	testenv.ViewScreenshot(t, reviewer.ctx, "summary-reviewer")
	// The page of sums, at the overridden cell: its parts and the reason,
	// read-only for the reviewer.
	reviewer.open(app.URL + paths.ReportRollupCell(id, issued))
	if got := reviewer.text("#parts"); !strings.Contains(got, reason) || !strings.Contains(got, demo.Police) {
		t.Errorf("the reviewer's parts of the cell: %q", got)
	}
	if js[bool](reviewer, `!!document.querySelector('.override-form')`) {
		t.Error("the reviewer is offered the override form")
	}
	testenv.ViewScreenshot(t, reviewer.ctx, "summary-sums-page")
	correct(t, app, demo.Police)
	reviewer.open(app.URL + paths.ReportView(id))
	if got := reviewer.text(`.finding[data-rule=W42]`); !strings.Contains(got, demo.Police) {
		t.Errorf("the reviewer is not told the sums are out of date: %q", got)
	}
	reviewer.do(chromedp.SendKeys(chromedp.ID("why-return"), "公安局已发布更正，请更新汇总数"))
	reviewer.submitVia(`form.action-form input[value=return] ~ button`)

	// The office sees what changed and refreshes.
	granted := "requests.granted.natural_person"
	before := cellValue(t, app, id, granted)
	office.open(app.URL + paths.ReportEdit(id))
	stale := office.text(".rollup-stale")
	if !strings.Contains(stale, demo.Police) || !strings.Contains(stale, "予以公开") {
		t.Errorf("the stale notice: %q", stale)
	}
	testenv.ViewScreenshot(t, office.ctx, "summary-stale")
	office.submitVia(`.rollup-refresh button`)
	office.waitFor("the editor", `!!document.getElementById('report-form')`)
	if got := office.value(cellID(granted)); got != strconv.FormatInt(before+1, 10) {
		t.Errorf("after refreshing %s shows %q, want %d", granted, got, before+1)
	}
	if got := office.value(cellID(issued)); got != strconv.FormatInt(sum-1, 10) {
		t.Errorf("the refresh lost the override: %q", got)
	}
	if got := office.text(".rollup-stale"); got != "" {
		t.Errorf("still stale after refreshing: %q", got)
	}
	if !strings.Contains(office.text(".flash"), "1个手工调整过的单元格保持不变") {
		t.Errorf("flash %q", office.text(".flash"))
	}
	testenv.ViewScreenshot(t, office.ctx, "summary-refreshed")
}

func reportOf(t *testing.T, app *webtest.App, body int64) int64 {
	t.Helper()
	rec, err := app.Store.ReportByBodyYear(t.Context(), body, demo.ReportYear)
	if err != nil {
		t.Fatal(err)
	}
	return rec.ID
}

func cellValue(t *testing.T, app *webtest.App, id int64, path string) int64 {
	t.Helper()
	rec, err := app.Store.Report(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := rec.Report.Get(path)
	return v.N
}

// storeCorrection starts the correction of a published report.
func storeCorrection(id int64, version int) store.StateChange {
	return store.StateChange{ReportID: id, Version: version, From: workflow.Published, To: workflow.Draft,
		Action: string(workflow.Correct), Correction: "更正第三部分予以公开件数"}
}
