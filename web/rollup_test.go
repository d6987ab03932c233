package web_test

import (
	"context"
	"fmt"
	"html"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/xuri/excelize/v2"

	"nianbao/internal/auth"
	"nianbao/internal/demo"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/sheet"
	"nianbao/internal/webtest"
	"nianbao/internal/workflow"
	"nianbao/web/paths"
)

// summary is the 2023 汇总 report (本行政区域) of a scope's body, made
// once, with its sums taken.
func (f *fixture) summary(sc scope) int64 {
	if f.summaries == nil {
		f.summaries = map[scope]int64{}
	}
	if id, ok := f.summaries[sc]; ok {
		return id
	}
	r := report.New(report.T2021)
	r.Year, r.Org, r.Scope = 2023, "测试机关", report.ScopeRegion
	rec, err := f.app.Store.CreateReport(context.Background(), f.body[sc], 2023, r, 0)
	if err != nil {
		panic(err)
	}
	takeSums(rec.ID, f.app)
	f.summaries[sc] = rec.ID
	return rec.ID
}

// takeSums takes a summary's sums through the store, as its office would.
func takeSums(id int64, app *webtest.App) {
	rec, err := app.Store.Report(context.Background(), id)
	if err != nil {
		panic(err)
	}
	ms, err := app.Store.RegionMembers(context.Background(), rec.BodyID, rec.Year)
	if err != nil {
		panic(err)
	}
	_, sum, err := rollup.Take(ms, rec.BodyID, rec.Report.Scope)
	if err != nil {
		panic(err)
	}
	rollup.Refresh(rec.Report, nil, sum.Values)
	if _, err := app.Store.TakeRollup(context.Background(), id, rec.Version, rec.Report, report.Tally{}, sum, "测试", 0); err != nil {
		panic(err)
	}
}

