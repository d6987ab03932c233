package web

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	viewauth "nianbao/views/auth"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

func (s *Server) loginForm(c echo.Context) error {
	if currentUser(c) != nil {
		return c.Redirect(http.StatusSeeOther, paths.Home)
	}
	n, err := s.store.UserCount(c.Request().Context())
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Redirect(http.StatusSeeOther, paths.Setup)
	}
	vm := viewauth.LoginVM{Next: safeNext(c.QueryParam("next")), Errors: ui.Errors{}}
	if c.QueryParam("out") == "1" {
		vm.Notice = "已退出登录。"
	}
	return s.renderLogin(c, http.StatusOK, vm)
}

// login checks the password, throttled per account and per address (see
// auth.Throttle), and starts a login session with a new token.
func (s *Server) login(c echo.Context) error {
	ctx := c.Request().Context()
	vm := viewauth.LoginVM{Username: formText(c, "username"), Next: safeNext(formText(c, "next")), Errors: ui.Errors{}}
	pw := c.FormValue("password")
	switch {
	case vm.Username == "":
		vm.Errors["username"] = "请填写用户名"
	case utf8.RuneCountInString(vm.Username) > auth.MaxUsername:
		// No account has such a name; saying so costs no secret, and the
		// text is not counted or logged (the store would keep it).
		vm.Errors["username"] = fmt.Sprintf("用户名最多%d个字符，请检查是否粘贴了多余的内容", auth.MaxUsername)
	}
	if pw == "" {
		vm.Errors["password"] = "请填写密码"
	}
	if vm.Errors.Any() {
		return s.renderLogin(c, http.StatusUnprocessableEntity, vm)
	}
	addr := c.RealIP()
	if wait := s.throttle.Wait(ctx, vm.Username, addr); wait > 0 {
		vm.Message = fmt.Sprintf("登录失败次数过多，请%s后再试。", waitText(wait))
		return s.renderLogin(c, http.StatusTooManyRequests, vm)
	}
	u, msg, err := s.checkLogin(ctx, vm.Username, pw, addr)
	if err != nil {
		return err
	}
	if u == nil {
		vm.Message = msg
		return s.renderLogin(c, http.StatusUnprocessableEntity, vm)
	}
	if err := s.logIn(ctx, u.ID, u.Epoch, true); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, vm.Next)
}

// checkLogin returns the user whose password pw is, or nil and the reason
// to show. Failures count against the throttle and go to the audit log.
func (s *Server) checkLogin(ctx context.Context, username, pw, addr string) (*store.User, string, error) {
	u, err := s.store.UserByUsername(ctx, username)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return nil, "", err
	}
	if u == nil || !auth.CheckPassword(u.PasswordHash, pw) {
		if u == nil {
			auth.CheckNoUser(pw) // take as long as a real check
		}
		s.throttle.Fail(ctx, username, addr)
		entry := store.AuditEntry{Action: store.ActLoginFailed, Detail: fmt.Sprintf("%s from %s", username, addr)}
		if u != nil {
			entry.UserID = u.ID
		}
		return nil, "用户名或密码不正确。", s.store.Audit(ctx, entry)
	}
	if u.Disabled {
		return nil, "此账号已停用，请联系管理员。", s.store.Audit(ctx, store.AuditEntry{UserID: u.ID,
			Action: store.ActLoginFailed, Detail: "disabled, from " + addr})
	}
	s.throttle.Succeed(ctx, username)
	return u, "", s.store.Audit(ctx, store.AuditEntry{UserID: u.ID, Action: store.ActLogin, Detail: "from " + addr})
}

func (s *Server) renderLogin(c echo.Context, status int, vm viewauth.LoginVM) error {
	vm.Page = s.page(c, "登录")
	return render(c, status, viewauth.Login(vm))
}

// safeNext keeps a return address only when it is a path on this site:
// no scheme or host, no control characters (browsers drop tabs and line
// breaks from URLs, so "/\t/evil" would become "//evil"), no backslash.
func safeNext(next string) string {
	for _, r := range next {
		if r < 0x20 || r == 0x7f || r == '\\' || unicode.IsSpace(r) {
			return paths.Home
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil ||
		!strings.HasPrefix(u.Path, "/") || strings.HasPrefix(next, "//") {
		return paths.Home
	}
	return next
}

// waitText says a wait in minutes or seconds.
func waitText(d time.Duration) string {
	if d >= time.Minute {
		return fmt.Sprintf("%d分钟", int(math.Ceil(d.Minutes())))
	}
	return fmt.Sprintf("%d秒", int(math.Ceil(d.Seconds())))
}
