package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
	viewauth "nianbao/views/auth"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// setupOpen answers errNotFound once any user exists: the setup page is
// then gone for good.
func (s *Server) setupOpen(c echo.Context) error {
	n, err := s.store.UserCount(c.Request().Context())
	if err != nil {
		return err
	}
	if n > 0 {
		return errNotFound
	}
	return nil
}

func (s *Server) setupForm(c echo.Context) error {
	if err := s.setupOpen(c); err != nil {
		return err
	}
	vm := viewauth.SetupVM{Kind: string(org.LocalGovernment), Errors: ui.Errors{}}
	return s.renderSetup(c, http.StatusOK, vm)
}

// setup creates the first administrator and the root body, logs them in
// and sends them to the body tree.
func (s *Server) setup(c echo.Context) error {
	if err := s.setupOpen(c); err != nil {
		return err
	}
	vm, nu, root := s.readSetup(c)
	if vm.Errors.Any() {
		return s.renderSetup(c, http.StatusUnprocessableEntity, vm)
	}
	u, _, err := s.store.CreateFirstAdmin(c.Request().Context(), nu, root)
	if errors.Is(err, store.ErrConflict) {
		return errNotFound // someone else finished setup a moment ago
	}
	if err != nil {
		return err
	}
	if err := s.logIn(c.Request().Context(), u.ID, u.Epoch, true); err != nil {
		return err
	}
	s.flash(c.Request().Context(), "设置完成。请在此添加下级机关，再到“用户管理”添加用户。")
	return c.Redirect(http.StatusSeeOther, paths.AdminBodies)
}

// readSetup reads and checks the setup form.
func (s *Server) readSetup(c echo.Context) (viewauth.SetupVM, store.NewUser, store.Body) {
	vm := viewauth.SetupVM{Username: formText(c, "username"), DisplayName: formText(c, "display_name"),
		BodyName: formText(c, "body_name"), Kind: formText(c, "body_kind"), Errors: ui.Errors{}}
	if p := auth.UsernameProblem(vm.Username); p != "" {
		vm.Errors["username"] = p
	}
	if p := auth.DisplayNameProblem(vm.DisplayName); p != "" {
		vm.Errors["display_name"] = p
	}
	pw := c.FormValue("password")
	newPasswordProblems(vm.Errors, pw, c.FormValue("password2"))
	if p := org.NameProblem(vm.BodyName); p != "" {
		vm.Errors["body_name"] = p
	}
	kind, ok := org.ParseKind(vm.Kind)
	if !ok {
		vm.Errors["body_kind"] = "请选择机关类型"
	}
	if vm.Errors.Any() {
		return vm, store.NewUser{}, store.Body{}
	}
	hash, err := auth.HashPassword(pw)
	if err != nil {
		vm.Errors["_form"] = "无法保存密码，请重试"
	}
	return vm, store.NewUser{Username: vm.Username, DisplayName: vm.DisplayName, PasswordHash: hash},
		store.Body{Name: vm.BodyName, Kind: kind}
}

func (s *Server) renderSetup(c echo.Context, status int, vm viewauth.SetupVM) error {
	vm.Page = s.page(c, "首次设置")
	vm.Kinds = kindOptions()
	return render(c, status, viewauth.Setup(vm))
}
