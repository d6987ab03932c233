package web

import (
	"net/http"
	"strconv"

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
	ctx := c.Request().Context()
	last, err := s.lastYear(ctx, rec)
	if err != nil {
		return err
	}
	d, err := s.saveDraft(ctx, rec, in, u.ID)
	if err != nil {
		return err
	}
	p := s.editorPageWith(c, rec, d, last)
	// Tells the page's script whether what it sent is safe now (saved, or
	// nothing to save) or must be sent again (a conflict with another save,
	// a report no longer editable).
	c.Response().Header().Set("Nianbao-Saved", strconv.FormatBool(d.Problem == ""))
	if in.base == rec.Version {
		// The browser shows the page of the version the form was based on:
		// send only what changed since.
		p.Shown = s.editorPageWith(c, rec, &draft{Report: rec.Report, Refused: refusedOf(rec.Report)}, last)
	}
	return render(c, http.StatusOK, editor.LiveCheckFragments(p))
}
