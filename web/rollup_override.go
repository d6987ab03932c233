package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/summary"
)

// rollupOverride sets a figure of a 汇总 report that differs from the sum
// of its parts (a document issued jointly by two departments counted once,
// a case with two defendant bodies counted once), with the reason: the
// figure is the report's, the sum stays with its sums, and the reason is
// the reason of the cell's warning (W40), which the reviewer reads as any
// warning's reason. Setting the figure back to the sum needs no reason.
func (s *Server) rollupOverride(c echo.Context) error {
	rec, u, err := s.summaryFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	path := formText(c, "cell")
	id := report.T2021.Lookup(path)
	if id == report.NoCell || report.T2021.Cell(id).Computed {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "这个单元格不能调整（合计由系统计算）。")
	}
	if !rec.State.Editable() {
		return echo.NewHTTPError(http.StatusConflict, "报告已提交审核或已审核，不能再修改。")
	}
	typed := &summary.Override{Figure: c.FormValue("figure"), Reason: formText(c, "reason")}
	r, refused := report.Apply(rec.Report, func(f string) (string, bool) { return typed.Figure, f == path })
	sm, err := s.summaryOf(c, rec)
	if err != nil {
		return err
	}
	switch {
	case sm.taken == nil:
		typed.FigureError = "还没有取得汇总数，请先更新汇总数。"
	case len(refused) > 0:
		typed.FigureError = refused[0].Problem()
	case r.Values[id] != sm.taken.Sums[id] && len([]rune(typed.Reason)) < 2:
		typed.ReasonError = "发布数与各单位之和不同，请写明原因（如：联合发文只计一次）。"
	}
	if typed.FigureError != "" || typed.ReasonError != "" {
		return s.renderRollup(c, rec, id, typed, http.StatusUnprocessableEntity)
	}
	report.FillTotals(r)
	def := report.T2021.Cell(id)
	detail := fmt.Sprintf("%s：各单位之和%s，发布数%s；%s", def.Name(), report.FormatValue(def.Kind, sm.taken.Sums[id]),
		report.FormatValue(def.Kind, r.Values[id]), typed.Reason)
	tally, err := s.formatTally(c.Request().Context(), rec.BodyID, r)
	if err != nil {
		return err
	}
	_, err = s.store.OverrideCell(c.Request().Context(), rec.ID, rec.Version, r, tally,
		report.RuleSummaryDiffers+":"+path, typed.Reason, detail, u.ID)
	if errors.Is(err, store.ErrStale) {
		s.flash(c.Request().Context(), "报告刚被保存过，请看过最新内容后再调整。")
		return c.Redirect(http.StatusSeeOther, rollupBack(c, rec.ID, path))
	}
	if err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已保存"+def.Name()+"的发布数和原因。")
	return c.Redirect(http.StatusSeeOther, rollupBack(c, rec.ID, path))
}
