package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// The matrix: every route × every role × own body / child body / unrelated
// body → the expected status. Routes come from the router, so a route
// without a row fails the test.

// expectation is one route's row.
type expectation struct {
	scoped  bool
	path    func(f *fixture, sc scope) string
	form    func(f *fixture, sc scope) url.Values
	prepare func(t *testing.T, f *fixture, sc scope)
	after   func(t *testing.T, f *fixture, r role)
	want    func(r role, sc scope) int
}

func fixed(p string) func(*fixture, scope) string { return func(*fixture, scope) string { return p } }

func all(status int) func(role, scope) int { return func(role, scope) int { return status } }

// loggedIn: anonymous users are sent to the login page; others get status.
func loggedIn(status int) func(role, scope) int {
	return func(r role, _ scope) int {
		if r == anon {
			return http.StatusSeeOther
		}
		return status
	}
}

// adminOnly: pages for administrators; others are refused outright.
func adminOnly(ok int) func(role, scope) int {
	return func(r role, sc scope) int {
		switch {
		case r == anon:
			return http.StatusSeeOther
		case r != admin:
			return http.StatusForbidden
		case sc == unrelated:
			return http.StatusNotFound
		}
		return ok
	}
}

// bodyAction: the action is allowed to role allowed (at own, and at child
// when allowed reaches down); otherwise 403 where the body is visible and
// 404 where it is not.
func bodyAction(allowed role, ok int) func(role, scope) int {
	down := allowed == supervisor || allowed == admin
	return func(r role, sc scope) int {
		if r == anon {
			return http.StatusSeeOther
		}
		if r == allowed && (sc == own || (sc == child && down)) {
			return ok
		}
		visible := sc == own || (sc == child && (r == supervisor || r == admin))
		if visible {
			return http.StatusForbidden
		}
		return http.StatusNotFound
	}
}

// reportWorkers: pages for anyone who works with reports (clerks,
// reviewers, supervisors, administrators).
func reportWorkers(ok int) func(role, scope) int {
	return func(r role, _ scope) int {
		if r == anon {
			return http.StatusSeeOther
		}
		return ok
	}
}

// publishedText is a published report's text (seed 004, the 2021 report
// of another body: its name is a warning, not a refusal).
func publishedText(*fixture, scope) url.Values {
	data, err := os.ReadFile(filepath.Join("..", "internal", "importer", "testdata", "seeds", "004.txt"))
	if err != nil {
		panic(err)
	}
	return url.Values{"year": {"2021"}, "text": {string(data)}}
}

func userForm(f *fixture, sc scope) url.Values {
	return url.Values{"body": {id(f.body[sc])}, "role": {"reviewer"}}
}

func userPath(pattern string) func(*fixture, scope) string {
	return func(f *fixture, sc scope) string { return strings.Replace(pattern, ":id", id(f.target[sc]), 1) }
}

func bodyPath(pattern string) func(*fixture, scope) string {
	return func(f *fixture, sc scope) string { return strings.Replace(pattern, ":id", id(f.body[sc]), 1) }
}

