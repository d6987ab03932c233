package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/views/imported"
	"nianbao/web/paths"
)

// checkText reads a posted published report, and last year's when one was
// given, and shows it beside what was read, with the findings panel of
// the editor. Nothing is stored. With edit=1 it takes the texts back into
// the form.
func (s *Server) checkText(c echo.Context) error {
	if !mayCheckTexts(currentUser(c)) {
		return errForbidden
	}
	if formText(c, "edit") == "1" {
		return s.renderCheckForm(c, checkTexts{c.FormValue("text"), c.FormValue(imported.LastTextField)}, nil, http.StatusOK)
	}
	text, res, errs, err := readReport(c)
	if err != nil {
		return err
	}
	last, lastErrs := lastYearInput(c)
	for k, v := range lastErrs {
		errs[k] = v
	}
	if errs.Any() {
		return s.renderCheckForm(c, checkTexts{text, last.carry}, errs, http.StatusUnprocessableEntity)
	}
	p := imported.Check{Frame: s.page(c, "检查已发布的报告"), Reading: reading(res, "", last.report), Text: text,
		EditURL: paths.CheckText, AgainURL: paths.CheckText, LastText: last.carry, LastYear: lastYearLine(last.report)}
	return render(c, http.StatusOK, imported.CheckPage(p))
}
