package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminBodies shows the tree of the bodies the user administers.
func (s *Server) adminBodies(c echo.Context) error {
	bodies, _, err := s.managed(c)
	if err != nil {
		return err
	}
	form := admin.BodyForm{Kind: string(org.Department), Errors: ui.Errors{}}
	if len(bodies) > 0 {
		form.Parent = strconv.FormatInt(treeOrder(bodies)[0].ID, 10)
	}
	return s.renderBodies(c, http.StatusOK, bodies, form)
}

// adminBodyCreate adds a body below one the user administers.
func (s *Server) adminBodyCreate(c echo.Context) error {
	bodies, _, err := s.managed(c)
	if err != nil {
		return err
	}
	form, b := readBodyForm(c)
	if b.ParentID != 0 {
		if _, err := s.authorize(c, b.ParentID, auth.ManageBodies); err != nil {
			return err
		}
	} else {
		form.Errors["parent"] = "请选择上级机关"
	}
	if form.Errors.Any() {
		return s.renderBodies(c, http.StatusUnprocessableEntity, bodies, form)
	}
	_, err = s.store.CreateBody(c.Request().Context(), b, currentUser(c).ID)
	if errors.Is(err, store.ErrTooDeep) {
		form.Errors["parent"] = fmt.Sprintf("机关层级不能超过%d级", store.MaxTreeDepth)
		return s.renderBodies(c, http.StatusUnprocessableEntity, bodies, form)
	}
	if err != nil {
		return err
	}
	s.flash(c.Request().Context(), "已新增机关“"+b.Name+"”。")
	return c.Redirect(http.StatusSeeOther, paths.AdminBodies)
}

func (s *Server) renderBodies(c echo.Context, status int, bodies []store.Body, form admin.BodyForm) error {
	form.Parents, form.Kinds = bodyOptions(bodies), kindOptions()
	vm := admin.BodiesVM{Page: s.page(c, "机关管理"), Tree: bodyTree(bodies), New: form}
	return render(c, status, admin.Bodies(vm))
}

// readBodyForm reads and checks the fields of a body form.
func readBodyForm(c echo.Context) (admin.BodyForm, store.Body) {
	f := admin.BodyForm{Name: formText(c, "name"), Parent: formText(c, "parent"), Kind: formText(c, "kind"),
		DeadlineMonth: formText(c, "deadline_month"), DeadlineDay: formText(c, "deadline_day"), Errors: ui.Errors{}}
	f.SelfReview = c.FormValue("self_review") == "1"
	b := store.Body{Name: f.Name, ParentID: formID(c, "parent"), SelfReview: f.SelfReview}
	if p := org.NameProblem(f.Name); p != "" {
		f.Errors["name"] = p
	}
	kind, ok := org.ParseKind(f.Kind)
	if !ok {
		f.Errors["kind"] = "请选择机关类型"
	}
	b.Kind = kind
	month, day := deadlineFields(f.Errors, f.DeadlineMonth, f.DeadlineDay)
	b.DeadlineMonth, b.DeadlineDay = time.Month(month), day
	return f, b
}

// deadlineFields reads an optional month/day override: both blank, or a
// date that exists in every year.
func deadlineFields(errs ui.Errors, m, d string) (int, int) {
	if m == "" && d == "" {
		return 0, 0
	}
	month, err1 := strconv.Atoi(m)
	day, err2 := strconv.Atoi(d)
	switch {
	case m == "":
		errs["deadline_month"] = "月和日要同时填写，或都不填"
	case d == "":
		errs["deadline_day"] = "月和日要同时填写，或都不填"
	case err1 != nil || month < 1 || month > 12:
		errs["deadline_month"] = "请填写1到12之间的月份"
	case err2 != nil || !org.ValidDeadline(month, day):
		errs["deadline_day"] = "这一天不存在（2月按28日计），请检查"
	default:
		return month, day
	}
	return 0, 0
}