var expectations = map[string]expectation{
	"GET " + paths.Healthz: {path: fixed(paths.Healthz), want: all(200)},
	"GET " + paths.Home:    {path: fixed(paths.Home), want: loggedIn(200)},
	"GET " + paths.Setup:   {path: fixed(paths.Setup), want: all(404)},
	"POST " + paths.Setup:  {path: fixed(paths.Setup), want: all(404)},
	"GET " + paths.Login:   {path: fixed(paths.Login), want: func(r role, _ scope) int { return map[bool]int{true: 200, false: 303}[r == anon] }},
	"POST " + paths.Login: {path: fixed(paths.Login), want: all(422), form: func(f *fixture, _ scope) url.Values {
		return url.Values{"username": {f.unique("nobody")}, "password": {"wrong-password"}}
	}},
	"POST " + paths.Logout:         {path: fixed(paths.Logout), want: all(303), after: relogin},
	"GET " + paths.AccountPassword: {path: fixed(paths.AccountPassword), want: loggedIn(200)},
	"POST " + paths.AccountPassword: {path: fixed(paths.AccountPassword), want: loggedIn(303),
		form: func(*fixture, scope) url.Values {
			return url.Values{"current": {webtest.Password}, "password": {webtest.Password}, "password2": {webtest.Password}}
		}},
	"GET " + paths.AdminBodies: {path: fixed(paths.AdminBodies), want: adminOnly(200)},
	"POST " + paths.AdminBodies: {scoped: true, path: fixed(paths.AdminBodies), want: adminOnly(303),
		form: func(f *fixture, sc scope) url.Values {
			return url.Values{"name": {f.unique("新机关")}, "parent": {id(f.body[sc])}, "kind": {"department"}}
		}},
	"GET " + paths.AdminBody: {scoped: true, path: bodyPath(paths.AdminBody), want: bodyAction(admin, 200)},
	"POST " + paths.AdminBody: {scoped: true, path: bodyPath(paths.AdminBody), want: bodyAction(admin, 303),
		form: func(f *fixture, sc scope) url.Values {
			b, _ := f.app.Store.Body(context.Background(), f.body[sc])
			return url.Values{"name": {b.Name}, "parent": {id(b.ParentID)}, "kind": {string(b.Kind)}}
		}},
	"GET " + paths.AdminUsers: {path: fixed(paths.AdminUsers), want: adminOnly(200)},
	"POST " + paths.AdminUsers: {scoped: true, path: fixed(paths.AdminUsers), want: adminOnly(303),
		form: func(f *fixture, sc scope) url.Values {
			return url.Values{"username": {f.unique("new-user-")}, "password": {webtest.Password}, "body": {id(f.body[sc])}, "role": {"clerk"}}
		}},
	"GET " + paths.AdminUser:       {scoped: true, path: userPath(paths.AdminUser), want: adminOnly(200)},
	"POST " + paths.AdminUserRoles: {scoped: true, path: userPath(paths.AdminUserRoles), want: adminOnly(303), form: userForm},
	"POST " + paths.AdminUserUnrole: {scoped: true, path: userPath(paths.AdminUserUnrole), want: adminOnly(303), form: userForm,
		prepare: func(t *testing.T, f *fixture, sc scope) {
			if err := f.app.Store.AddRole(context.Background(), f.target[sc], auth.Grant{Body: f.body[sc], Role: auth.Reviewer}, 0); err != nil {
				t.Fatal(err)
			}
		}},
	"POST " + paths.AdminUserPasswd: {scoped: true, path: userPath(paths.AdminUserPasswd), want: adminOnly(303),
		form: func(*fixture, scope) url.Values { return url.Values{"password": {webtest.Password}} }},
	"POST " + paths.AdminUserDisable: {scoped: true, path: userPath(paths.AdminUserDisable), want: adminOnly(303),
		form: func(*fixture, scope) url.Values { return url.Values{"disabled": {"0"}} }},
	"POST " + paths.BodyReports: {scoped: true, path: bodyPath(paths.BodyReports), want: bodyAction(clerk, 303),
		form: func(f *fixture, _ scope) url.Values {
			f.years++
			return url.Values{"year": {strconv.Itoa(2000 + f.years)}}
		}},
	"GET " + paths.ReportEditPattern: {scoped: true, want: editOrRead,
		path: func(f *fixture, sc scope) string { return paths.ReportEdit(f.report[sc]) }},
	"POST " + paths.ReportCheckPattern: {scoped: true, want: bodyAction(clerk, 200),
		path: func(f *fixture, sc scope) string { return paths.ReportCheckURL(f.report[sc]) },
		form: func(f *fixture, sc scope) url.Values {
			return url.Values{"base_version": {f.version(sc)}, "narrative.other": {"矩阵测试写入（检查）"}}
		}},
	"GET " + paths.Board: {path: fixed(paths.BoardYear(2024)), want: boardUsers},
	// The public pages need no login; the fixture publishes nothing, so a
	// body's public pages do not exist for anyone — drafts never show.
	"GET " + paths.Public: {path: fixed(paths.Public), want: all(200)},
	"GET " + paths.PublicBody: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicBodyURL(f.body[sc]) }},
	"GET " + paths.PublicYear: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicYearURL(f.body[sc], 2024) }},
	"GET " + paths.PublicRevision: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicRevisionURL(f.body[sc], 2024, 1) }},
	"GET " + paths.PublicRevisionPDF: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicPDFURL(f.body[sc], 2024, 1) }},
	"GET " + paths.PublicRevisionJSON: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicJSONURL(f.body[sc], 2024, 1) }},
	"GET " + paths.PublicRevisionDOCX: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicDOCXURL(f.body[sc], 2024, 1) }},
	"GET " + paths.PublicRevisionXLSX: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicXLSXURL(f.body[sc], 2024, 1) }},
	"GET " + paths.PublicRevisionCSV: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicCSVURL(f.body[sc], 2024, 1) }},
	"GET " + paths.PublicRevisionEmbed: {scoped: true, want: all(404),
		path: func(f *fixture, sc scope) string { return paths.PublicEmbedURL(f.body[sc], 2024, 1) }},
	// Open data is public; choosing a body with drafts only shows nothing
	// of them (the secret check of runCase).
	"GET " + paths.PublicData: {scoped: true, want: all(200),
		path: func(f *fixture, sc scope) string {
			return paths.PublicData + "?body=" + id(f.body[sc]) + "&under=" + id(f.body[sc])
		}},
	"GET " + paths.PublicDataCSV: {scoped: true, want: all(200),
		path: func(f *fixture, sc scope) string { return paths.PublicDataCSV + "?under=" + id(f.body[sc]) }},
	"GET " + paths.PublicDataBulkCSV:  {path: fixed(paths.PublicDataBulkCSVURL(2024)), want: all(200)},
	"GET " + paths.PublicDataBulkJSON: {path: fixed(paths.PublicDataBulkJSONURL(2024)), want: all(200)},
	// The draft as Word: whoever may read the report.
	"GET " + paths.ReportDOCXPattern: {scoped: true, want: viewers(200),
		path: func(f *fixture, sc scope) string { return paths.ReportDOCX(f.report[sc]) }},
	// The PDF as it would be published: whoever may read the report; the
	// public never (the fixture publishes nothing, and a draft is not
	// public).
	"GET " + paths.ReportPreviewPattern: {scoped: true, want: viewers(200),
		path: func(f *fixture, sc scope) string { return paths.ReportPreviewPDF(f.report[sc], 1) }},
	"GET " + paths.ReportPortalPattern: {scoped: true, want: viewers(200),
		path: func(f *fixture, sc scope) string { return paths.ReportPortal(f.report[sc]) }},
	// Recording the portal address (回填): the body's clerk and those who
	// may publish its reports; the fixture's drafts are not published, so
	// those who may are told so (409).
	"POST " + paths.ReportPortalPattern: {scoped: true, want: portalRecorders,
		path: func(f *fixture, sc scope) string { return paths.ReportPortal(f.report[sc]) },
		form: func(*fixture, scope) url.Values {
			return url.Values{"revision": {"1"}, "url": {"https://www.example.gov.cn/art/1.html"}}
		}},
	"GET " + paths.ReportViewPattern: {scoped: true, want: viewers(200),
		path: func(f *fixture, sc scope) string { return paths.ReportView(f.report[sc]) }},
	// Submitting the fixture's draft: only its clerk may, and is refused
	// for its errors (409); other readers are not its clerk (403).
	"POST " + paths.ReportStatePattern: {scoped: true, want: onlyWhere(clerk, []scope{own}, 409),
		path: func(f *fixture, sc scope) string { return paths.ReportStateURL(f.report[sc]) },
		form: func(f *fixture, sc scope) url.Values {
			return url.Values{"action": {"submit"}, "version": {f.version(sc)}}
		}},
	// Commenting on a draft: only its reviewer may comment, and only once
	// it is submitted (422 with the reason).
	"POST " + paths.ReportCommentsPattern: {scoped: true, want: onlyWhere(reviewer, []scope{own}, 422),
		path: func(f *fixture, sc scope) string { return paths.ReportCommentsURL(f.report[sc]) },
		form: func(*fixture, scope) url.Values { return url.Values{"at": {""}, "body": {"矩阵测试意见"}} }},
	"POST " + paths.ReportResolvePattern: {scoped: true, want: onlyWhere(clerk, []scope{own}, 303),
		path: func(f *fixture, sc scope) string { return paths.ReportResolveURL(f.report[sc], f.comment(sc)) }},
	"GET " + paths.ReportHistoryPattern: {scoped: true, want: historyReaders,
		path: func(f *fixture, sc scope) string { return paths.ReportHistory(f.report[sc]) }},
	"POST " + paths.ReportSave: {scoped: true, want: bodyAction(clerk, 303),
		path: func(f *fixture, sc scope) string { return paths.ReportSaveURL(f.report[sc]) },
		form: func(f *fixture, sc scope) url.Values {
			return url.Values{"base_version": {f.version(sc)}, "narrative.other": {"矩阵测试写入"}}
		}},
	"GET " + paths.BodyReference: {scoped: true, want: bodyAction(clerk, 200),
		path: func(f *fixture, sc scope) string { return paths.BodyReferenceURL(f.body[sc], 2021) }},
	"POST " + paths.BodyReferencePreview: {scoped: true, want: bodyAction(clerk, 200),
		path: bodyPath(paths.BodyReferencePreview), form: publishedText},
	"POST " + paths.BodyReference: {scoped: true, want: bodyAction(clerk, 303),
		path: bodyPath(paths.BodyReference), form: publishedText},
	// A 汇总 report's sums (a 2023 summary of each scope's body): read by
	// its readers, refreshed and overridden by its clerk.
	"GET " + paths.ReportRollupPattern: {scoped: true, want: viewers(200),
		path: func(f *fixture, sc scope) string { return paths.ReportRollup(f.summary(sc)) }},
	"POST " + paths.ReportRollupRefresh: {scoped: true, want: bodyAction(clerk, 303),
		path: func(f *fixture, sc scope) string { return paths.ReportRollupRefreshURL(f.summary(sc)) }},
	"POST " + paths.ReportRollupOverride: {scoped: true, want: bodyAction(clerk, 303),
		path: func(f *fixture, sc scope) string { return paths.ReportRollupOverrideURL(f.summary(sc)) },
		form: func(*fixture, scope) url.Values {
			return url.Values{"cell": {"active.rules.issued"}, "figure": {"0"}, "reason": {"矩阵测试调整"}}
		}},
	"GET " + paths.ReportRollupXLSX: {scoped: true, want: viewers(200),
		path: func(f *fixture, sc scope) string { return paths.ReportRollupXLSXURL(f.summary(sc)) }},
	// The board's roll-up workbook of a body's region: its supervisors
	// and administrators, of it or above it.
	"GET " + paths.BoardRollupXLSX: {scoped: true, want: subtreeReaders(200),
		path: func(f *fixture, sc scope) string { return paths.BoardRollup(f.body[sc], 2023) }},
	"GET " + paths.CheckText:  {path: fixed(paths.CheckText), want: reportWorkers(200)},
	"POST " + paths.CheckText: {path: fixed(paths.CheckText), want: reportWorkers(200), form: publishedText},
}

