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

// TestNamesRefused: body names, usernames and display names that hold
// what a reader cannot see or that turns text around are refused at the
// field, in words, with what was typed kept; "a-admin" and "a-admin"
// followed by a zero-width space cannot both exist.
func TestNamesRefused(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	office := app.Body(t, city, "某市人民政府办公室", org.Department)
	app.User(t, "boss", auth.Grant{Body: city, Role: auth.Admin})
	app.User(t, "a-admin", auth.Grant{Body: office, Role: auth.Clerk})
	c := app.Client(t, "boss")

	user := func(username, display string) url.Values {
		return url.Values{"username": {username}, "display_name": {display}, "password": {"long-enough-1"},
			"body": {id(office)}, "role": {"clerk"}}
	}
	body := func(name string) url.Values {
		return url.Values{"name": {name}, "parent": {id(city)}, "kind": {"department"}}
	}
	tests := []struct {
		name, path string
		form       url.Values
		field      string
		kept       string // what the field must still hold
		message    string
	}{
		{"zero-width space after a username", paths.AdminUsers, user("a-admin\u200b", "王五"), "username", "a-admin\u200b", "看不见的字符"},
		{"zero-width joiner inside", paths.AdminUsers, user("a\u200d-admin", ""), "username", "a\u200d-admin", "看不见的字符"},
		{"right-to-left override", paths.AdminUsers, user("adm\u202enimda", ""), "username", "adm\u202enimda", "改变文字方向"},
		{"control character", paths.AdminUsers, user("adm\u0007in", ""), "username", "", "控制字符"},
		{"display name with bidi isolate", paths.AdminUsers, user("wangwu", "王\u2067五"), "display_name", "王\u2067五", "改变文字方向"},
		{"display name too long", paths.AdminUsers, user("wangwu", strings.Repeat("王", 51)), "display_name", strings.Repeat("王", 51), "最多50个字"},
		{"body name with zero-width space", paths.AdminBodies, body("某市教育局\u200b"), "name", "某市教育局\u200b", "看不见的字符"},
		{"body name with BOM", paths.AdminBodies, body("\ufeff某市教育局"), "name", "\ufeff某市教育局", "看不见的字符"},
		{"body name with a line break", paths.AdminBodies, body("某市\n教育局"), "name", "", "换行"},
		{"body name with RLO", paths.AdminBodies, body("某市\u202e局育教"), "name", "某市\u202e局育教", "改变文字方向"},
		{"body name with bytes that are not UTF-8", paths.AdminBodies, body("某市\xff教育局"), "name", "某市\uFFFD教育局", "无法识别的字符"},
		{"username with NUL, the same as one that exists", paths.AdminUsers, user("a-admin\x00", ""), "username", "a-admin", "已被使用"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := c.PostForm(t, tc.path, tc.form)
			doc := res.Doc(t)
			if msg := doc.Find("#" + tc.field + "-error").Text(); res.Status != http.StatusUnprocessableEntity || !strings.Contains(msg, tc.message) {
				t.Errorf("status %d, message at %s %q, want %q", res.Status, tc.field, msg, tc.message)
			}
			if tc.kept != "" {
				if v, _ := doc.Find(`[name="` + tc.field + `"]`).Attr("value"); v != tc.kept {
					t.Errorf("the field holds %q, want what was typed %q", v, tc.kept)
				}
			}
		})
	}
	if u, err := app.Store.UserByUsername(t.Context(), "a-admin\u200b"); err == nil {
		t.Errorf("a look-alike of a-admin was created: %+v", u)
	}
	bodies, err := app.Store.Bodies(t.Context())
	if err != nil || len(bodies) != 2 {
		t.Errorf("%d bodies after the refusals, want 2 (%v)", len(bodies), err)
	}
}
