package web

import (
	"log/slog"

	"github.com/labstack/echo/v4"

	"nianbao/internal/report"
)

// recountReports takes again the board's counts of the findings of every
// report of the bodies at and below root, after a change of what the
// check depends on besides the report: a body's kind (W12), its place in
// the tree or the rules for 第一部分 that hold for it (W13, W14). Without
// it the supervisor's board would count by the old setting until each
// report's next save. The counts are those a save would keep (the
// editor's check, the reviewer's marks). A failure is logged, not
// answered: the setting is saved, and the next save counts anew.
func (s *Server) recountReports(c echo.Context, root int64) {
	ctx := c.Request().Context()
	bodies, err := s.store.Subtree(ctx, root)
	if err != nil {
		s.log.Error("recount: bodies", slog.Int64("body", root), slog.Any("error", err))
		return
	}
	for _, b := range bodies {
		recs, err := s.store.ReportsOfBody(ctx, b.ID)
		if err != nil {
			s.log.Error("recount: reports", slog.Int64("body", b.ID), slog.Any("error", err))
			return
		}
		for _, listed := range recs {
			if err := s.recountReport(c, listed.ID); err != nil {
				s.log.Error("recount", slog.Int64("report", listed.ID), slog.Any("error", err))
			}
		}
	}
}

// recountReport takes again one report's counts, as it stands.
func (s *Server) recountReport(c echo.Context, id int64) error {
	ctx := c.Request().Context()
	rec, err := s.store.Report(ctx, id)
	if err != nil {
		return err
	}
	last, err := s.lastYear(ctx, rec)
	if err != nil {
		return err
	}
	fs, err := s.findings(c, rec, rec.Report, report.Options{LastYear: last})
	if err != nil {
		return err
	}
	tally, err := s.tallyOf(ctx, rec.ID, fs)
	if err != nil {
		return err
	}
	_, err = s.store.SetTally(ctx, rec.ID, rec.Version, tally)
	return err
}
