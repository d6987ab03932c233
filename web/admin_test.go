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

func TestAdminBodies(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	county := app.Body(t, city, "某县人民政府", org.LocalGovernment)
	app.User(t, "boss", auth.Grant{Body: city, Role: auth.Admin})
	c := app.Client(t, "boss")

	tests := []struct {
		name  string
		form  url.Values
		field string // where the message is; "" for success
		kept  string // a typed value the page must keep
	}{
		{"no name", url.Values{"name": {""}, "parent": {id(city)}, "kind": {"department"}}, "name", ""},
		{"month only", url.Values{"name": {"市教育局"}, "parent": {id(city)}, "kind": {"department"}, "deadline_month": {"2"}}, "deadline_day", "市教育局"},
		{"no such day", url.Values{"name": {"某镇"}, "parent": {id(county)}, "kind": {"other"}, "deadline_month": {"2"}, "deadline_day": {"30"}}, "deadline_day", "某镇"},
		{"bad kind", url.Values{"name": {"某镇"}, "parent": {id(county)}, "kind": {"x"}}, "kind", "某镇"},
		{"ok", url.Values{"name": {"某镇人民政府"}, "parent": {id(county)}, "kind": {"other"}, "deadline_month": {"2"}, "deadline_day": {"15"}}, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := c.PostForm(t, paths.AdminBodies, tt.form)
			if tt.field == "" {
				if res.Status != http.StatusSeeOther {
					t.Fatalf("status %d: %s", res.Status, res.Body)
				}
				return
			}
			doc := res.Doc(t)
			if res.Status != http.StatusUnprocessableEntity || doc.Find("#"+tt.field+"-error").Text() == "" {
				t.Errorf("status %d; no message at %s", res.Status, tt.field)
			}
			if v, _ := doc.Find(`input[name="name"]`).Attr("value"); v != tt.kept {
				t.Errorf("name field holds %q, want %q", v, tt.kept)
			}
			if v, _ := doc.Find("#" + tt.field).Attr("aria-describedby"); !strings.Contains(v, tt.field+"-error") {
				t.Errorf("the field is not described by its error: %q", v)
			}
		})
	}
	page := c.Get(t, paths.AdminBodies).Doc(t)
	if got := page.Find(`[data-testid="tree-body"]`).Length(); got != 3 {
		t.Errorf("tree shows %d bodies, want 3", got)
	}
	if !strings.Contains(page.Text(), "次年2月15日") || !strings.Contains(page.Text(), "次年3月31日") {
		t.Error("the tree does not show the deadlines")
	}
	// Moving the city below its own county is refused at the field.
	res := c.PostForm(t, paths.AdminBodyURL(city), url.Values{"name": {"某市人民政府"}, "parent": {id(county)}, "kind": {"local_government"}})
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Doc(t).Find("#parent-error").Text(), "下级") {
		t.Errorf("moving a body below itself: status %d", res.Status)
	}
	// Rename and move the county's town to the city.
	bodies, _ := app.Store.BodiesNamed(t.Context(), "某镇人民政府")
	res = c.PostForm(t, paths.AdminBodyURL(bodies[0].ID), url.Values{"name": {"某街道办事处"}, "parent": {id(city)}, "kind": {"other"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("rename and move: status %d: %s", res.Status, res.Body)
	}
	b, _ := app.Store.Body(t.Context(), bodies[0].ID)
	if b.Name != "某街道办事处" || b.ParentID != city || b.DeadlineMonth != 0 {
		t.Errorf("after update: %+v", b)
	}
}

func TestAdminUsers(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	office := app.Body(t, city, "某市人民政府办公室", org.Department)
	other := app.Body(t, 0, "另一市", org.LocalGovernment)
	app.User(t, "boss", auth.Grant{Body: city, Role: auth.Admin})
	app.User(t, "taken", auth.Grant{Body: office, Role: auth.Clerk})
	app.User(t, "outsider", auth.Grant{Body: other, Role: auth.Clerk})
	app.User(t, "shared", auth.Grant{Body: office, Role: auth.Clerk}, auth.Grant{Body: other, Role: auth.Clerk})
	c := app.Client(t, "boss")

	list := c.Get(t, paths.AdminUsers).Doc(t)
	names := list.Find(`[data-testid="user"] td:first-child`).Text()
	if !strings.Contains(names, "taken") || strings.Contains(names, "outsider") || strings.Contains(names, "shared") {
		t.Errorf("the list shows %q: want only users wholly inside the admin's tree", names)
	}
	res := c.PostForm(t, paths.AdminUsers, url.Values{"username": {"taken"}, "display_name": {"王五"},
		"password": {"long-enough-1"}, "body": {id(office)}, "role": {"clerk"}})
	doc := res.Doc(t)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(doc.Find("#username-error").Text(), "已被使用") {
		t.Errorf("duplicate username: status %d", res.Status)
	}
	if v, _ := doc.Find(`input[name="display_name"]`).Attr("value"); v != "王五" {
		t.Errorf("display name not kept: %q", v)
	}
	if v, _ := doc.Find(`select[name="body"] option[selected]`).Attr("value"); v != id(office) {
		t.Errorf("body choice not kept: %q", v)
	}
	res = c.PostForm(t, paths.AdminUsers, url.Values{"username": {"wang"}, "password": {"long-enough-1"},
		"body": {id(office)}, "role": {"clerk"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create user: status %d: %s", res.Status, res.Body)
	}
	wang, _ := app.Store.UserByUsername(t.Context(), "wang")
	if r := c.PostForm(t, paths.AdminUserUnroleURL(wang.ID), url.Values{"body": {id(office)}, "role": {"clerk"}}); r.Status != http.StatusUnprocessableEntity {
		t.Errorf("removing the last role: status %d, want 422", r.Status)
	}
	c.PostForm(t, paths.AdminUserRolesURL(wang.ID), url.Values{"body": {id(city)}, "role": {"reviewer"}})
	if r := c.PostForm(t, paths.AdminUserUnroleURL(wang.ID), url.Values{"body": {id(office)}, "role": {"clerk"}}); r.Status != http.StatusSeeOther {
		t.Errorf("removing a role: status %d", r.Status)
	}
	if g, _ := app.Store.Grants(t.Context(), wang.ID); len(g) != 1 || g[0].Role != auth.Reviewer {
		t.Errorf("roles after changes: %v", g)
	}
	wangClient := app.Anonymous(t)
	login(t, wangClient, "wang", "long-enough-1")
	if r := c.PostForm(t, paths.AdminUserPasswdURL(wang.ID), url.Values{"password": {"short"}}); r.Status != http.StatusUnprocessableEntity ||
		r.Doc(t).Find("#password-error").Text() == "" {
		t.Errorf("short password: status %d", r.Status)
	}
	c.PostForm(t, paths.AdminUserPasswdURL(wang.ID), url.Values{"password": {"reset-by-admin"}})
	if loggedInAs(t, wangClient) {
		t.Error("a reset password left the user's session alive")
	}
	shared, _ := app.Store.UserByUsername(t.Context(), "shared")
	if r := c.Get(t, paths.AdminUserURL(shared.ID)); r.Status != http.StatusForbidden {
		t.Errorf("a user who also serves another tree: status %d, want 403", r.Status)
	}
}