// relogin follows a logout: the actor logs in again; the anonymous client
// forgets the token of its ended session.
func relogin(t *testing.T, f *fixture, r role) {
	if r == anon {
		f.clients[r].SetCSRF("")
		return
	}
	f.clients[r] = f.app.Client(t, "actor-"+string(r))
}

func TestAuthorizationMatrix(t *testing.T) {
	f := newFixture(t)
	checkEveryRouteHasARow(t, f)
	for _, rt := range f.app.Server.Routes() {
		key := rt.Method + " " + rt.Path
		exp, ok := expectations[key]
		if !ok {
			continue
		}
		sc := []scope{none}
		if exp.scoped {
			sc = scopes
		}
		for _, r := range roles {
			for _, s := range sc {
				t.Run(fmt.Sprintf("%s/%s/%s", key, r, s), func(t *testing.T) {
					runCase(t, f, rt.Method, exp, r, s)
				})
			}
		}
	}
	checkDraftsUntouched(t, f)
	checkReferencesOwnOnly(t, f)
}

// checkReferencesOwnOnly: only the clerk of own could import a report.
func checkReferencesOwnOnly(t *testing.T, f *fixture) {
	for _, sc := range scopes {
		_, err := f.app.Store.Reference(context.Background(), f.body[sc], 2021)
		if imported := err == nil; imported != (sc == own) {
			t.Errorf("the %s body has a 2021 reference report: %v", sc, imported)
		}
	}
}

