package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
)

// TestStateChangingRoutesNeedCSRF: every POST/PUT/PATCH/DELETE route of the
// router refuses a logged-in admin's request (a clerk's for the report
// routes) without a valid token — none, a wrong one, or another session's —
// with 403, and nothing is changed.
func TestStateChangingRoutesNeedCSRF(t *testing.T) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	app.User(t, "admin", auth.Grant{Body: body, Role: auth.Admin}, auth.Grant{Body: body, Role: auth.Clerk})
	target := app.User(t, "target", auth.Grant{Body: body, Role: auth.Clerk})
	report := app.Report(t, body, 2024)
	c := app.Client(t, "admin")
	other := app.Client(t, "target")
	ids := map[string]string{"/reports/": fmtID(report), "/bodies/": fmtID(body), "/admin/bodies/": fmtID(body), "/admin/users/": fmtID(target)}
	form := url.Values{"base_version": {"1"}, "narrative.other": {"x"}, "year": {"2023"}, "name": {"x"},
		"parent": {fmtID(body)}, "kind": {"department"}, "password": {webtest.Password}, "disabled": {"1"}}
	tokens := map[string]func() string{
		"none":          func() string { return "" },
		"wrong":         func() string { return "not-the-token" },
		"other session": func() string { return other.Token(t) },
	}
	n := 0
	for _, rt := range app.Server.Routes() {
		switch rt.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			continue
		}
		n++
		path := withIDs(rt.Path, ids)
		for name, tok := range tokens {
			f := cloneForm(form)
			if v := tok(); v != "" {
				f.Set("_csrf", v)
			}
			if res := c.PostFormRaw(t, path, f); res.Status != http.StatusForbidden {
				t.Errorf("%s %s with %s token: status %d, want 403", rt.Method, path, name, res.Status)
			}
			h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"},
				"X-CSRF-Token": {tok()}}
			if res := c.Do(t, rt.Method, path, strings.NewReader(form.Encode()), h); res.Status != http.StatusForbidden {
				t.Errorf("htmx %s %s with %s token: status %d, want 403", rt.Method, path, name, res.Status)
			}
		}
	}
	if n < 10 {
		t.Errorf("only %d state-changing routes found", n)
	}
	rec, _ := app.Store.Report(t.Context(), report)
	if rec.Version != 1 {
		t.Errorf("the report was saved without a token (version %d)", rec.Version)
	}
	if u, _ := app.Store.User(t.Context(), target); u.Disabled {
		t.Error("a user was disabled without a token")
	}
	// And with the header from the page, an htmx save goes through.
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"}, "X-CSRF-Token": {c.Token(t)}}
	res := c.Do(t, http.MethodPost, "/reports/"+fmtID(report)+"/save", strings.NewReader("base_version=1&narrative.other=htmx"), h)
	if res.Status != http.StatusSeeOther {
		t.Errorf("htmx save with the page's token: status %d, want 303", res.Status)
	}
}

func fmtID(n int64) string { return id(n) }

// withIDs fills the :id of a pattern with the id for its prefix.
func withIDs(pattern string, ids map[string]string) string {
	for prefix, v := range ids {
		if strings.HasPrefix(pattern, prefix+":id") {
			return strings.Replace(pattern, ":id", v, 1)
		}
	}
	return pattern
}

func cloneForm(f url.Values) url.Values {
	out := url.Values{}
	for k, v := range f {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// TestCSRFTokenNotFromTheQuery: the session's own token refuses to work in
// the URL (a link, a logged address); the same token in the body works.
func TestCSRFTokenNotFromTheQuery(t *testing.T) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	app.User(t, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
	report := app.Report(t, body, 2024)
	c := app.Client(t, "clerk")
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}}
	save := "/reports/" + fmtID(report) + "/save"
	res := c.Do(t, http.MethodPost, save+"?_csrf="+url.QueryEscape(c.Token(t)), strings.NewReader("base_version=1&narrative.other=链接里的令牌"), h)
	if res.Status != http.StatusForbidden {
		t.Errorf("a token in the query string: status %d, want 403", res.Status)
	}
	if rec, _ := app.Store.Report(t.Context(), report); rec.Version != 1 {
		t.Errorf("the report was saved with the token in the URL (version %d)", rec.Version)
	}
	f := url.Values{"_csrf": {c.Token(t)}, "base_version": {"1"}, "narrative.other": {"表单里的令牌"}}
	if res := c.Do(t, http.MethodPost, save, strings.NewReader(f.Encode()), h); res.Status != http.StatusSeeOther {
		t.Errorf("the token in the body: status %d, want 303", res.Status)
	}
}
