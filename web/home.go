package web

import (
	"context"
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/home"
	"nianbao/web/paths"
)

// home is a logged-in user's start page; anyone else goes to the login
// page, or to setup on an empty database.
func (s *Server) home(c echo.Context) error {
	u := currentUser(c)
	if u == nil {
		return s.toLoginOrSetup(c)
	}
	vm, err := s.dashboard(c.Request().Context(), u)
	if err != nil {
		return err
	}
	vm.Page = s.page(c, "我的工作")
	return render(c, http.StatusOK, home.Dashboard(vm))
}

func (s *Server) toLoginOrSetup(c echo.Context) error {
	n, err := s.store.UserCount(c.Request().Context())
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Redirect(http.StatusSeeOther, paths.Setup)
	}
	return c.Redirect(http.StatusSeeOther, paths.Login)
}

// dashboard lists each body the user holds a role at, with their roles and,
// where they may read them, the body's reports.
func (s *Server) dashboard(ctx context.Context, u *auth.User) (home.DashboardVM, error) {
	var vm home.DashboardVM
	var order []int64
	roles := map[int64][]string{}
	for _, g := range u.Grants {
		if !slices.Contains(order, g.Body) {
			order = append(order, g.Body)
		}
		roles[g.Body] = append(roles[g.Body], g.Role.Label())
	}
	for _, id := range order {
		b, err := s.store.Body(ctx, id)
		if err != nil {
			return vm, err
		}
		bv := home.BodyVM{ID: b.ID, Name: b.Name, Kind: b.Kind.Label(), Roles: roles[id],
			Deadline:    org.DeadlineLabel(b.Kind, b.DeadlineMonth, b.DeadlineDay),
			CanCreate:   u.Has(auth.Clerk, id),
			ShowReports: auth.Can(u, auth.ViewReport, id, nil),
			CreateURL:   paths.BodyReportsURL(id), NextYear: time.Now().Year() - 1}
		if bv.ShowReports {
			if bv.Reports, err = s.reportList(ctx, id, bv.CanCreate); err != nil {
				return vm, err
			}
		}
		if bv.CanCreate {
			if err := s.offerSummary(ctx, &bv); err != nil {
				return vm, err
			}
		}
		if bv.CanCreate && !slices.ContainsFunc(bv.Reports, func(r home.ReportVM) bool { return r.Year == bv.NextYear-1 }) {
			bv.ImportYear = bv.NextYear - 1
			bv.ImportURL = paths.BodyReferenceURL(id, bv.ImportYear)
			_, err := s.store.ReferenceReport(ctx, id, bv.ImportYear)
			if err != nil && !errors.Is(err, store.ErrNotFound) {
				return vm, err
			}
			bv.Imported = err == nil
		}
		vm.Bodies = append(vm.Bodies, bv)
	}
	if mayCheckTexts(u) {
		vm.CheckURL = paths.CheckText
	}
	return vm, nil
}

// reportList is a body's reports for the home page; a clerk sees the
// reviewer's reason at each returned one.
func (s *Server) reportList(ctx context.Context, bodyID int64, clerk bool) ([]home.ReportVM, error) {
	recs, err := s.store.ReportsOfBody(ctx, bodyID)
	if err != nil {
		return nil, err
	}
	out := make([]home.ReportVM, 0, len(recs))
	for _, r := range recs {
		vm := home.ReportVM{Year: r.Year, State: r.State.Label(), Version: r.Version,
			UpdatedAt: r.UpdatedAt.In(workflow.ChinaTime).Format("2006-01-02 15:04"), EditURL: paths.ReportEdit(r.ID)}
		if clerk {
			if vm.Returned, err = s.returnedNote(ctx, &r); err != nil {
				return nil, err
			}
		}
		out = append(out, vm)
	}
	return out, nil
}

// healthz answers 200 when the database answers.
func (s *Server) healthz(c echo.Context) error {
	if err := s.store.DB.PingContext(c.Request().Context()); err != nil {
		return err
	}
	return c.String(http.StatusOK, "ok")
}
