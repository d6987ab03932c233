package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// checkRequest is a live check of report id as the editor's script sends
// it: the form (with base_version and the CSRF token), the session's
// cookies, HX-Request.
func checkRequest(tb testing.TB, app *webtest.App, c *webtest.Client, id int64, base int, form url.Values) *http.Request {
	tb.Helper()
	req := sessionRequest(tb, app, c, http.MethodPost, paths.ReportCheckURL(id), withBase(c.Token(tb), base, form))
	req.Header.Set("HX-Request", "true")
	return req
}

// withBase is form with base_version and the CSRF token added.
func withBase(token string, base int, form url.Values) url.Values {
	body := url.Values{"_csrf": {token}, "base_version": {strconv.Itoa(base)}}
	for k, v := range form {
		body[k] = v
	}
	return body
}

// sessionRequest is a request to path in c's session, posting form when
// it is not nil.
func sessionRequest(tb testing.TB, app *webtest.App, c *webtest.Client, method, path string, form url.Values) *http.Request {
	tb.Helper()
	u, _ := url.Parse(app.URL + path)
	var req *http.Request
	if form == nil {
		req = httptest.NewRequest(method, u.String(), nil)
	} else {
		req = httptest.NewRequest(method, u.String(), strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		req.AddCookie(ck)
	}
	return req
}

// serveCheck runs a live check in-process and returns the version its
// answer says the form is now based on.
func serveCheck(tb testing.TB, app *webtest.App, req *http.Request) int {
	tb.Helper()
	rec := httptest.NewRecorder()
	app.Server.ServeHTTP(rec, req)
	return answeredBase(tb, rec)
}

// answeredBase is the version a live check's answer says the form is now
// based on; a failed check fails tb.
func answeredBase(tb testing.TB, rec *httptest.ResponseRecorder) int {
	tb.Helper()
	m := baseVersionRE.FindStringSubmatch(rec.Body.String())
	if rec.Code != http.StatusOK || m == nil {
		tb.Fatalf("check: %d %.200s", rec.Code, rec.Body.String())
	}
	base, _ := strconv.Atoi(m[1])
	return base
}

// TestLiveCheckRoundTrips: a live check costs the statements docs/design.md
// names ("how a live check flows"), and checks its report once. (Neither
// test of report.ChecksRun may run in parallel: it counts the process's
// checks.)
func TestLiveCheckRoundTrips(t *testing.T) {
	tests := []struct {
		name     string
		lastYear bool
		form     func(i int) url.Values
		want     int
	}{
		{"one cell", false, func(i int) url.Values { return url.Values{"reviews.review.pending": {strconv.Itoa(i % 2)}} }, 12},
		{"one cell, last year in nianbao", true, func(i int) url.Values { return url.Values{"reviews.review.pending": {strconv.Itoa(i % 2)}} }, 12},
		{"whole form", false, func(i int) url.Values {
			f := seedForm(t, "002")
			f.Set("reviews.review.pending", strconv.Itoa(i%2))
			f.Set("reviews.review.upheld", strconv.Itoa(8-i%2))
			return f
		}, 12},
		{"nothing changed", false, func(int) url.Values { return url.Values{"reviews.review.pending": {"0"}} }, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			app := webtest.Start(t)
			body := app.Body(t, 0, "瑞安市人民政府办公室", org.LocalGovernment)
			app.User(t, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
			if tt.lastYear {
				last := seedReport(t, "000")
				last.Year = 2023
				if _, err := app.Store.CreateReport(t.Context(), body, 2023, last, 0); err != nil {
					t.Fatal(err)
				}
			}
			c := app.Client(t, "clerk")
			id := app.Report(t, body, 2024)
			full := seedForm(t, "002")
			full.Set("base_version", "1")
			if res := c.PostForm(t, paths.ReportSaveURL(id), full); res.Status != http.StatusSeeOther {
				t.Fatalf("save: %d", res.Status)
			}
			base := 2
			for i := range 3 { // the first prepares the statements; the last is counted
				ctx, n := store.CountStatements(t.Context())
				checks := report.ChecksRun()
				base = serveCheck(t, app, checkRequest(t, app, c, id, base, tt.form(i)).WithContext(ctx))
				if i < 2 {
					continue
				}
				if got := report.ChecksRun() - checks; got != 1 {
					t.Errorf("report.Check ran %d times, want once", got)
				}
				if n.N() != tt.want {
					t.Errorf("%d statements, want %d", n.N(), tt.want)
				}
			}
		})
	}
}

// TestOneCheckPerRequest: the editor's page, its plain save and its live
// check each check the report once (report.Check), however the answer is
// built from that check.
func TestOneCheckPerRequest(t *testing.T) {
	app, c, id := editorApp(t)
	full := seedForm(t, "002")
	tests := []struct {
		name   string
		req    func(base int) *http.Request
		status int
	}{
		{"the editor's page", func(int) *http.Request {
			return sessionRequest(t, app, c, http.MethodGet, paths.ReportEdit(id), nil)
		}, http.StatusOK},
		{"the plain save", func(base int) *http.Request {
			full.Set("reviews.review.pending", strconv.Itoa(base%2))
			return sessionRequest(t, app, c, http.MethodPost, paths.ReportSaveURL(id), withBase(c.Token(t), base, full))
		}, http.StatusSeeOther},
		{"the live check", func(base int) *http.Request {
			return checkRequest(t, app, c, id, base, url.Values{"reviews.review.pending": {strconv.Itoa(base % 2)}})
		}, http.StatusOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec, err := app.Store.Report(t.Context(), id)
			if err != nil {
				t.Fatal(err)
			}
			checks := report.ChecksRun()
			res := httptest.NewRecorder()
			app.Server.ServeHTTP(res, tt.req(rec.Version))
			if res.Code != tt.status {
				t.Fatalf("status %d, want %d: %.200s", res.Code, tt.status, res.Body.String())
			}
			if got := report.ChecksRun() - checks; got != 1 {
				t.Errorf("report.Check ran %d times, want once", got)
			}
		})
	}
}
