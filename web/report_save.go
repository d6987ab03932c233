package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/editor"
	"nianbao/web/paths"
)

// reportSave is the editor's plain form post (it works without
// JavaScript) and the way a conflict is resolved. A save goes on to the
// editor page (post/redirect/get); a conflict or a refused state shows the
// page again with everything the clerk typed, and says why.
func (s *Server) reportSave(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	in, err := readForm(c)
	if err != nil {
		return err
	}
	last, err := s.lastYear(c.Request().Context(), rec)
	if err != nil {
		return err
	}
	d, err := s.saveDraft(c.Request().Context(), rec, in, u.ID, s.editorCheck(c, rec, last))
	if err != nil {
		return err
	}
	if d.Problem == "" {
		s.keepSaveNotes(c.Request().Context(), saveNotes{Report: rec.ID, Version: d.Version, Cleaned: d.Cleaned, Notice: d.notice(rec.Version)})
		return c.Redirect(http.StatusSeeOther, paths.ReportEditSaved(rec.ID, d.Version))
	}
	p, err := s.editorPage(c, rec, d, last)
	if err != nil {
		return err
	}
	status := http.StatusConflict
	if d.TooLong != nil {
		status = http.StatusUnprocessableEntity
	}
	return render(c, status, editor.EditPage(p))
}
