package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminUserPassword sets a managed user's password; every session of
// theirs ends.
func (s *Server) adminUserPassword(c echo.Context) error {
	t, err := s.userToManage(c)
	if err != nil {
		return err
	}
	pw := c.FormValue("password")
	if p := auth.PasswordProblem(pw); p != "" {
		return s.renderUser(c, http.StatusUnprocessableEntity, t, admin.UserForm{Errors: ui.Errors{}},
			ui.Errors{"password": p})
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	if _, err := s.store.SetPassword(c.Request().Context(), t.ID, hash, currentUser(c).ID); err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已重设密码，该用户需用新密码重新登录。")
	return c.Redirect(http.StatusSeeOther, paths.AdminUserURL(t.ID))
}
