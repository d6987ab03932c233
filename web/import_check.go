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
	return s.renderCheckForm(c, checkTexts{}, nil, http.StatusOK)
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

// checkTexts are what the check's form holds: the report's text and last
// year's (as pasted, or a file's reading).
type checkTexts struct{ text, last string }

// renderCheckForm shows /check's form holding what was typed (t), with
// the messages at their fields: nothing typed is lost on a refusal.
func (s *Server) renderCheckForm(c echo.Context, t checkTexts, errs ui.Errors, status int) error {
	p := imported.Check{Frame: s.page(c, "检查已发布的报告"),
		Paste: imported.Paste{Action: paths.CheckText, Text: t.text, Errors: errs, Submit: "读取并检查",
			WithLastYear: true, LastText: t.last}}
	return render(c, status, imported.CheckPage(p))
}
