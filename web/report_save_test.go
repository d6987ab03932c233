package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

func TestReportCreateAndSave(t *testing.T) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "某局", org.Department)
	app.User(t, "zhang", auth.Grant{Body: body, Role: auth.Clerk})
	c := app.Client(t, "zhang")

	res := c.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"2024"}})
	if res.Status != http.StatusSeeOther || !strings.HasSuffix(res.Location(), "/edit") {
		t.Fatalf("create: %d → %q", res.Status, res.Location())
	}
	rec, err := app.Store.ReportByBodyYear(t.Context(), body, 2024)
	if err != nil || rec.Report.Title != "某局2024年政府信息公开工作年度报告" || rec.Report.Org != "某局" {
		t.Fatalf("created report: %+v, %v", rec, err)
	}
	if again := c.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"2024"}}); again.Location() != res.Location() {
		t.Errorf("creating the same year again leads to %q, not the existing report", again.Location())
	}
	bad := c.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"1999"}})
	if bad.Status != http.StatusUnprocessableEntity || !strings.Contains(bad.Doc(t).Find(".field-error").Text(), "年份") {
		t.Errorf("year 1999: status %d, no message at the field", bad.Status)
	}

	save := func(base string, fields url.Values) *webtest.Response {
		fields.Set("base_version", base)
		return c.PostForm(t, paths.ReportSaveURL(rec.ID), fields)
	}
	row := url.Values{"requests.new_received.natural_person": {"１２５"}, "requests.new_received.commercial": {"2"},
		"requests.new_received.research": {"0"}, "requests.new_received.public_interest": {"0"},
		"requests.new_received.legal_services": {"0"}, "requests.new_received.total": {"999"},
		"narrative.overview": {"总体情况\r\n第二行"}, "title": {"新标题"}}
	res = save("1", row)
	if res.Status != http.StatusSeeOther || res.Location() != paths.ReportEditSaved(rec.ID, 2) {
		t.Fatalf("save: %d → %q: %s", res.Status, res.Location(), res.Body)
	}
	got, _ := app.Store.Report(t.Context(), rec.ID)
	check := func(path string, want report.Value) {
		t.Helper()
		if v, _ := got.Report.Get(path); v != want {
			t.Errorf("%s = %+v, want %+v", path, v, want)
		}
	}
	check("requests.new_received.natural_person", report.Num(125))
	check("requests.new_received.total", report.Value{}) // 其他 still blank: no total yet, and 999 ignored
	if got.Report.Narrative.Overview != "总体情况\n第二行" || got.Report.Title != "新标题" {
		t.Errorf("text fields: %q, %q", got.Report.Narrative.Overview, got.Report.Title)
	}

	res = save("2", url.Values{"requests.new_received.other": {"7"}})
	got, _ = app.Store.Report(t.Context(), rec.ID)
	check("requests.new_received.total", report.Num(134))
	check("requests.new_received.natural_person", report.Num(125)) // absent: kept
	if got.Report.Narrative.Overview == "" || res.Status != http.StatusSeeOther {
		t.Error("fields left out of the form were not kept")
	}

	// A form based on version 2 after version 3 was saved elsewhere: what
	// only the other side changed is merged in, nothing is lost.
	stale := save("2", url.Values{"narrative.other": {"来自旧窗口"}})
	got, _ = app.Store.Report(t.Context(), rec.ID)
	if stale.Status != http.StatusSeeOther || got.Version != 4 || got.Report.Narrative.Other != "来自旧窗口" {
		t.Fatalf("stale save: %d, v%d, other %q", stale.Status, got.Version, got.Report.Narrative.Other)
	}
	check("requests.new_received.other", report.Num(7)) // version 3's change survived the merge

	// Two windows change the same field from version 4: the second is told,
	// sees both values, and keeps the one it chooses.
	save("4", url.Values{"narrative.problems": {"窗口甲的写法"}, "preface": {"甲的前言"}})
	conflict := save("4", url.Values{"narrative.problems": {"窗口乙的写法"}, "preface": {"乙的前言"}})
	doc := conflict.Doc(t)
	if conflict.Status != http.StatusConflict || !strings.Contains(doc.Find("#conflict").Text(), "窗口甲的写法") ||
		doc.Find("#f-narrative-problems").Text() != "窗口乙的写法" || doc.Find("#conflict tbody tr").Length() != 2 {
		t.Fatalf("conflict: status %d; panel %q", conflict.Status, doc.Find("#conflict").Text())
	}
	resolved := save("4", url.Values{"narrative.problems": {"窗口乙的写法"}, "preface": {"乙的前言"}, "resolve": {"1"},
		"conflict_version": {"5"}, "keep.narrative.problems": {"theirs"}, "keep.preface": {"mine"}})
	got, _ = app.Store.Report(t.Context(), rec.ID)
	if resolved.Status != http.StatusSeeOther || got.Version != 6 || got.Report.Narrative.Problems != "窗口甲的写法" ||
		got.Report.Preface != "乙的前言" {
		t.Errorf("resolved: %d, v%d, %q, %q", resolved.Status, got.Version, got.Report.Narrative.Problems, got.Report.Preface)
	}

	// Input that cannot be read is kept as typed, with its message at the cell.
	refused := save("6", url.Values{"requests.granted.natural_person": {"abc"}, "requests.granted.commercial": {"-1"}})
	if refused.Status != http.StatusSeeOther {
		t.Fatalf("bad cells: status %d", refused.Status)
	}
	page := c.Get(t, paths.ReportEdit(rec.ID)).Doc(t)
	for id, msg := range map[string]string{"requests-granted-natural_person": "阿拉伯数字", "requests-granted-commercial": "不能为负数"} {
		if page.Find("#m-"+id).Text() == "" || !strings.Contains(page.Find("#m-"+id).Text(), msg) {
			t.Errorf("%s: mark %q, want %q", id, page.Find("#m-"+id).Text(), msg)
		}
	}
	if v, _ := page.Find("#c-requests-granted-natural_person").Attr("value"); v != "abc" {
		t.Errorf("the typed text is not kept: %q", v)
	}
	if v1, err := app.Store.ReportVersion(t.Context(), rec.ID, 2); err != nil || v1.Report.Title != "新标题" {
		t.Errorf("version 2 not kept: %v", err)
	}
}

