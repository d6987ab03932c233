package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/editor"
)

// reportCheck is the live check: htmx posts the whole form after a pause in
// typing; the form is parsed once, checked once and saved once, and the
// answer swaps in the totals, marks, findings and save state out-of-band.
// Findings are content, so the answer is 200 even when the report is wrong.
func (s *Server) reportCheck(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	in, err := readForm(c)
	if err != nil {
		return err
	}
	d, err := s.saveDraft(c.Request().Context(), rec, in, u.ID)
	if err != nil {
		return err
	}
	p, err := s.editorPage(c, rec, d)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, editor.CheckResponse(p))
}