func checkEveryRouteHasARow(t *testing.T, f *fixture) {
	seen := map[string]bool{}
	for _, rt := range f.app.Server.Routes() {
		key := rt.Method + " " + rt.Path
		seen[key] = true
		if _, ok := expectations[key]; !ok {
			t.Errorf("route %s has no row in the authorisation matrix (web/authz_test.go expectations)", key)
		}
	}
	for key := range expectations {
		if !seen[key] {
			t.Errorf("the matrix has a row for %s, which is not a route", key)
		}
	}
}

func runCase(t *testing.T, f *fixture, method string, exp expectation, r role, sc scope) {
	if exp.prepare != nil {
		exp.prepare(t, f, sc)
	}
	c := f.clients[r]
	path := exp.path(f, sc)
	var res *webtest.Response
	if method == http.MethodGet {
		res = c.Get(t, path)
	} else {
		var form url.Values
		if exp.form != nil {
			form = exp.form(f, sc)
		}
		res = c.PostForm(t, path, form)
	}
	if want := exp.want(r, sc); res.Status != want {
		t.Errorf("%s %s as %s at %s: status %d, want %d; body: %.200s", method, path, r, sc, res.Status, want, res.Body)
	}
	// A visitor at / is sent to the public reports, which link the login page.
	toLogin := strings.HasPrefix(res.Location(), paths.Login) || path == paths.Home && res.Location() == paths.Public
	if res.Status == http.StatusSeeOther && r == anon && !toLogin && method != http.MethodPost {
		t.Errorf("anonymous %s %s redirects to %s, not the login page", method, path, res.Location())
	}
	for _, other := range scopes {
		if !mayRead(r, other) && strings.Contains(res.Body, secret(other)) {
			t.Errorf("%s %s as %s shows the draft of the %s body", method, path, r, other)
		}
	}
	if exp.after != nil {
		exp.after(t, f, r)
	}
}

