package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminUserRoleAdd gives a managed user a role at a body the admin
// administers.
func (s *Server) adminUserRoleAdd(c echo.Context) error {
	t, err := s.userToManage(c)
	if err != nil {
		return err
	}
	f := admin.UserForm{Errors: ui.Errors{}}
	g, err := s.readGrant(c, &f)
	if err != nil {
		return err
	}
	if f.Errors.Any() {
		return s.renderUser(c, http.StatusUnprocessableEntity, t, f, ui.Errors{})
	}
	if err := s.store.AddRole(c.Request().Context(), t.ID, g, currentUser(c).ID); err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已添加角色。")
	return c.Redirect(http.StatusSeeOther, paths.AdminUserURL(t.ID))
}

// adminUserRoleRemove takes a role away. The last role cannot go (a user
// without roles would belong to no administrator): disable the user
// instead.
func (s *Server) adminUserRoleRemove(c echo.Context) error {
	t, err := s.userToManage(c)
	if err != nil {
		return err
	}
	f := admin.UserForm{Errors: ui.Errors{}}
	g, err := s.readGrant(c, &f)
	if err != nil {
		return err
	}
	if !f.Errors.Any() && len(t.Grants) <= 1 {
		f.Errors["_form"] = "这是该用户唯一的角色，不能取消；如不再需要此账号，请停用。"
	}
	if f.Errors.Any() {
		return s.renderUser(c, http.StatusUnprocessableEntity, t, f, ui.Errors{})
	}
	err = s.store.RemoveRole(c.Request().Context(), t.ID, g, currentUser(c).ID)
	if errors.Is(err, store.ErrNotFound) {
		f.Errors["_form"] = "该用户没有这个角色。"
		return s.renderUser(c, http.StatusUnprocessableEntity, t, f, ui.Errors{})
	}
	if err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已取消角色。")
	return c.Redirect(http.StatusSeeOther, paths.AdminUserURL(t.ID))
}
