package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/imported"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// checkForm is the page where a published report's text is pasted to be
// read and checked.
func (s *Server) checkForm(c echo.Context) error {
	if !mayCheckTexts(currentUser(c)) {
		return errForbidden
	}
	return s.renderCheckForm(c, "", nil, http.StatusOK)
}

// mayCheckTexts: checking a published text stores nothing and shows no
// body's data, so anyone who works with reports may — whoever may read
// some body's reports (a clerk, reviewer, supervisor or administrator).
func mayCheckTexts(u *auth.User) bool {
	if u == nil {
		return false
	}
	for _, g := range u.Grants {
		if auth.Can(u, auth.ViewReport, g.Body, nil) {
			return true
		}
	}
	return false
}

func (s *Server) renderCheckForm(c echo.Context, text string, errs ui.Errors, status int) error {
	p := imported.Check{Frame: s.page(c, "检查已发布的报告"),
		Paste: imported.Paste{Action: paths.CheckText, Text: text, Errors: errs, Submit: "读取并检查"}}
	return render(c, status, imported.CheckPage(p))
}
