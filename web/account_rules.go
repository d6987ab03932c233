package web

import (
	"strings"

	"nianbao/internal/auth"
	"nianbao/views/ui"
)

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
