package web

import (
	"context"
	"errors"
	"fmt"
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

// home is a logged-in user's start page; anyone else goes to the public
// list of published reports (which links the login page), or to setup on
// an empty database.
func (s *Server) home(c echo.Context) error {
	u := currentUser(c)
	if u == nil {
		return s.toPublicOrSetup(c)
	}
	vm, err := s.dashboard(c.Request().Context(), u)
	if err != nil {
		return err
	}
	vm.Page = s.page(c, "我的工作")
	return render(c, http.StatusOK, home.Dashboard(vm))
}

func (s *Server) toPublicOrSetup(c echo.Context) error {
	n, err := s.store.UserCount(c.Request().Context())
	if err != nil {
		return err
	}
	if n == 0 {
		return c.Redirect(http.StatusSeeOther, paths.Setup)
	}
	return c.Redirect(http.StatusSeeOther, paths.Public)
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
			if bv.Reports, err = s.reportList(ctx, b, bv.CanCreate); err != nil {
				return vm, err
			}
			if err := s.addTasks(ctx, &vm, u, b, bv.Reports); err != nil {
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
	vm.Board = len(boardRoots(u)) > 0
	vm.Admin = u.HasRole(auth.Admin)
	return vm, nil
}

// addTasks puts a body's reports that wait for this user on the lists at
// the top of home: 待我审核 (submitted, for the body's reviewers) and
// 待我处理 (returned, or a draft with open comments, for its clerks).
func (s *Server) addTasks(ctx context.Context, vm *home.DashboardVM, u *auth.User, b *store.Body, reports []home.ReportVM) error {
	for _, r := range reports {
		t := home.TaskVM{Body: b.Name, Year: r.Year, State: r.State, Due: r.Due}
		switch {
		case r.Is == workflow.Submitted && u.Has(auth.Reviewer, b.ID):
			t.URL, t.Why = paths.ReportView(r.ID), "已提交，等待审核"
			vm.ToReview = append(vm.ToReview, t)
		case r.Is == workflow.Returned && u.Has(auth.Clerk, b.ID):
			t.URL, t.Why = r.EditURL, "审核人已退回，请修改后重新提交"
			vm.ToFix = append(vm.ToFix, t)
		case r.Is == workflow.Draft && u.Has(auth.Clerk, b.ID):
			open, err := s.openComments(ctx, r.ID, r.Revision)
			if err != nil {
				return err
			}
			if open > 0 {
				t.URL, t.Why = r.EditURL, fmt.Sprintf("有%d条审核意见未处理", open)
				vm.ToFix = append(vm.ToFix, t)
			}
		}
	}
	return nil
}

// openComments counts a report's comments not yet marked 已处理.
func (s *Server) openComments(ctx context.Context, id int64, revision int) (int, error) {
	cs, err := s.store.Comments(ctx, id, revision)
	if err != nil {
		return 0, fmt.Errorf("comments of report %d: %w", id, err)
	}
	n := 0
	for _, c := range cs {
		if !c.Resolved() {
			n++
		}
	}
	return n, nil
}

// reportList is a body's reports for the home page, each with its last
// save in words and, until published, the days left before the legal
// deadline; a clerk sees the reviewer's reason at each returned one.
func (s *Server) reportList(ctx context.Context, b *store.Body, clerk bool) ([]home.ReportVM, error) {
	recs, err := s.store.ReportsOfBody(ctx, b.ID)
	if err != nil {
		return nil, err
	}
	out := make([]home.ReportVM, 0, len(recs))
	for _, r := range recs {
		vm := home.ReportVM{ID: r.ID, Revision: r.Revision, Year: r.Year, State: r.State.Label(), Is: r.State,
			UpdatedAt: r.UpdatedAt.In(workflow.ChinaTime).Format("2006年1月2日 15:04"), EditURL: paths.ReportEdit(r.ID)}
		if r.State != workflow.Published {
			vm.Due = deadlineText(b.Deadline(r.Year), s.store.Now())
		}
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
