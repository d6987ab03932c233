package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/views/ui"
)

// managedUser is a user an admin may change, with their roles.
type managedUser struct {
	*store.User
	Grants []auth.Grant
	bodies []store.Body
}

// adminUser is an admin's page of one user.
func (s *Server) adminUser(c echo.Context) error {
	t, err := s.userToManage(c)
	if err != nil {
		return err
	}
	return s.renderUser(c, http.StatusOK, t, admin.UserForm{Role: string(auth.Clerk), Errors: ui.Errors{}}, ui.Errors{})
}

// userToManage loads the :id user for an admin: 403 for someone who is not
// an admin, 404 for a user none of whose roles the admin can see, 403 for
// one who also serves bodies beyond the admin's reach.
func (s *Server) userToManage(c echo.Context) (*managedUser, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, err
	}
	bodies, set, err := s.managed(c)
	if err != nil {
		return nil, err
	}
	ctx := c.Request().Context()
	u, err := s.store.User(ctx, id)
	if err != nil {
		return nil, err
	}
	grants, err := s.store.Grants(ctx, id)
	if err != nil {
		return nil, err
	}
	if !auth.ManagesUser(set, grants) {
		for _, g := range grants {
			if set[g.Body] {
				return nil, errForbidden
			}
		}
		return nil, errNotFound
	}
	return &managedUser{User: u, Grants: grants, bodies: bodies}, nil
}

func (s *Server) renderUser(c echo.Context, status int, t *managedUser, roleForm admin.UserForm, pwErrs ui.Errors) error {
	names := bodyNames(t.bodies)
	vm := admin.UserVM{Page: s.page(c, "用户 "+t.Username), ID: t.ID, Username: t.Username,
		DisplayName: t.DisplayName, Disabled: t.Disabled, AddRole: roleForm, PasswordErrors: pwErrs}
	for _, g := range t.Grants {
		vm.Roles = append(vm.Roles, admin.RoleRow{Body: bodyValue(g.Body), Role: string(g.Role),
			BodyName: names[g.Body], Label: g.Role.Label()})
	}
	vm.AddRole.Bodies, vm.AddRole.Roles = bodyOptions(t.bodies), roleOptions()
	return render(c, status, admin.User(vm))
}
