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
	rec, err := s.createReport(ctx, id, year, u.ID)
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

// createReport makes the empty draft: the body's name, the year and the
// usual title filled in, every cell blank.
func (s *Server) createReport(ctx context.Context, bodyID int64, year int, by int64) (*store.ReportRecord, error) {
	b, err := s.store.Body(ctx, bodyID)
	if err != nil {
		return nil, err
	}
	r := report.New(report.T2021)
	r.Org, r.Year, r.Title = b.Name, year, report.DefaultTitle(b.Name, year)
	return s.store.CreateReport(ctx, bodyID, year, r, by)
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
