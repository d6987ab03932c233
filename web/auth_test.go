package web_test

import (
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
	"nianbao/internal/webtest"
	"nianbao/web"
	"nianbao/web/paths"
)

func TestSetupOnlyOnce(t *testing.T) {
	app := webtest.Start(t)
	c := app.Anonymous(t)
	for _, p := range []string{"/", "/login"} {
		if res := c.Get(t, p); res.Status != http.StatusSeeOther || res.Location() != "/setup" {
			t.Errorf("GET %s on an empty database: %d → %q, want 303 → /setup", p, res.Status, res.Location())
		}
	}
	if res := c.Get(t, "/setup"); res.Status != http.StatusOK {
		t.Fatalf("GET /setup: %d", res.Status)
	}
	bad := url.Values{"username": {"zhang"}, "password": {"long-enough-1"}, "password2": {"different-1"},
		"body_name": {""}, "body_kind": {"local_government"}}
	res := c.PostForm(t, "/setup", bad)
	doc := res.Doc(t)
	if res.Status != http.StatusUnprocessableEntity {
		t.Fatalf("bad setup: status %d", res.Status)
	}
	if doc.Find("#password2-error").Text() == "" || doc.Find("#body_name-error").Text() == "" {
		t.Errorf("bad setup: no message at password2 or body_name: %s", res.Body)
	}
	if v, _ := doc.Find(`input[name="username"]`).Attr("value"); v != "zhang" {
		t.Errorf("the typed username is lost: %q", v)
	}
	good := url.Values{"username": {"zhang"}, "password": {"long-enough-1"}, "password2": {"long-enough-1"},
		"body_name": {"某市人民政府"}, "body_kind": {"local_government"}}
	if res := c.PostForm(t, "/setup", good); res.Status != http.StatusSeeOther {
		t.Fatalf("setup: status %d: %s", res.Status, res.Body)
	}
	if res := c.Get(t, "/admin/bodies"); res.Status != http.StatusOK || !strings.Contains(res.Body, "某市人民政府") {
		t.Errorf("after setup the admin does not see their body: %d", res.Status)
	}
	for _, cl := range []*webtest.Client{c, app.Anonymous(t)} {
		if res := cl.Get(t, "/setup"); res.Status != http.StatusNotFound {
			t.Errorf("GET /setup after setup: %d, want 404", res.Status)
		}
		good.Set("username", "intruder")
		if res := cl.PostForm(t, "/setup", good); res.Status != http.StatusNotFound {
			t.Errorf("POST /setup after setup: %d, want 404", res.Status)
		}
	}
	if _, err := app.Store.UserByUsername(t.Context(), "intruder"); err == nil {
		t.Error("a second setup created a user")
	}
}

func newUserApp(t *testing.T) (*webtest.App, int64) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "某局", org.Department)
	app.User(t, "zhang", auth.Grant{Body: body, Role: auth.Clerk})
	app.User(t, "li", auth.Grant{Body: body, Role: auth.Clerk})
	app.User(t, "boss", auth.Grant{Body: body, Role: auth.Admin})
	return app, body
}

func login(t *testing.T, c *webtest.Client, user, pw string) *webtest.Response {
	t.Helper()
	return c.PostForm(t, "/login", url.Values{"username": {user}, "password": {pw}})
}

func TestLoginThrottle(t *testing.T) {
	app, _ := newUserApp(t)
	now := time.Now()
	app.Throttle.Now = func() time.Time { return now }
	c := app.Anonymous(t)
	for i := range auth.AccountPolicy.Free {
		if res := login(t, c, "zhang", "wrong-password"); res.Status != http.StatusUnprocessableEntity ||
			!strings.Contains(res.Body, "用户名或密码不正确") {
			t.Fatalf("failure %d: status %d", i+1, res.Status)
		}
	}
	res := login(t, c, "zhang", webtest.Password)
	if res.Status != http.StatusTooManyRequests || !strings.Contains(res.Body, "登录失败次数过多，请30秒后再试") {
		t.Errorf("6th attempt, right password: status %d, want 429 with the wait", res.Status)
	}
	if res := login(t, app.Anonymous(t), "ZHANG", webtest.Password); res.Status != http.StatusTooManyRequests {
		t.Errorf("the lock is per account, whatever the case: status %d", res.Status)
	}
	if res := login(t, c, "li", webtest.Password); res.Status != http.StatusSeeOther {
		t.Errorf("another account from the same address: status %d, want 303", res.Status)
	}
	now = now.Add(31 * time.Second)
	if res := login(t, app.Anonymous(t), "zhang", webtest.Password); res.Status != http.StatusSeeOther {
		t.Errorf("after the wait: status %d, want 303", res.Status)
	}
	log, _ := app.Store.AuditLog(t.Context(), store.AuditFilter{Action: store.ActLoginFailed})
	if len(log) != auth.AccountPolicy.Free {
		t.Errorf("%d failed logins audited, want %d", len(log), auth.AccountPolicy.Free)
	}
}

