package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/summary"
)

// rollupPage is a 汇总 report's summed tables with the coverage panel and,
// for ?cell=…, that cell's parts. An htmx request (the editor's panel,
// following the cell in focus) gets the cell's parts alone. Its readers are
// the summary's: they see the bodies in its scope, their states, and the
// numbers of the approved and published reports counted — never a draft's.
func (s *Server) rollupPage(c echo.Context) error {
	rec, _, err := s.summaryFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	cell := report.NoCell
	if path := c.QueryParam("cell"); path != "" {
		if cell = report.T2021.Lookup(path); cell == report.NoCell {
			return errNotFound
		}
	}
	return s.renderRollup(c, rec, cell, nil, http.StatusOK)
}

// renderRollup shows the page (or, to htmx, the cell's parts), with a
// refused override brought back.
func (s *Server) renderRollup(c echo.Context, rec *store.ReportRecord, cell report.CellID, typed *summary.Override, status int) error {
	in, err := s.summaryInput(c, rec, rec.Report)
	if err != nil {
		return err
	}
	if c.Request().Header.Get("HX-Request") == "true" && cell != report.NoCell {
		return render(c, status, summary.CellParts(summary.NewParts(in, cell, "edit", typed)))
	}
	p := summary.NewPage(s.page(c, rec.Report.DisplayTitle()+"：汇总明细"), in, cell, typed)
	return render(c, status, summary.SumsPage(p))
}

// summaryFor loads the :id report for a on its body, as reportFor does,
// and answers 404 for a report that is not a 汇总 report.
func (s *Server) summaryFor(c echo.Context, a auth.Action) (*store.ReportRecord, *auth.User, error) {
	rec, u, err := s.reportFor(c, a)
	if err != nil {
		return nil, nil, err
	}
	if !rec.Report.Scope.IsSummary() {
		return nil, nil, errNotSummary
	}
	return rec, u, nil
}

var errNotSummary = echo.NewHTTPError(http.StatusNotFound, "这份报告不是汇总报告，没有汇总明细。")