// TestReportCreatePrefill: a new year's report starts from last year's in
// the system: 上年结转 from its 结转下年度, the 现行有效件数 base, and the
// editor shows last year's numbers beside those cells.
func TestReportCreatePrefill(t *testing.T) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "瑞安市人民政府办公室", org.LocalGovernment)
	app.User(t, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
	c := app.Client(t, "clerk")
	last := seedReport(t, "002")
	if _, err := app.Store.CreateReport(t.Context(), body, 2024, last, 0); err != nil {
		t.Fatal(err)
	}
	res := c.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"2025"}, "prefill": {"1"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: %d", res.Status)
	}
	rec, err := app.Store.ReportByBodyYear(t.Context(), body, 2025)
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]report.Value{"requests.carried_over.natural_person": report.Num(22),
		"requests.carried_over.total": report.Num(22), "active.normative_docs.in_force": report.Num(231),
		"requests.new_received.natural_person": {}} {
		if v, _ := rec.Report.Get(path); v != want {
			t.Errorf("%s = %v, want %v", path, v, want)
		}
	}
	page := c.Get(t, res.Location()).Doc(t)
	if got := page.Find(".flash, .notice").Text(); !strings.Contains(got, "已从2024年报告带入") {
		t.Errorf("no message about the prefill: %q", got)
	}
	if got := page.Find(`td:has(#c-requests-carried_over-natural_person) .hint`).Text(); got != "上年结转下年度：22" {
		t.Errorf("hint %q", got)
	}
	// Without the box ticked, nothing is carried over.
	other := app.Body(t, 0, "另一机关", org.Department)
	app.User(t, "clerk2", auth.Grant{Body: other, Role: auth.Clerk})
	if _, err := app.Store.CreateReport(t.Context(), other, 2024, last, 0); err != nil {
		t.Fatal(err)
	}
	app.Client(t, "clerk2").PostForm(t, paths.BodyReportsURL(other), url.Values{"year": {"2025"}})
	rec, _ = app.Store.ReportByBodyYear(t.Context(), other, 2025)
	if v, _ := rec.Report.Get("requests.carried_over.natural_person"); v.State != report.Blank {
		t.Errorf("prefilled without being asked: %v", v)
	}
}
