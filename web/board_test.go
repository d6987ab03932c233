package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/gctune"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

func boardRows(d *goquery.Document) [][]string {
	var out [][]string
	d.Find(".board-table tbody tr").Each(func(_ int, tr *goquery.Selection) {
		var row []string
		tr.Find("th, td").Each(func(_ int, c *goquery.Selection) { row = append(row, strings.TrimSpace(c.Text())) })
		out = append(out, row)
	})
	return out
}

// TestBoard: a supervisor sees every body below, in tree order, with the
// state of its report, its errors and its deadline; filters and sorting
// narrow and order it; bodies elsewhere are not on it.
func TestBoard(t *testing.T) {
	app := webtest.Start(t)
	ctx := context.Background()
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	edu := app.Body(t, city, "市教育局", org.Department)
	app.Body(t, city, "市财政局", org.Department)
	town := app.Body(t, city, "某镇人民政府", org.Other)
	app.Body(t, 0, "别的市", org.LocalGovernment)
	app.User(t, "sup", auth.Grant{Body: city, Role: auth.Supervisor})
	rec, _ := app.Store.CreateReport(ctx, edu, 2024, report.New(report.T2021), 0)
	if err := app.Store.ChangeState(ctx, store.StateChange{ReportID: rec.ID, Version: 1, From: "draft", To: "submitted", Action: "submit"}); err != nil {
		t.Fatal(err)
	}
	app.Store.CreateReport(ctx, town, 2024, report.New(report.T2021), 0)
	c := app.Client(t, "sup")

	rows := boardRows(c.Get(t, paths.BoardYear(2024)).Doc(t))
	if len(rows) != 4 {
		t.Fatalf("board rows %v", rows)
	}
	if rows[0][0] != "某市人民政府" || rows[0][1] != "未开始" || !strings.HasSuffix(rows[1][0], "市教育局") || rows[1][1] != "待审核" || rows[1][2] != "3" {
		t.Errorf("rows %v", rows[:2])
	}
	// The deadline follows the body's kind (department 31 January, local
	// government 31 March, of the year after).
	if rows[0][4] != "2025-03-31" || rows[1][4] != "2025-01-31" {
		t.Errorf("deadlines %q %q", rows[0][4], rows[1][4])
	}

	filtered := boardRows(c.Get(t, paths.BoardYear(2024)+"&state=none").Doc(t))
	if len(filtered) != 2 || filtered[0][1] != "未开始" || filtered[1][1] != "未开始" {
		t.Errorf("not started: %v", filtered)
	}
	byName := boardRows(c.Get(t, paths.BoardYear(2024)+"&sort=name&desc=1").Doc(t))
	if len(byName) != 4 || byName[0][0] != "某镇人民政府" {
		t.Errorf("by name, descending: %v", byName)
	}
	search := boardRows(c.Get(t, paths.BoardYear(2024)+"&q="+url.QueryEscape("教育")).Doc(t))
	if len(search) != 1 {
		t.Errorf("search: %v", search)
	}
}

// BenchmarkBoard is the board of a city with 5,000 bodies below it, half of
// them with reports in every state: the handler, in-process, first page in
// tree order and sorted by errors. Budget: 200 ms.
func BenchmarkBoard(b *testing.B) {
	app := webtest.Start(b)
	root := seedBoard(b, app, 5000)
	app.User(b, "sup", auth.Grant{Body: root, Role: auth.Supervisor})
	c := app.Client(b, "sup")
	u, _ := url.Parse(app.URL)
	cookies := c.HTTP.Jar.Cookies(u)
	defer gctune.ForServer()() // as serve runs the app
	for name, q := range map[string]string{"tree": "", "by-errors": "&sort=errors&desc=1"} {
		b.Run(name, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, paths.BoardYear(2024)+q, nil)
				for _, ck := range cookies {
					req.AddCookie(ck)
				}
				rec := httptest.NewRecorder()
				start := time.Now()
				app.Server.ServeHTTP(rec, req)
				took = append(took, time.Since(start))
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "共5001个单位") {
					b.Fatalf("board: %d", rec.Code)
				}
			}
			reportPercentiles(b, took, "")
		})
	}
}

