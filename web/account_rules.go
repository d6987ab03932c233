package web

import (
	"nianbao/internal/auth"
	"nianbao/views/ui"
)

// newPasswordProblems checks a new password and its repetition into errs.
func newPasswordProblems(errs ui.Errors, pw, pw2 string) {
	if p := auth.PasswordProblem(pw); p != "" {
		errs["password"] = p
	} else if pw != pw2 {
		errs["password2"] = "两次输入的密码不一致"
	}
}
