package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/store"
	"nianbao/views/home"
	"nianbao/web/paths"
)

// reportCreate starts the body's report for a year (form field year) as an
// empty draft and opens it in the editor. If that report exists already,
// it opens that one.
func (s *Server) reportCreate(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	u, err := s.authorize(c, id, auth.EditReport)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	year, problem := parseYear(formText(c, "year"), time.Now().Year())
	if problem != "" {
		return s.renderYearProblem(c, u, id, problem)
	}
	scope, err := s.newReportScope(ctx, id, formText(c, "scope"))
	if err != nil {
		return err
	}
	rec, filled, err := s.createReport(ctx, id, year, u.ID, formText(c, "prefill") == "1" && !scope.IsSummary(), scope)
	if err == nil && scope.IsSummary() {
		err = s.firstSums(c, rec, u.ID)
	}
	if err == nil && filled > 0 {
		s.flash(ctx, fmt.Sprintf("已从%d年报告带入%s共%d个数，请核对。", year-1, report.CarriedNames, filled))
	}
	if errors.Is(err, store.ErrConflict) {
		if rec, err = s.store.ReportByBodyYear(ctx, id, year); err == nil {
			s.flash(ctx, fmt.Sprintf("%d年度的报告已经存在，已为您打开。", year))
		}
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, paths.ReportEdit(rec.ID))
}

// createReport makes the new draft: the body's name, the year and the
// usual title filled in, every cell blank — or, with prefill and last
// year's report at hand (written in nianbao, or imported from its published
// text), its carried-over numbers (report.CarryOver).
// A 汇总 report (scope) starts with a preface that says what it sums.
// It returns how many cells it prefilled.
func (s *Server) createReport(ctx context.Context, bodyID int64, year int, by int64, prefill bool, scope report.Scope) (*store.ReportRecord, int, error) {
	b, err := s.store.Body(ctx, bodyID)
	if err != nil {
		return nil, 0, err
	}
	r := report.New(report.T2021)
	r.Org, r.Year, r.Title = b.Name, year, report.DefaultTitle(b.Name, year)
	r.Scope, r.Preface = scope, rollup.Preface(b.Name, scope)
	filled := 0
	if prefill {
		last, err := s.reportBefore(ctx, bodyID, year)
		if err != nil {
			return nil, 0, err
		}
		if last != nil {
			filled = len(report.CarryOver(last, r))
			report.FillTotals(r)
		}
	}
	rec, err := s.store.CreateReport(ctx, bodyID, year, r, by)
	return rec, filled, err
}

// parseYear reads a report year: 2000 up to next year.
func parseYear(s string, thisYear int) (int, string) {
	y, err := strconv.Atoi(s)
	if err != nil || y < 2000 || y > thisYear+1 {
		return 0, fmt.Sprintf("请填写2000到%d之间的年份", thisYear+1)
	}
	return y, ""
}

// renderYearProblem shows the start page again with the message at the
// body's year field.
func (s *Server) renderYearProblem(c echo.Context, u *auth.User, bodyID int64, problem string) error {
	vm, err := s.dashboard(c.Request().Context(), u)
	if err != nil {
		return err
	}
	for i := range vm.Bodies {
		if vm.Bodies[i].ID == bodyID {
			vm.Bodies[i].YearError = problem
		}
	}
	vm.Page = s.page(c, "我的工作")
	return render(c, http.StatusUnprocessableEntity, home.Dashboard(vm))
}