// seedBoard makes a root with n bodies below (50 counties with their
// departments), half of them with a 2024 report in one of the states.
func seedBoard(b *testing.B, app *webtest.App, n int) int64 {
	b.Helper()
	ctx := context.Background()
	root := app.Body(b, 0, "某省人民政府", org.LocalGovernment)
	states := []string{"draft", "submitted", "returned", "approved", "published"}
	var parent int64
	for i := range n {
		if i%100 == 0 {
			parent = root
		}
		id := app.Body(b, parent, fmt.Sprintf("单位%04d", i), org.Department)
		if i%100 == 0 {
			parent = id
		}
		if i%2 == 1 {
			continue
		}
		rec, err := app.Store.CreateReport(ctx, id, 2024, report.New(report.T2021), 0)
		if err != nil {
			b.Fatal(err)
		}
		if st := states[(i/2)%len(states)]; st != "draft" {
			if _, err := app.Store.DB.ExecContext(ctx, `UPDATE reports SET state = $1 WHERE id = $2`, st, rec.ID); err != nil {
				b.Fatal(err)
			}
		}
	}
	return root
}

// TestBoardDeadlines: with the clock at 2025-02-05, a department (due 31
// January) without a published report is overdue, a local government (due
// 31 March) is not; a report published on 20 January is on time. The
// overdue and errors filters and the overdue count follow.
func TestBoardDeadlines(t *testing.T) {
	app := webtest.Start(t)
	ctx := context.Background()
	app.Store.Now = func() time.Time { return time.Date(2025, 2, 5, 3, 0, 0, 0, time.UTC) }
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	late := app.Body(t, city, "市教育局", org.Department)
	onTime := app.Body(t, city, "市财政局", org.Department)
	app.User(t, "sup", auth.Grant{Body: city, Role: auth.Supervisor})
	app.Store.CreateReport(ctx, late, 2024, report.New(report.T2021), 0)
	rec, _ := app.Store.CreateReport(ctx, onTime, 2024, report.New(report.T2021), 0)
	if _, err := app.Store.DB.ExecContext(ctx, `UPDATE reports SET state = 'approved' WHERE id = $1`, rec.ID); err != nil {
		t.Fatal(err)
	}
	err := app.Store.ChangeState(ctx, store.StateChange{ReportID: rec.ID, Version: 1, From: "approved", To: "published",
		Action: "publish", Publication: &store.Publication{Data: []byte("{}"), PDF: []byte("%PDF"),
			PublishedAt: time.Date(2025, 1, 20, 2, 0, 0, 0, time.UTC)}})
	if err != nil {
		t.Fatal(err)
	}
	c := app.Client(t, "sup")
	d := c.Get(t, paths.BoardYear(2024)).Doc(t)
	due := map[string]string{}
	for _, r := range boardRows(d) {
		due[strings.TrimSpace(r[0])] = r[5]
	}
	want := map[string]string{"某市人民政府": "还有54天", "市教育局": "逾期5天", "市财政局": "按期发布"}
	for name, w := range want {
		if due[name] != w {
			t.Errorf("%s: %q, want %q", name, due[name], w)
		}
	}
	if got := d.Find(".board-summary .late").Text(); !strings.Contains(got, "1") {
		t.Errorf("overdue count %q", got)
	}
	overdue := boardRows(c.Get(t, paths.BoardYear(2024)+"&overdue=1").Doc(t))
	if len(overdue) != 1 || strings.TrimSpace(overdue[0][0]) != "市教育局" {
		t.Errorf("overdue filter: %v", overdue)
	}
	withErrors := boardRows(c.Get(t, paths.BoardYear(2024)+"&errors=1").Doc(t))
	if len(withErrors) != 2 {
		t.Errorf("errors filter: %v", withErrors)
	}
}
