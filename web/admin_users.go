package web

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminUsers lists the users the admin manages: those whose every role
// lies in the bodies the admin administers (auth.ManagesUser).
func (s *Server) adminUsers(c echo.Context) error {
	bodies, _, err := s.managed(c)
	if err != nil {
		return err
	}
	form := admin.UserForm{Role: string(auth.Clerk), Errors: ui.Errors{}}
	return s.renderUsers(c, http.StatusOK, bodies, form)
}

// adminUserCreate adds a user with a first role at a body the admin
// administers.
func (s *Server) adminUserCreate(c echo.Context) error {
	bodies, _, err := s.managed(c)
	if err != nil {
		return err
	}
	f := admin.UserForm{Username: formText(c, "username"), DisplayName: formText(c, "display_name"),
		Errors: ui.Errors{}}
	g, err := s.readGrant(c, &f)
	if err != nil {
		return err
	}
	if p := auth.UsernameProblem(f.Username); p != "" {
		f.Errors["username"] = p
	}
	if p := auth.DisplayNameProblem(f.DisplayName); p != "" {
		f.Errors["display_name"] = p
	}
	pw := c.FormValue("password")
	if p := auth.PasswordProblem(pw); p != "" {
		f.Errors["password"] = p
	}
	if f.Errors.Any() {
		return s.renderUsers(c, http.StatusUnprocessableEntity, bodies, f)
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	nu := store.NewUser{Username: f.Username, DisplayName: f.DisplayName, PasswordHash: hash}
	u, err := s.store.CreateUser(c.Request().Context(), nu, []auth.Grant{g}, currentUser(c).ID)
	if errors.Is(err, store.ErrConflict) {
		f.Errors["username"] = "这个用户名已被使用，请换一个"
		return s.renderUsers(c, http.StatusUnprocessableEntity, bodies, f)
	}
	if err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已新增用户“"+u.Username+"”。")
	return c.Redirect(http.StatusSeeOther, paths.AdminUserURL(u.ID))
}

// readGrant reads the body and role fields into f and checks that the
// admin may give roles at that body (a body out of reach is a 403 or 404,
// like any other).
func (s *Server) readGrant(c echo.Context, f *admin.UserForm) (auth.Grant, error) {
	f.Body, f.Role = formText(c, "body"), formText(c, "role")
	g := auth.Grant{Body: formID(c, "body")}
	role, ok := auth.ParseRole(f.Role)
	if !ok {
		f.Errors["role"] = "请选择角色"
	}
	g.Role = role
	if g.Body == 0 {
		f.Errors["body"] = "请选择机关"
		return g, nil
	}
	_, err := s.authorize(c, g.Body, auth.ManageUsers)
	return g, err
}

func (s *Server) renderUsers(c echo.Context, status int, bodies []store.Body, f admin.UserForm) error {
	ctx := c.Request().Context()
	users, err := s.store.Users(ctx)
	if err != nil {
		return err
	}
	grants, err := s.store.AllGrants(ctx)
	if err != nil {
		return err
	}
	_, set, err := s.managed(c)
	if err != nil {
		return err
	}
	names := bodyNames(bodies)
	vm := admin.UsersVM{Page: s.page(c, "用户管理"), New: f}
	for _, u := range users {
		if auth.ManagesUser(set, grants[u.ID]) {
			vm.Users = append(vm.Users, admin.UserRow{ID: u.ID, Username: u.Username, DisplayName: u.DisplayName,
				Roles: roleTexts(grants[u.ID], names), Disabled: u.Disabled, URL: paths.AdminUserURL(u.ID)})
		}
	}
	vm.New.Bodies, vm.New.Roles = bodyOptions(bodies), roleOptions()
	return render(c, status, admin.Users(vm))
}

func bodyNames(bodies []store.Body) map[int64]string {
	m := make(map[int64]string, len(bodies))
	for _, b := range bodies {
		m[b.ID] = b.Name
	}
	return m
}

func roleTexts(grants []auth.Grant, names map[int64]string) []string {
	out := make([]string, 0, len(grants))
	for _, g := range grants {
		out = append(out, names[g.Body]+"·"+g.Role.Label())
	}
	return out
}

// bodyValue is a body id as a form value.
func bodyValue(id int64) string { return strconv.FormatInt(id, 10) }