// TestSummaryListsOnlyItsScope: a summary lists and sums the bodies of its
// scope and nothing else — an unrelated body's published report never
// shows, a department's draft is listed by its state but not its numbers —
// and a body below cannot open its government's summary.
func TestSummaryListsOnlyItsScope(t *testing.T) {
	app := webtest.Start(t)
	ctx := t.Context()
	gov := app.Body(t, 0, "某县人民政府", org.LocalGovernment)
	dept := app.Body(t, gov, "某县教育局", org.Department)
	town := app.Body(t, gov, "某镇人民政府", org.Other)
	other := app.Body(t, 0, "无关县人民政府", org.LocalGovernment)
	otherDept := app.Body(t, other, "无关县公安局", org.Department)
	for _, b := range []int64{town, otherDept} {
		rec, err := app.Store.CreateReport(ctx, b, demo.ReportYear, demo.RegionReport("机关", 7), 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := demo.Advance(ctx, app.Store, rec.ID, workflow.Approved); err != nil {
			t.Fatal(err)
		}
	}
	draft := demo.RegionReport("某县教育局", 1000)
	draft.Narrative.Overview = "教育局草稿的秘密"
	if _, err := app.Store.CreateReport(ctx, dept, demo.ReportYear, draft, 0); err != nil {
		t.Fatal(err)
	}
	app.User(t, "gov-clerk", auth.Grant{Body: gov, Role: auth.Clerk})
	app.User(t, "dept-clerk", auth.Grant{Body: dept, Role: auth.Clerk})
	c := app.Client(t, "gov-clerk")
	res := c.PostForm(t, paths.BodyReportsURL(gov), url.Values{"year": {itoa(int64(demo.ReportYear))}, "scope": {"level"}})
	if res.Status != 303 {
		t.Fatalf("create: %d %.300s", res.Status, res.Body)
	}
	id := reportOf(t, app, gov)
	page := c.Get(t, paths.ReportRollup(id))
	doc := page.Doc(t)
	listed := doc.Find(".rollup-coverage tbody th").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if strings.Join(listed, "、") != "某县教育局" {
		t.Errorf("本级 lists %v, want the department alone", listed)
	}
	if strings.Contains(page.Body, "无关") || strings.Contains(page.Body, "教育局草稿的秘密") || strings.Contains(page.Body, "100000") {
		t.Error("the summary shows what is outside its scope or a draft's content")
	}
	if got := cellValue(t, app, id, "active.licensing.decisions"); got != 0 {
		t.Errorf("本级 with only a draft summed %d", got)
	}
	if res := app.Client(t, "dept-clerk").Get(t, paths.ReportRollup(id)); res.Status != 404 {
		t.Errorf("a department's clerk opens the government's summary: %d", res.Status)
	}

	// The workbooks list the same bodies: the summary's (本级), and the
	// board's of the whole region for the county's supervisor.
	if got := workbookBodies(t, c.Get(t, paths.ReportRollupXLSXURL(id))); strings.Join(got, "、") != "某县教育局（草稿，报告尚未审核通过，0格有数）" {
		t.Errorf("the summary's workbook lists %v", got)
	}
	app.User(t, "gov-super", auth.Grant{Body: gov, Role: auth.Supervisor})
	sup := app.Client(t, "gov-super")
	if !strings.Contains(sup.Get(t, paths.BoardYear(demo.ReportYear)).Body, html.EscapeString(paths.BoardRollup(gov, demo.ReportYear))) {
		t.Error("the board does not offer the region's workbook")
	}
	got := workbookBodies(t, sup.Get(t, paths.BoardRollup(gov, demo.ReportYear)))
	if strings.Join(got, "、") != "某县教育局（草稿，报告尚未审核通过，0格有数）、某镇人民政府（已审核，已计入，"+strconv.Itoa(len(report.T2021.Cells))+"格有数）" {
		t.Errorf("the board's workbook lists %v", got)
	}
}

// workbookBodies reads a roll-up workbook's bodies sheet: each body with
// its state, whether it counts and how many of its cells hold a number.
func workbookBodies(t *testing.T, res *webtest.Response) []string {
	t.Helper()
	if res.Status != 200 || !strings.Contains(res.Header.Get("Content-Disposition"), ".xlsx") {
		t.Fatalf("workbook: %d %q", res.Status, res.Header.Get("Content-Disposition"))
	}
	f, err := excelize.OpenReader(strings.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet.BodiesSheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range rows[2:] {
		if line[0] == sheet.RowSum {
			break
		}
		filled := 0
		for _, v := range line[3:] {
			if v != "" {
				filled++
			}
		}
		out = append(out, fmt.Sprintf("%s（%s，%s，%d格有数）", strings.TrimSpace(line[0]), line[1], line[2], filled))
	}
	return out
}

// officeSummary is the demo city's region summary, created by its
// office's clerk, whose client it returns.
func officeSummary(t *testing.T) (*webtest.App, *webtest.Client, int64) {
	t.Helper()
	app, city := demoApp(t)
	c := app.Anonymous(t)
	c.Login(t, "demo-office", demo.Password)
	res := c.PostForm(t, paths.BodyReportsURL(city), url.Values{"year": {itoa(int64(demo.ReportYear))}, "scope": {"region"}})
	if res.Status != 303 {
		t.Fatalf("create: %d %.300s", res.Status, res.Body)
	}
	return app, c, reportOf(t, app, city)
}

// TestOverrideRefusals: a figure that differs from its sum needs a reason,
// an unreadable figure is refused at the field, a total cannot be set; in
// each case what was typed comes back. Setting a figure back to its sum
// needs no reason.
func TestOverrideRefusals(t *testing.T) {
	app, c, id := officeSummary(t)
	issued := "active.normative_docs.issued"
	sum := cellValue(t, app, id, issued)
	tests := []struct {
		name, cell, figure, reason string
		status                     int
		want                       string
	}{
		{"no reason", issued, "3", "", 422, "请写明原因"},
		{"not a number", issued, "三件", "联合发文", 422, "阿拉伯数字"},
		{"a total", "requests.handled_total.total", "3", "联合发文", 422, "合计由系统计算"},
		{"back to the sum", issued, itoa(sum), "", 303, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := c.PostForm(t, paths.ReportRollupOverrideURL(id), url.Values{"cell": {tc.cell}, "figure": {tc.figure}, "reason": {tc.reason}})
			if res.Status != tc.status || !strings.Contains(res.Body, tc.want) {
				t.Fatalf("status %d, want %d with %q: %.400s", res.Status, tc.status, tc.want, res.Body)
			}
			if tc.status == 422 && tc.cell == issued && !strings.Contains(res.Body, `value="`+tc.figure+`"`) {
				t.Error("the typed figure is not kept")
			}
		})
	}
	if got := cellValue(t, app, id, issued); got != sum {
		t.Errorf("after the refusals the cell is %d, want %d", got, sum)
	}
}

// TestLiveCheckOfASummary: typing a figure that is not the sum into a
// summary's cell brings its W40 warning at once, and the refresh of a
// submitted summary is refused with a message.
func TestLiveCheckOfASummary(t *testing.T) {
	app, c, id := officeSummary(t)
	rec, _ := app.Store.Report(t.Context(), id)
	_, doc := check(t, c, id, rec.Version, url.Values{"active.punishment.decisions": {"1"}})
	got := strings.Join(findings(doc), "\n")
	if !strings.Contains(got, "第二部分 行政处罚 × 本年处理决定数量：本报告为1，各单位之和为") {
		t.Errorf("live check findings lack W40:\n%s", got)
	}
	if err := demo.Advance(t.Context(), app.Store, id, workflow.Submitted); err != nil {
		t.Fatal(err)
	}
	res := c.PostForm(t, paths.ReportRollupRefreshURL(id), url.Values{"back": {"edit"}})
	if res.Status != 303 {
		t.Fatalf("refresh of a submitted summary: %d", res.Status)
	}
	if page := c.Get(t, paths.ReportView(id)); !strings.Contains(page.Body, "不能再更新汇总数") {
		t.Error("the refused refresh says nothing")
	}
}

// TestSummaryNeedsSubordinates: a body without subordinate bodies cannot
// start a 汇总 report, and an unknown scope is refused.
func TestSummaryNeedsSubordinates(t *testing.T) {
	app := webtest.Start(t)
	lone := app.Body(t, 0, "某局", org.Department)
	app.User(t, "clerk", auth.Grant{Body: lone, Role: auth.Clerk})
	c := app.Client(t, "clerk")
	for scope, want := range map[string]string{"region": "没有下级单位", "city": "不认识的报告类型"} {
		res := c.PostForm(t, paths.BodyReportsURL(lone), url.Values{"year": {"2024"}, "scope": {scope}})
		if res.Status != 422 || !strings.Contains(res.Body, want) {
			t.Errorf("%s: %d %.200s", scope, res.Status, res.Body)
		}
	}
	if home := c.Get(t, paths.Home); strings.Contains(home.Body, "报告类型") {
		t.Error("a body without subordinates is offered a 汇总 report")
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSeedsRegionInTheApp: the four seeds as the approved reports of one
// government's departments; its clerk creates the region's summary in the
// app, whose tables equal an independent sum of the seeds, and which,
// once its texts are written, checks clean — the usual arithmetic and the
// summary's rules.
func TestSeedsRegionInTheApp(t *testing.T) {
	app := webtest.Start(t)
	ctx := t.Context()
	gov := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	want := map[string]int64{}
	for _, name := range []string{"000", "002", "003", "004"} {
		r := seedReport(t, name)
		dept := app.Body(t, gov, r.Org, org.Department)
		rec, err := app.Store.CreateReport(ctx, dept, demo.ReportYear, r, 0)
		if err != nil {
			t.Fatal(err)
		}
		if err := demo.Advance(ctx, app.Store, rec.ID, workflow.Approved); err != nil {
			t.Fatal(err)
		}
		for _, def := range report.T2021.Cells {
			v, _ := r.Get(def.Path)
			want[def.Path] += v.N
		}
	}
	app.User(t, "gov-clerk", auth.Grant{Body: gov, Role: auth.Clerk})
	c := app.Client(t, "gov-clerk")
	if res := c.PostForm(t, paths.BodyReportsURL(gov), url.Values{"year": {itoa(int64(demo.ReportYear))}, "scope": {"region"}}); res.Status != 303 {
		t.Fatalf("create: %d %.300s", res.Status, res.Body)
	}
	id := reportOf(t, app, gov)
	for _, def := range report.T2021.Cells {
		if got := cellValue(t, app, id, def.Path); got != want[def.Path] {
			t.Errorf("%s: %d, want %d", def.Path, got, want[def.Path])
		}
	}
	rec, _ := app.Store.Report(ctx, id)
	form := url.Values{"base_version": {strconv.Itoa(rec.Version)}, "narrative.overview": {"全市总体情况。"},
		"narrative.problems": {"存在的问题：政策解读形式单一，下一步将增加图解解读。"}, "narrative.other": {"本年度未收取信息处理费。"}}
	if res := c.PostForm(t, paths.ReportSaveURL(id), form); res.Status != 303 {
		t.Fatalf("save: %d", res.Status)
	}
	view := c.Get(t, paths.ReportView(id)).Doc(t)
	if got := view.Find("#findings .summary").Text(); got != "没有发现问题" {
		t.Errorf("the summary's findings: %s — %v", got, view.Find("#findings li.finding").Map(func(_ int, s *goquery.Selection) string { return s.Text() }))
	}
}