// mayRead says whose drafts a role may read: a clerk its own body's, a
// reviewer its own body's, a supervisor its body's and those below.
func mayRead(r role, sc scope) bool {
	switch r {
	case clerk, reviewer:
		return sc == own
	case supervisor, admin:
		return sc == own || sc == child
	}
	return false
}

// viewers: a report is read by its body's clerks and reviewers, and by
// supervisors and administrators of it or above.
// editOrRead: the editor opens for the body's clerk; whoever else may read
// the report is sent to its read-only page (303); others are refused as
// by viewers.
func editOrRead(r role, sc scope) int {
	if r == clerk && sc == own {
		return http.StatusOK
	}
	return viewers(http.StatusSeeOther)(r, sc)
}

func viewers(ok int) func(role, scope) int {
	return func(r role, sc scope) int {
		switch {
		case r == anon:
			return http.StatusSeeOther
		case mayRead(r, sc):
			return ok
		case sc == child && r != supervisor && r != admin, sc == unrelated:
			return http.StatusNotFound
		}
		return http.StatusForbidden
	}
}

// onlyWhere: role allowed does it (with ok) where it may; other readers of
// the report are refused (403); others do not see it (404).
func onlyWhere(allowed role, scopes []scope, ok int) func(role, scope) int {
	return func(r role, sc scope) int {
		if r == allowed && slices.Contains(scopes, sc) {
			return ok
		}
		if r == anon {
			return http.StatusSeeOther
		}
		if mayRead(r, sc) {
			return http.StatusForbidden
		}
		return http.StatusNotFound
	}
}

// portalRecorders: the clerk and reviewer of the body, administrators of
// it or above, may record a portal address (409 here: nothing published);
// other readers are refused, others do not see the report.
func portalRecorders(r role, sc scope) int {
	switch {
	case r == anon:
		return http.StatusSeeOther
	case (r == clerk || r == reviewer) && sc == own, r == admin && sc != unrelated:
		return http.StatusConflict
	case mayRead(r, sc):
		return http.StatusForbidden
	}
	return http.StatusNotFound
}

// subtreeReaders: what the board shows of a body and those below it —
// supervisors and administrators at or above it; others who know the body
// are refused, the rest do not learn it exists.
func subtreeReaders(ok int) func(role, scope) int {
	return func(r role, sc scope) int {
		switch {
		case r == anon:
			return http.StatusSeeOther
		case (r == supervisor || r == admin) && (sc == own || sc == child):
			return ok
		case sc == own:
			return http.StatusForbidden
		}
		return http.StatusNotFound
	}
}

// boardUsers: the board is for supervisors and administrators.
func boardUsers(r role, _ scope) int {
	switch r {
	case anon:
		return http.StatusSeeOther
	case supervisor, admin:
		return http.StatusOK
	}
	return http.StatusForbidden
}

// checkDraftsUntouched: only the clerk of own could save; the other drafts
// are still at the version the fixture left them.
func checkDraftsUntouched(t *testing.T, f *fixture) {
	for _, sc := range []scope{child, unrelated} {
		if v := f.version(sc); v != "2" {
			t.Errorf("the %s body's draft is at version %s: someone saved it", sc, v)
		}
	}
	if v := f.version(own); v != "4" {
		t.Errorf("own draft at version %s, want 4 (a live check and a save by its clerk)", v)
	}
}

// historyReaders: the body's clerks and reviewers, and administrators of it
// or above.
func historyReaders(r role, sc scope) int {
	switch {
	case r == anon:
		return http.StatusSeeOther
	case (r == clerk || r == reviewer) && sc == own, r == admin && sc != unrelated:
		return http.StatusOK
	case mayRead(r, sc):
		return http.StatusForbidden
	}
	return http.StatusNotFound
}
