package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/comments"
	"nianbao/views/editor"
	"nianbao/web/paths"
)

// reportEdit shows the editor with the stored draft, its findings and the
// reviewer's comments. A report that is not a draft (submitted, approved,
// published), or one the user may read but not edit (a reviewer following
// a clerk's link), opens read-only instead.
func (s *Server) reportEdit(c echo.Context) error {
	rec, _, err := s.reportFor(c, auth.EditReport)
	if errors.Is(err, errForbidden) {
		if rec, _, err = s.reportFor(c, auth.ViewReport); err == nil {
			return c.Redirect(http.StatusSeeOther, paths.ReportView(rec.ID))
		}
	}
	if err != nil {
		return err
	}
	if !rec.State.Editable() {
		return c.Redirect(http.StatusSeeOther, paths.ReportView(rec.ID))
	}
	last, err := s.lastYear(c.Request().Context(), rec)
	if err != nil {
		return err
	}
	marks, err := s.store.FindingMarks(c.Request().Context(), rec.ID)
	if err != nil {
		return err
	}
	d := &draft{Report: rec.Report, Version: rec.Version, SavedAt: rec.UpdatedAt, Refused: rec.Report.Refusals(),
		Findings: s.editorCheck(c, rec, last)(rec.Report), Marks: marks}
	s.shown.Put(rec.ID, rec.Version, d.Findings)
	notes, saved := s.takeSaveNotes(c.Request().Context(), rec.ID, rec.Version)
	if saved {
		d.Cleaned = notes.Cleaned
	}
	p, err := s.editorPage(c, rec, d, last)
	if err != nil {
		return err
	}
	if saved && p.Notice == "" {
		p.Notice = notes.Notice
	}
	return render(c, http.StatusOK, editor.EditPage(p))
}

// withComments adds the reviewer's comments to the editor, linked to the
// form's inputs, and marks the commented cells.
func (s *Server) withComments(ctx context.Context, rec *store.ReportRecord, p *editor.Page) error {
	cs, err := s.commentsOf(ctx, rec)
	if err != nil {
		return err
	}
	p.CellComments, p.SectionComments = map[report.CellID][]string{}, map[string][]string{}
	for _, c := range cs {
		if c.Resolved {
			continue
		}
		if a := report.ParseCommentPlace(c.Place); a.Cell != "" {
			id := rec.Report.Template().Lookup(a.Cell)
			p.CellComments[id] = append(p.CellComments[id], c.Body)
		} else if a.Section != "" {
			p.SectionComments[a.Section] = append(p.SectionComments[a.Section], c.Body)
		}
	}
	p.Comments = comments.List(rec.Report, cs, editorTarget,
		func(id int64) string { return paths.ReportResolveURL(rec.ID, id) + "?back=edit" })
	return nil
}

// editorTarget is the id of the element that shows a comment's place in
// the editor.
func editorTarget(place string) string {
	switch a := report.ParseCommentPlace(place); {
	case a.Cell != "":
		return editor.InputID(a.Cell)
	case a.Narrative != "":
		return editor.FieldID(report.FieldNarrative + a.Narrative)
	case a.Section != "":
		return editor.SectionID(a.Section)
	}
	return editor.FormID
}

// editorCheck is how the editor checks a report: the format's rules with
// last year's report and, for a 汇总 report, the summary's.
func (s *Server) editorCheck(c echo.Context, rec *store.ReportRecord, last *report.Report) checker {
	return func(r *report.Report, typed ...report.CellID) []report.Finding {
		return s.editorFindings(c, rec, r, report.Options{LastYear: last, Typed: typed})
	}
}

// editorPage is the editor's whole page for a draft: the view model with
// the page's frame (which takes the flash), the panel beside the tables
// and the reviewer's comments.
func (s *Server) editorPage(c echo.Context, rec *store.ReportRecord, d *draft, last *report.Report) (*editor.Page, error) {
	p := s.editorModel(rec, d, last)
	p.Frame = s.page(c, strconv.Itoa(rec.Year)+"年度报告填报")
	p.Aside = s.summaryAside(c, rec, d.Report)
	var err error
	if p.Local, err = s.localNotice(c, rec.BodyID); err != nil {
		return nil, err
	}
	if err := s.withComments(c.Request().Context(), rec, p); err != nil {
		return nil, err
	}
	if p.Returned, err = s.returnedNote(c.Request().Context(), rec); err != nil {
		return nil, err
	}
	return p, nil
}

// editorModel is the editor's view model for a draft and its check: what
// the page and the live check's fragments are both built from. It reads
// nothing and checks nothing; a live check, which renders no frame, takes
// no flash.
func (s *Server) editorModel(rec *store.ReportRecord, d *draft, last *report.Report) *editor.Page {
	state := rec.State
	p := editor.Page{
		Org:        rec.Report.Org,
		Year:       rec.Year,
		State:      state.Label(),
		SaveURL:    paths.ReportSaveURL(rec.ID),
		CheckURL:   paths.ReportCheckURL(rec.ID),
		BackURL:    paths.Home,
		ViewURL:    paths.ReportView(rec.ID),
		DocxURL:    paths.ReportDOCX(rec.ID),
		Report:     d.Report,
		Version:    d.Version,
		Saved:      editor.SaveState{Version: d.Version, At: d.SavedAt.In(workflow.ChinaTime), Problem: d.Problem},
		Refused:    d.Refused,
		TextErrors: d.TooLong,
		TextNotes:  d.Cleaned,
		Findings:   d.Findings,
		Marks:      d.Marks,
		LastYear:   last,
		Notice:     d.notice(rec.Version),

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
