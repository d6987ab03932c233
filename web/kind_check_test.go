package web_test

import (
	"net/url"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestNotApplicableByBodyKind: seed 002 with its 规章 row printed 不适用 is
// right for a department — no W12 on its review page, no warning counted
// for the board — and a W12 naming the row's three cells for a local
// government. /check guesses the kind from the name the text is signed
// with.
func TestNotApplicableByBodyKind(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	bureau := app.Body(t, city, "某市教育局", org.Department)
	app.User(t, "reviewer", auth.Grant{Body: city, Role: auth.Reviewer})
	c := app.Client(t, "reviewer")
	rules := []string{"active.rules.issued", "active.rules.repealed", "active.rules.in_force"}
	for _, tc := range []struct {
		body int64
		w12  int
	}{{bureau, 0}, {city, 1}} {
		r := seedReport(t, "002")
		for _, p := range rules {
			r.Values[r.Template().Lookup(p)] = report.Value{State: report.NotApplicable}
		}
		rec, err := app.Store.CreateReport(t.Context(), tc.body, 2024, r, 0)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Warnings != tc.w12 {
			t.Errorf("body %d: %d warnings counted for the board, want %d", tc.body, rec.Warnings, tc.w12)
		}
		li := c.Get(t, paths.ReportView(rec.ID)).Doc(t).Find(`#findings li.finding[data-rule="W12"]`)
		if li.Length() != tc.w12 {
			t.Errorf("body %d: %d W12 on the review page, want %d", tc.body, li.Length(), tc.w12)
		}
		if tc.w12 == 1 && !strings.Contains(li.Text(), "3个单元格填的是“不适用”或“/”") {
			t.Errorf("W12 says %q", li.Text())
		}
	}
	for _, tc := range []struct {
		seed, from, to string
		w12            int
	}{
		{"002", "规章 | 0 | 0 | 0 |", "规章 | / | / | / |", 0}, // 瑞安市人民政府办公室
		{"004", "规章\t0\t0\t0", "规章\t/\t/\t/", 1},           // 郟县人民政府
	} {
		text := seedText(t, tc.seed)
		changed := strings.Replace(text, tc.from, tc.to, 1)
		if changed == text {
			t.Fatalf("seed %s no longer prints %q", tc.seed, tc.from)
		}
		d := c.PostMultipart(t, paths.CheckText, url.Values{"text": {changed}}, nil).Doc(t)
		if n := d.Find(`#findings li.finding[data-rule="W12"]`).Length(); n != tc.w12 {
			t.Errorf("/check of seed %s with “/” in 规章: %d W12, want %d: %v", tc.seed, n, tc.w12, findings(d))
		}
	}
}
