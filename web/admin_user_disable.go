package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminUserDisable disables (disabled=1) or enables (disabled=0) a managed
// user; disabling ends every session of theirs at once. Admins cannot
// disable themselves, so a tree never loses its last admin by a slip.
func (s *Server) adminUserDisable(c echo.Context) error {
	t, err := s.userToManage(c)
	if err != nil {
		return err
	}
	disable := c.FormValue("disabled") == "1"
	if disable && t.ID == currentUser(c).ID {
		f := admin.UserForm{Errors: ui.Errors{"_form": "不能停用自己的账号。"}}
		return s.renderUser(c, http.StatusUnprocessableEntity, t, f, ui.Errors{})
	}
	if err := s.store.SetDisabled(c.Request().Context(), t.ID, disable, currentUser(c).ID); err != nil {
		return err
	}
	msg := "已重新启用该账号。"
	if disable {
		msg = "已停用该账号，其所有登录已失效。"
	}
	s.flash(c.Request().Context(), msg)
	return c.Redirect(http.StatusSeeOther, paths.AdminUserURL(t.ID))
}