func TestSessionSurvivesRestart(t *testing.T) {
	app, _ := newUserApp(t)
	c := app.Client(t, "zhang")
	app.Restart(t)
	res := c.Get(t, "/")
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "我的工作") {
		t.Fatalf("after a restart: status %d, want the start page", res.Status)
	}
	if res := c.PostForm(t, "/logout", nil); res.Status != http.StatusSeeOther {
		t.Errorf("logout after restart: status %d", res.Status)
	}
}

// sessionCookie returns the client's session cookie for the app.
func sessionCookie(t *testing.T, app *webtest.App, c *webtest.Client) *http.Cookie {
	t.Helper()
	u, _ := url.Parse(app.URL)
	for _, ck := range c.HTTP.Jar.Cookies(u) {
		if ck.Name == "nianbao_session" {
			return ck
		}
	}
	t.Fatal("no session cookie")
	return nil
}

// replay returns a new client that holds a copy of a session cookie, as a
// thief of the cookie would.
func replay(t *testing.T, app *webtest.App, ck *http.Cookie) *webtest.Client {
	t.Helper()
	c := webtest.NewClient(app.URL)
	c.HTTP.Jar, _ = cookiejar.New(nil)
	u, _ := url.Parse(app.URL)
	c.HTTP.Jar.SetCookies(u, []*http.Cookie{{Name: ck.Name, Value: ck.Value, Path: "/"}})
	return c
}

func loggedInAs(t *testing.T, c *webtest.Client) bool {
	t.Helper()
	return c.Get(t, "/").Status == http.StatusOK
}

func TestLogoutEndsSession(t *testing.T) {
	app, _ := newUserApp(t)
	c1, c2, c3 := app.Client(t, "zhang"), app.Client(t, "zhang"), app.Client(t, "zhang")
	old := sessionCookie(t, app, c1)
	if res := c1.PostForm(t, "/logout", nil); res.Status != http.StatusSeeOther || res.Location() != paths.LoggedOut {
		t.Fatalf("logout: %d → %s", res.Status, res.Location())
	}
	if loggedInAs(t, c1) || loggedInAs(t, replay(t, app, old)) {
		t.Error("the session lives on after logout")
	}
	if !loggedInAs(t, c2) {
		t.Error("logout ended another session of the same user")
	}
	c2.PostForm(t, "/logout", url.Values{"everywhere": {"1"}})
	if loggedInAs(t, c3) {
		t.Error("logout everywhere left a session")
	}
}

