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

	stale := save("2", url.Values{"narrative.other": {"来自旧窗口"}})
	if stale.Status != http.StatusConflict || !strings.Contains(stale.Body, "已被保存过") {
		t.Errorf("stale save: status %d, want 409 with a message", stale.Status)
	}
	refused := save("3", url.Values{"requests.granted.natural_person": {"abc"}, "requests.granted.commercial": {"-1"},
		"narrative.other": {"不应保存"}})
	if refused.Status != http.StatusUnprocessableEntity || !strings.Contains(refused.Body, "请填写阿拉伯数字") ||
		!strings.Contains(refused.Body, "不能为负数") {
		t.Errorf("bad cells: status %d, body %q", refused.Status, refused.Body)
	}
	got, _ = app.Store.Report(t.Context(), rec.ID)
	if got.Version != 3 || got.Report.Narrative.Other != "" {
		t.Errorf("a refused or stale save wrote something: v%d, other %q", got.Version, got.Report.Narrative.Other)
	}
	if v1, err := app.Store.ReportVersion(t.Context(), rec.ID, 2); err != nil || v1.Report.Title != "新标题" {
		t.Errorf("version 2 not kept: %v", err)
	}
}
