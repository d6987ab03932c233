package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"nianbao/internal/gctune"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// seedPublished makes a root with n bodies below it, each with a published
// report of year (seed 003, its name changed), written straight into the
// database in one transaction.
func seedPublished(b *testing.B, app *webtest.App, n, year int) int64 {
	b.Helper()
	ctx := context.Background()
	root := app.Body(b, 0, "某省人民政府", org.LocalGovernment)
	r := testenv.Seed(b, "003")
	tx, err := app.Store.DB.BeginTx(ctx, nil)
	if err != nil {
		b.Fatal(err)
	}
	now := time.Date(year+1, 1, 20, 2, 0, 0, 0, time.UTC)
	for i := range n {
		name := fmt.Sprintf("单位%04d", i)
		var body, rep int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO bodies (parent_id, name, kind, created_at) VALUES ($1, $2, 'department', $3) RETURNING id`,
			root, name, now).Scan(&body); err != nil {
			b.Fatal(err)
		}
		r.Org, r.Year = name, year
		r.Publication = &report.Publication{Revision: 1, Date: now.Format(time.DateOnly)}
		data, _ := r.MarshalJSON()
		if err := tx.QueryRowContext(ctx, `INSERT INTO reports (body_id, year, state, version, data, created_at, updated_at)
			VALUES ($1, $2, 'published', 1, $3, $4, $4) RETURNING id`, body, year, string(data), now).Scan(&rep); err != nil {
			b.Fatal(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO publications (report_id, body_id, year, revision, published_at, data, pdf, pdf_sha256)
			VALUES ($1, $2, $3, 1, $4, $5, $6, 'x')`, rep, body, year, now, string(data), []byte("%PDF")); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		b.Fatal(err)
	}
	return root
}

// BenchmarkOpenData5000: the open data of 5,000 bodies × 1 year, all
// under one body: the page (first and last page of columns), the CSV of
// the whole choice, and the year's bulk CSV and JSON.
func BenchmarkOpenData5000(b *testing.B) {
	app := webtest.Start(b)
	root := seedPublished(b, app, 5000, 2024)
	choice := fmt.Sprintf("?under=%d&year=2024", root)
	defer gctune.ForServer()() // as serve runs the app
	for _, c := range []struct{ name, path, want string }{
		{"page", paths.PublicData + choice, "共5000份报告"},
		{"last-page", fmt.Sprintf("%s?page=500&under=%d&year=2024", paths.PublicData, root), "第4991–5000份"},
		{"choice-csv", paths.PublicDataCSV + choice, "单位4999"},
		{"bulk-csv", paths.PublicDataBulkCSVURL(2024), "单位4999"},
		{"bulk-json", paths.PublicDataBulkJSONURL(2024), "单位4999"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var took []time.Duration
			size := 0
			for b.Loop() {
				req := httptest.NewRequest(http.MethodGet, c.path, nil)
				rec := httptest.NewRecorder()
				start := time.Now()
				app.Server.ServeHTTP(rec, req)
				took = append(took, time.Since(start))
				if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), c.want) {
					b.Fatalf("%s: %d, no %q", c.path, rec.Code, c.want)
				}
				size = rec.Body.Len()
			}
			reportPercentiles(b, took, "")
			b.ReportMetric(float64(size)/1024, "KiB")
		})
	}
}
