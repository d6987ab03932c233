package web

import (
	"context"
	"errors"
	"io"
	"log/slog"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/summary"
	"nianbao/web/paths"
)

// sumsOf is a 汇总 report's state against its parts: the sums as last
// taken (nil: never), the coverage now with what would be summed now, and
// what changed in the parts since the sums were taken.
type sumsOf struct {
	rec     *store.ReportRecord
	taken   *store.Rollup
	takenAt *rollup.Sum // the sums as taken, with their parts (for the parts of a cell)
	cov     rollup.Coverage
	now     *rollup.Sum
	changes []rollup.Change
}

const keySums = "nianbao.sums"

// summaryOf works out a summary's state once per request (the editor's
// page asks for it for its findings and again for its panel).
func (s *Server) summaryOf(c echo.Context, rec *store.ReportRecord) (*sumsOf, error) {
	if sm, ok := c.Get(keySums).(*sumsOf); ok && sm.rec.ID == rec.ID {
		return sm, nil
	}
	ctx := c.Request().Context()
	sm := &sumsOf{rec: rec}
	taken, err := s.store.Rollup(ctx, rec.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		sm.taken = taken
		if sm.takenAt, err = rollup.Add(report.T2021, taken.Parts); err != nil {
			return nil, err
		}
	}
	members, err := s.store.RegionMembers(ctx, rec.BodyID, rec.Year)
	if err != nil {
		return nil, err
	}
	if sm.cov, sm.now, err = rollup.Take(members, rec.BodyID, rec.Report.Scope); err != nil {
		return nil, err
	}
	if sm.taken != nil {
		sm.changes = rollup.Compare(report.T2021, sm.taken.Parts, sm.now.Parts)
	}
	c.Set(keySums, sm)
	return sm, nil
}

// rules is what the summary's rules compare with.
func (sm *sumsOf) rules() rollup.State {
	st := rollup.State{Coverage: sm.cov, Changes: sm.changes}
	if sm.taken != nil {
		st.Sums = sm.taken.Sums
		st.TakenAt = sm.taken.TakenAt.In(workflow.ChinaTime).Format("1月2日 15:04")
	}
	return st
}

// findings are every finding of a report as it stands: the format's rules
// and, for a 汇总 report, the summary's (W40–W43). Every place that judges
// a report (the editor, the submission, the review) asks here. Where only
// the summary's parts cannot be read, the error comes with the format's
// findings.
func (s *Server) findings(c echo.Context, rec *store.ReportRecord, r *report.Report, opt report.Options) ([]report.Finding, error) {
	opt, err := s.checkOptions(c, rec.BodyID, opt)
	if err != nil {
		return nil, err
	}
	fs := report.Check(r, opt)
	if !r.Scope.IsSummary() {
		return fs, nil
	}
	sm, err := s.summaryOf(c, rec)
	if err != nil {
		return fs, err // the format's findings, for editorFindings
	}
	return append(fs, rollup.Check(r, sm.rules())...), nil
}

// editorFindings are the editor's findings; where a summary's parts cannot
// be read, the format's alone (the submission will say what is wrong), and
// where not even the body's settings can, the format's without them.
func (s *Server) editorFindings(c echo.Context, rec *store.ReportRecord, r *report.Report, opt report.Options) []report.Finding {
	fs, err := s.findings(c, rec, r, opt)
	if err != nil {
		s.log.Error("editor findings", slog.Int64("report", rec.ID), slog.Any("error", err))
		if fs == nil {
			return report.Check(r, opt)
		}
	}
	return fs
}

// summaryInput is what the summary's panels are built from.
func (s *Server) summaryInput(c echo.Context, rec *store.ReportRecord, r *report.Report) (summary.Input, error) {
	sm, err := s.summaryOf(c, rec)
	if err != nil {
		return summary.Input{}, err
	}
	reasons, err := s.store.WarningReasons(c.Request().Context(), rec.ID)
	if err != nil {
		return summary.Input{}, err
	}
	u := currentUser(c)
	anc, err := s.store.Ancestors(c.Request().Context(), rec.BodyID)
	if err != nil {
		return summary.Input{}, err
	}
	in := summary.Input{Report: r, Version: rec.Version, Taken: sm.takenAt, Coverage: sm.cov, Changes: sm.changes,
		Reasons: reasons, CSRF: s.csrfToken(c),
		CanEdit: rec.State.Editable() && auth.Can(u, auth.EditReport, rec.BodyID, anc),
		URLs: summary.URLs{Page: paths.ReportRollup(rec.ID), Refresh: paths.ReportRollupRefreshURL(rec.ID),
			Override: paths.ReportRollupOverrideURL(rec.ID), View: paths.ReportView(rec.ID),
			XLSX: paths.ReportRollupXLSXURL(rec.ID),
			Cell: func(path string) string { return paths.ReportRollupCell(rec.ID, path) }}}
	if sm.taken != nil {
		in.TakenAt = sm.taken.TakenAt
	}
	if in.CanEdit {
		in.URLs.Edit = paths.ReportEdit(rec.ID)
	}
	return in, nil
}

// summaryAside is the coverage panel beside a summary's tables in the
// editor; nil for a body's own report. It is built when the page renders
// (a live check, which renders no panel, pays nothing); where it cannot be
// read, the error is logged and the page goes without it.
func (s *Server) summaryAside(c echo.Context, rec *store.ReportRecord, r *report.Report) templ.Component {
	if !r.Scope.IsSummary() {
		return nil
	}
	return templ.ComponentFunc(func(ctx context.Context, w io.Writer) error {
		in, err := s.summaryInput(c, rec, r)
		if err != nil {
			s.log.Error("summary panel", slog.Int64("report", rec.ID), slog.Any("error", err))
			return nil
		}
		return summary.CoveragePanel(summary.NewPanel(in, "edit")).Render(ctx, w)
	})
}
