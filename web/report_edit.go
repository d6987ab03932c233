package web

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/editor"
	"nianbao/web/paths"
)

// reportEdit shows the editor with the stored draft and its findings.
func (s *Server) reportEdit(c echo.Context) error {
	rec, _, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	d := &draft{Report: rec.Report, Version: rec.Version, SavedAt: rec.UpdatedAt, Refused: refusedOf(rec.Report)}
	if _, saved := c.QueryParams()["saved"]; !saved {
		d.SavedAt = rec.UpdatedAt
	}
	p, err := s.editorPage(c, rec, d)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, editor.EditPage(p))
}

// editorPage builds the editor's view model for a draft.
func (s *Server) editorPage(c echo.Context, rec *store.ReportRecord, d *draft) (*editor.Page, error) {
	last, err := s.lastYear(c.Request().Context(), rec)
	if err != nil {
		return nil, err
	}
	return s.editorPageWith(c, rec, d, last), nil
}

// editorPageWith builds the editor's view model with last year's report
// already at hand.
func (s *Server) editorPageWith(c echo.Context, rec *store.ReportRecord, d *draft, last *report.Report) *editor.Page {
	state := workflow.State(rec.State)
	p := editor.Page{
		Frame:    s.page(c, strconv.Itoa(rec.Year)+"年度报告填报"),
		Org:      rec.Report.Org,
		Year:     rec.Year,
		State:    state.Label(),
		SaveURL:  paths.ReportSaveURL(rec.ID),
		CheckURL: paths.ReportCheckURL(rec.ID),
		BackURL:  paths.Home,
		Report:   d.Report,
		Version:  d.Version,
		Saved:    editor.SaveState{Version: d.Version, At: d.SavedAt.In(chinaTime), Problem: d.Problem},
		Refused:  d.Refused,
		Findings: report.Check(d.Report, report.Options{LastYear: last}),
		LastYear: last,
		Notice:   d.notice(rec.Version),

		Conflicts:       d.Conflicts,
		ConflictVersion: d.ConflictVersion,
		Refresh:         d.Took,
	}
	if !state.Editable() {
		p.Notice = "报告当前为“" + state.Label() + "”，不能修改。"
	}
	if last == nil && state.Editable() {
		p.ImportYear = rec.Year - 1
		p.ImportURL = paths.BodyReferenceURL(rec.BodyID, p.ImportYear)
	}
	return editor.NewPage(p)
}
