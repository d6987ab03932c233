package web_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/demo"
	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestDemoIsOfLastYear: on the demo, the board opens on the demo's year
// with its bodies in their several states (not all 未开始), and the demo
// clerk's report is of that year, at most a year overdue — not the years
// overdue of a report fixed at 2024 (issue 17, item 13).
func TestDemoIsOfLastYear(t *testing.T) {
	app, _ := demoApp(t)
	year := strconv.Itoa(demo.ReportYear)

	sup := tab{t, testenv.Browser(t)}
	sup.loginDemo(app.URL, "demo-supervisor")
	sup.open(app.URL + paths.Board)
	states := js[[]string](sup, `[...document.querySelectorAll('.board-table tbody tr td:nth-child(2)')].map(td => td.textContent.trim())`)
	started := 0
	for _, s := range states {
		if !strings.Contains(s, "未开始") {
			started++
		}
	}
	if len(states) == 0 || started < 3 {
		t.Errorf("board of the default year: states %q, want at least 3 bodies begun", states)
	}
	if got := js[string](sup, `document.querySelector('select[name=year]').value`); got != year {
		t.Errorf("board opens on %s, want %s", got, year)
	}
	testenv.ViewScreenshot(t, sup.ctx, "demo-board")

	clerk := tab{t, testenv.Browser(t)}
	clerk.loginDemo(app.URL, "demo-clerk")
	if got := clerk.text("main"); !strings.Contains(got, year+"年") {
		t.Errorf("the clerk's home lacks the %s report: %q", year, got)
	}
	rec, err := app.Store.ReportByBodyYear(t.Context(), bodyNamed(t, app, demo.Education), demo.ReportYear)
	if err != nil {
		t.Fatal(err)
	}
	clerk.open(app.URL + paths.ReportView(rec.ID))
	if m := regexp.MustCompile(`已逾期(\d+)天`).FindStringSubmatch(clerk.text("main")); m != nil {
		if n, _ := strconv.Atoi(m[1]); n > 366 {
			t.Errorf("the demo report is %d days overdue", n)
		}
	}
	testenv.ViewScreenshot(t, clerk.ctx, "demo-report")
}
