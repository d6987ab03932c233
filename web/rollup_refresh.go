package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/store"
	"nianbao/views/editor"
	"nianbao/web/paths"
)

// rollupRefresh takes new sums into a 汇总 report from the approved and
// published reports of the bodies in its scope: cells that still held the
// old sums take the new ones; cells the office changed by hand, and every
// text, stay as they are.
func (s *Server) rollupRefresh(c echo.Context) error {
	rec, u, err := s.summaryFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	msg, err := s.takeSums(c, rec, u.ID)
	if errors.Is(err, store.ErrNotEditable) {
		msg, err = "报告已提交审核或已审核，不能再更新汇总数；如需更新，请先撤回。", nil
	}
	if err != nil {
		return err
	}
	s.flash(c.Request().Context(), msg)
	return c.Redirect(http.StatusSeeOther, rollupBack(c, rec.ID, ""))
}

// takeSums sums the parts as they are now into the summary and keeps the
// sums with the parts they came from; it says what it did. A save made
// meanwhile (the live check) is taken as the base and the sums are taken
// again onto it.
func (s *Server) takeSums(c echo.Context, rec *store.ReportRecord, by int64) (string, error) {
	ctx := c.Request().Context()
	for attempt := 0; ; attempt++ {
		sm, err := s.summaryOf(c, rec)
		if err != nil {
			return "", err
		}
		var old []report.Value
		if sm.taken != nil {
			old = sm.taken.Sums
		}
		r := rec.Report.Clone()
		res := rollup.Refresh(r, old, sm.now.Values)
		msg := takeMessage(sm, res)
		tally, err := s.formatTally(ctx, rec, r)
		if err != nil {
			return "", err
		}
		_, err = s.store.TakeRollup(ctx, rec.ID, rec.Version, r, tally, sm.now, msg, by)
		if !errors.Is(err, store.ErrStale) || attempt > 0 {
			return msg, err
		}
		if rec, err = s.store.Report(ctx, rec.ID); err != nil {
			return "", err
		}
	}
}

func takeMessage(sm *sumsOf, res rollup.Refreshed) string {
	msg := fmt.Sprintf("已更新汇总数：计入%d个单位的报告，%d个单元格取了新的汇总数", len(sm.now.Parts), len(res.Updated))
	if len(res.Kept) > 0 {
		msg += fmt.Sprintf("，%d个手工调整过的单元格保持不变", len(res.Kept))
	}
	if n := len(sm.cov.Missing()); n > 0 {
		msg += fmt.Sprintf("；还有%d个单位的报告未计入", n)
	}
	return msg + "。"
}

// rollupBack is where a form of the summary's panel returns: the editor
// (at a cell) or the page of sums (at a cell's parts).
func rollupBack(c echo.Context, id int64, cell string) string {
	if c.FormValue("back") == "edit" {
		if cell != "" {
			return paths.ReportEdit(id) + "#" + editor.InputID(cell)
		}
		return paths.ReportEdit(id)
	}
	if cell != "" {
		return paths.ReportRollupCell(id, cell)
	}
	return paths.ReportRollup(id)
}

// formatTally is the tally of the format's rules alone, for a save outside
// the editor (the summary's own rules, W40–W43, are counted with the next
// live check, which checks the report as the editor shows it).
func (s *Server) formatTally(ctx context.Context, rec *store.ReportRecord, r *report.Report) (report.Tally, error) {
	cs, err := s.store.CheckSettings(ctx, rec.BodyID)
	if err != nil {
		return report.Tally{}, fmt.Errorf("check settings of body %d: %w", rec.BodyID, err)
	}
	return s.tallyOf(ctx, rec.ID, report.Check(r, cs.Options(report.Options{})))
}
