package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestSessionWrittenOnlyWhenChanged: pages and live checks that change
// nothing in a session leave its row alone, and a session changed on one
// server (a flash set there) is written again by another that had it
// unchanged, so the flash shows once: not twice, not never.
func TestSessionWrittenOnlyWhenChanged(t *testing.T) {
	db := webtest.NewDB(t)
	a, b := webtest.StartOn(t, db), webtest.StartOn(t, db)
	body := a.Body(t, 0, "某局", org.Department)
	a.User(t, "zhang", auth.Grant{Body: body, Role: auth.Clerk})
	id := a.Report(t, body, 2024)
	onA := a.Client(t, "zhang")
	onB := webtest.NewClientWithJar(b.URL, onA.HTTP.Jar) // the same browser, sent to B

	onA.Get(t, paths.ReportEdit(id))
	before := sessionRows(t, a)
	for range 3 {
		onA.Get(t, paths.ReportEdit(id))
		check(t, onA, id, 1, url.Values{})
	}
	if after := sessionRows(t, a); after != before {
		t.Errorf("requests that changed nothing rewrote the session:\nbefore %s\nafter  %s", before, after)
	}

	onB.Get(t, paths.ReportEdit(id)) // B writes the session (a new expiry) and keeps what it wrote
	if res := onA.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"2024"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("opening the existing report: %d", res.Status)
	}
	const flash = "2024年度的报告已经存在，已为您打开。"
	if got := onB.Get(t, paths.ReportEdit(id)).Doc(t).Find(".flash").Text(); got != flash {
		t.Errorf("B shows the flash A set as %q, want %q", got, flash)
	}
	if got := onA.Get(t, paths.ReportEdit(id)).Doc(t).Find(".flash").Text(); got != "" {
		t.Errorf("A shows the flash B showed already: %q", got)
	}
}

// sessionRows is the sessions table as text.
func sessionRows(t *testing.T, app *webtest.App) string {
	t.Helper()
	rows, err := app.Store.DB.QueryContext(t.Context(), `SELECT token, data, CAST(expiry AS TEXT) FROM sessions ORDER BY token`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out strings.Builder
	for rows.Next() {
		var token, expiry string
		var data []byte
		if err := rows.Scan(&token, &data, &expiry); err != nil {
			t.Fatal(err)
		}
		out.WriteString(token + " " + expiry + " " + string(data) + "; ")
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out.String()
}