func TestPasswordChangeEndsOtherSessions(t *testing.T) {
	app, _ := newUserApp(t)
	c1, c2 := app.Client(t, "zhang"), app.Client(t, "zhang")
	old := sessionCookie(t, app, c1)
	bad := c1.PostForm(t, "/account/password", url.Values{"current": {"wrong"}, "password": {"x"}, "password2": {"x"}})
	if bad.Status != http.StatusUnprocessableEntity || bad.Doc(t).Find("#current-error").Text() == "" {
		t.Errorf("wrong current password: status %d, no message at the field", bad.Status)
	}
	res := c1.PostForm(t, "/account/password", url.Values{"current": {webtest.Password}, "password": {"新的密码-2025"}, "password2": {"新的密码-2025"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("change password: status %d: %s", res.Status, res.Body)
	}
	if !loggedInAs(t, c1) {
		t.Error("the session that changed the password was ended")
	}
	if loggedInAs(t, c2) || loggedInAs(t, replay(t, app, old)) {
		t.Error("another session (or the pre-change token) survived the password change")
	}
	if login(t, app.Anonymous(t), "zhang", webtest.Password).Status != http.StatusUnprocessableEntity {
		t.Error("the old password still works")
	}
	if login(t, app.Anonymous(t), "zhang", "新的密码-2025").Status != http.StatusSeeOther {
		t.Error("the new password does not work")
	}
}

func TestDisabledUser(t *testing.T) {
	app, _ := newUserApp(t)
	victim := app.Client(t, "zhang")
	boss := app.Client(t, "boss")
	u, _ := app.Store.UserByUsername(t.Context(), "zhang")
	if res := boss.PostForm(t, "/admin/users/"+id(u.ID)+"/disable", url.Values{"disabled": {"1"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("disable: status %d", res.Status)
	}
	if loggedInAs(t, victim) {
		t.Error("a disabled user's session lives on")
	}
	// Until the password is right, a disabled account answers exactly as
	// a wrong password does (no oracle of which accounts exist or are
	// disabled); with the right one, it says it is disabled.
	wrong := login(t, app.Anonymous(t), "zhang", "not-the-password")
	nobody := login(t, app.Anonymous(t), "no-such-user", "not-the-password")
	if wrong.Status != nobody.Status || loginMessage(t, wrong) != loginMessage(t, nobody) || !strings.Contains(loginMessage(t, wrong), "用户名或密码不正确") || strings.Contains(wrong.Body, "已停用") {
		t.Errorf("a disabled account with a wrong password: %d %q; unknown user: %d %q",
			wrong.Status, loginMessage(t, wrong), nobody.Status, loginMessage(t, nobody))
	}
	res := login(t, app.Anonymous(t), "zhang", webtest.Password)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "已停用") {
		t.Errorf("a disabled user logs in: status %d", res.Status)
	}
	boss.PostForm(t, "/admin/users/"+id(u.ID)+"/disable", url.Values{"disabled": {"0"}})
	if login(t, app.Anonymous(t), "zhang", webtest.Password).Status != http.StatusSeeOther {
		t.Error("an enabled user cannot log in")
	}
}

func TestSessionCookieFlags(t *testing.T) {
	app, _ := newUserApp(t)
	res := app.Anonymous(t).Get(t, "/login")
	ck := res.Header.Get("Set-Cookie")
	for _, want := range []string{"nianbao_session=", "HttpOnly", "SameSite=Lax"} {
		if !strings.Contains(ck, want) {
			t.Errorf("cookie %q lacks %s", ck, want)
		}
	}
	if strings.Contains(ck, "Secure") {
		t.Errorf("cookie over plain HTTP is Secure: %q", ck)
	}
	srv := web.NewServer(web.Deps{Store: app.Store})
	defer srv.Close()
	ts := httptest.NewTLSServer(srv)
	defer ts.Close()
	resp, err := ts.Client().Get(ts.URL + "/login")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ck := resp.Header.Get("Set-Cookie"); !strings.Contains(ck, "Secure") {
		t.Errorf("cookie over TLS is not Secure: %q", ck)
	}
	if h := resp.Header.Get("Content-Security-Policy"); !strings.Contains(h, "script-src 'self'") || !strings.Contains(h, "frame-ancestors 'none'") {
		t.Errorf("CSP header: %q", h)
	}
}

// TestLoginNextStaysOnSite: after login the user goes back to the page
// that asked, but never off this site, however the address is dressed up.
func TestLoginNextStaysOnSite(t *testing.T) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "某局", org.Department)
	app.User(t, "zhang", auth.Grant{Body: body, Role: auth.Clerk})
	tests := []struct{ next, want string }{
		{"/reports/1/edit", "/reports/1/edit"},
		{"/board?year=2024&state=none", "/board?year=2024&state=none"},
		{"", "/"},
		{"//evil.example", "/"},
		{"/\t/evil.example", "/"},
		{"/\n/evil.example", "/"},
		{"/\\evil.example", "/"},
		{"\\\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"javascript:alert(1)", "/"},
		{" /reports", "/reports"}, // the form value is trimmed
		{"/ /evil.example", "/"},
	}
	for _, tc := range tests {
		c := app.Anonymous(t)
		res := c.PostForm(t, paths.Login, url.Values{"username": {"zhang"}, "password": {webtest.Password}, "next": {tc.next}})
		if res.Status != http.StatusSeeOther || res.Header.Get("Location") != tc.want {
			t.Errorf("next=%q: %d → %q, want %q", tc.next, res.Status, res.Header.Get("Location"), tc.want)
		}
	}
}

// TestPasswordChangeThrottled: guessing the current password on the
// change-password page is slowed down like a login.
func TestPasswordChangeThrottled(t *testing.T) {
	app, _ := newUserApp(t)
	now := time.Now()
	app.Throttle.Now = func() time.Time { return now }
	c := app.Client(t, "zhang")
	change := func(current string) *webtest.Response {
		return c.PostForm(t, paths.AccountPassword, url.Values{"current": {current}, "password": {"一个新的足够长的密码"},
			"password2": {"一个新的足够长的密码"}})
	}
	for range auth.AccountPolicy.Free {
		if res := change("guess"); res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "当前密码不正确") {
			t.Fatalf("a wrong guess: %d", res.Status)
		}
	}
	if res := change(webtest.Password); res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "密码错误次数过多") {
		t.Errorf("the right password after %d guesses: %d, want refused with the wait", auth.AccountPolicy.Free, res.Status)
	}
	now = now.Add(31 * time.Second)
	if res := change(webtest.Password); res.Status != http.StatusSeeOther {
		t.Errorf("after the wait: %d", res.Status)
	}
}

// loginMessage is what the login page says after a refused login.
func loginMessage(t *testing.T, res *webtest.Response) string {
	t.Helper()
	return strings.TrimSpace(res.Doc(t).Find("main [role=alert], main .notice, main .error").First().Text())
}
