package web

import (
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
	"nianbao/views/ui"
)

// idParam reads the :id of the path; anything but a positive number is a
// page that does not exist.
func idParam(c echo.Context) (int64, error) {
	id, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, errNotFound
	}
	return id, nil
}

// formText is a form field, trimmed.
func formText(c echo.Context, name string) string { return strings.TrimSpace(c.FormValue(name)) }

// formID reads a numeric id field; 0 when absent or not a number.
func formID(c echo.Context, name string) int64 {
	id, err := strconv.ParseInt(formText(c, name), 10, 64)
	if err != nil || id < 0 {
		return 0
	}
	return id
}

// usernameProblem says what is wrong with a new username, or "".
func usernameProblem(name string) string {
	n := len([]rune(name))
	switch {
	case name == "":
		return "请填写用户名"
	case n < 2 || n > 64:
		return "用户名应为2到64个字符"
	case strings.ContainsAny(name, " \t\r\n/\\<>\"'"):
		return "用户名不能含空格、引号、斜杠或尖括号"
	}
	return ""
}

// newPasswordProblems checks a new password and its repetition into errs.
func newPasswordProblems(errs ui.Errors, pw, pw2 string) {
	if p := auth.PasswordProblem(pw); p != "" {
		errs["password"] = p
	} else if pw != pw2 {
		errs["password2"] = "两次输入的密码不一致"
	}
}

// kindOptions are the body kinds for a select.
func kindOptions() []ui.Option {
	var opts []ui.Option
	for _, k := range org.Kinds {
		opts = append(opts, ui.Option{Value: string(k), Label: k.Label()})
	}
	return opts
}

// roleOptions are the roles for a select.
func roleOptions() []ui.Option {
	var opts []ui.Option
	for _, r := range auth.Roles {
		opts = append(opts, ui.Option{Value: string(r), Label: r.Label()})
	}
	return opts
}

// bodyOptions lists bodies for a select, each indented by its depth.
func bodyOptions(bodies []store.Body) []ui.Option {
	depth := depths(bodies)
	var opts []ui.Option
	for _, b := range treeOrder(bodies) {
		opts = append(opts, ui.Option{Value: strconv.FormatInt(b.ID, 10),
			Label: strings.Repeat("　", depth[b.ID]) + b.Name})
	}
	return opts
}
