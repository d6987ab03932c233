package web

import (
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/account"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

func (s *Server) passwordForm(c echo.Context) error {
	return s.renderPassword(c, http.StatusOK, ui.Errors{})
}

// passwordChange sets a new password. The store raises the user's epoch,
// which ends their other sessions; this one takes the new epoch and a new
// token and stays logged in.
func (s *Server) passwordChange(c echo.Context) error {
	ctx := c.Request().Context()
	u := currentUser(c)
	errs := ui.Errors{}
	su, err := s.store.User(ctx, u.ID)
	if err != nil {
		return err
	}
	// The current password is a password guess like a login's: throttled
	// the same way, so that a stolen session cannot guess it freely.
	addr := c.RealIP()
	if wait := s.throttle.Wait(ctx, su.Username, addr); wait > 0 {
		errs["current"] = fmt.Sprintf("密码错误次数过多，请%s后再试。", waitText(wait))
	} else if !auth.CheckPassword(su.PasswordHash, c.FormValue("current")) {
		s.throttle.Fail(ctx, su.Username, addr)
		errs["current"] = "当前密码不正确"
	}
	pw := c.FormValue("password")
	newPasswordProblems(errs, pw, c.FormValue("password2"))
	if errs.Any() {
		return s.renderPassword(c, http.StatusUnprocessableEntity, errs)
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		return err
	}
	epoch, err := s.store.SetPassword(ctx, u.ID, hash, u.ID)
	if err != nil {
		return err
	}
	if err := s.logIn(ctx, u.ID, epoch, false); err != nil {
		return err
	}
	s.flash(ctx, "密码已修改。其他电脑和浏览器上的登录已失效。")
	return c.Redirect(http.StatusSeeOther, paths.Home)
}

func (s *Server) renderPassword(c echo.Context, status int, errs ui.Errors) error {
	return render(c, status, account.Password(account.PasswordVM{Page: s.page(c, "修改密码"), Errors: errs}))
}
