package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/home"
	"nianbao/views/summary"
)

// newReportScope reads a new report's kind and scope from the start page's
// form: a body's own report, or, for a body with subordinate bodies, a
// 汇总 of 本级 or 本行政区域.
func (s *Server) newReportScope(ctx context.Context, bodyID int64, value string) (report.Scope, error) {
	scope, ok := report.ParseScope(value)
	if !ok {
		return scope, echo.NewHTTPError(http.StatusUnprocessableEntity, "不认识的报告类型，请在首页重新选择。")
	}
	if !scope.IsSummary() {
		return scope, nil
	}
	n, err := s.store.ChildCount(ctx, bodyID)
	if err != nil {
		return scope, err
	}
	if n == 0 {
		return scope, echo.NewHTTPError(http.StatusUnprocessableEntity, "本机关没有下级单位，不能新建汇总报告。")
	}
	return scope, nil
}

// firstSums takes the first sums into a new 汇总 report, so that its
// office sees them at once.
func (s *Server) firstSums(c echo.Context, rec *store.ReportRecord, by int64) error {
	msg, err := s.takeSums(c, rec, by)
	if err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已新建"+rec.Report.Scope.Label()+"汇总报告。"+msg)
	return nil
}

// offerSummary lets a clerk of a body with subordinate bodies choose a
// 汇总 report on the start page, and proposes the latest year of its
// subordinates' reports that it has no report of yet (their reports come
// in before the government's).
func (s *Server) offerSummary(ctx context.Context, bv *home.BodyVM) error {
	n, err := s.store.ChildCount(ctx, bv.ID)
	if err != nil || n == 0 {
		return err
	}
	bv.ScopeChoice = summary.ScopeChoice("body-" + strconv.FormatInt(bv.ID, 10))
	year, err := s.store.ChildrenLatestYear(ctx, bv.ID)
	if err != nil {
		return err
	}
	if year == 0 || year >= bv.NextYear {
		return nil
	}
	_, err = s.store.ReportByBodyYear(ctx, bv.ID, year)
	if errors.Is(err, store.ErrNotFound) {
		bv.NextYear = year
		return nil
	}
	return err
}
