package web

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// adminBody is the edit page of one body.
func (s *Server) adminBody(c echo.Context) error {
	b, err := s.bodyToManage(c)
	if err != nil {
		return err
	}
	return s.renderBody(c, http.StatusOK, b, bodyForm(b), nil)
}

// bodyForm is the edit form of a body as stored.
func bodyForm(b *store.Body) admin.BodyForm {
	f := admin.BodyForm{ID: b.ID, Name: b.Name, Parent: strconv.FormatInt(b.ParentID, 10), Kind: string(b.Kind),
		SelfReview: b.SelfReview, Errors: ui.Errors{}}
	if b.DeadlineMonth != 0 {
		f.DeadlineMonth, f.DeadlineDay = strconv.Itoa(int(b.DeadlineMonth)), strconv.Itoa(b.DeadlineDay)
	}
	return f
}

// adminBodyUpdate renames a body, sets its kind and deadline, and moves it
// below another body the user administers.
func (s *Server) adminBodyUpdate(c echo.Context) error {
	b, err := s.bodyToManage(c)
	if err != nil {
		return err
	}
	f, upd := readBodyForm(c)
	f.ID, upd.ID = b.ID, b.ID
	_, set, err := s.managed(c)
	if err != nil {
		return err
	}
	if upd.ParentID != b.ParentID && !set[upd.ParentID] {
		f.Errors["parent"] = "只能移到您管理的机关下面"
	}
	if f.Errors.Any() {
		return s.renderBody(c, http.StatusUnprocessableEntity, b, f, nil)
	}
	err = s.store.UpdateBody(c.Request().Context(), upd, currentUser(c).ID)
	if errors.Is(err, store.ErrCycle) {
		f.Errors["parent"] = "不能移到它自己或它的下级机关下面"
		return s.renderBody(c, http.StatusUnprocessableEntity, b, f, nil)
	}
	if errors.Is(err, store.ErrTooDeep) {
		f.Errors["parent"] = fmt.Sprintf("移过去后机关层级会超过%d级", store.MaxTreeDepth)
		return s.renderBody(c, http.StatusUnprocessableEntity, b, f, nil)
	}
	if err != nil {
		return err
	}
	if upd.Kind != b.Kind || upd.ParentID != b.ParentID {
		s.recountReports(c, b.ID) // W12 follows the kind, W13/W14 the rules above
	}
	s.flash(c.Request().Context(), "已保存“"+upd.Name+"”。")
	return c.Redirect(http.StatusSeeOther, paths.AdminBodies)
}

// bodyToManage loads the :id body after checking ManageBodies on it.
func (s *Server) bodyToManage(c echo.Context) (*store.Body, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, err
	}
	if _, err := s.authorize(c, id, auth.ManageBodies); err != nil {
		return nil, err
	}
	return s.store.Body(c.Request().Context(), id)
}

// renderBody shows the edit form; the parent may be any managed body not
// at or below this one, or the current parent. rf is the rules form as
// typed, or nil to show the body's rules as stored.
func (s *Server) renderBody(c echo.Context, status int, b *store.Body, f admin.BodyForm, rf *admin.RulesForm) error {
	bodies, _, err := s.managed(c)
	if err != nil {
		return err
	}
	below, err := s.store.Subtree(c.Request().Context(), b.ID)
	if err != nil {
		return err
	}
	skip := map[int64]bool{}
	for _, x := range below {
		skip[x.ID] = true
	}
	var parents []store.Body
	for _, x := range bodies {
		if !skip[x.ID] {
			parents = append(parents, x)
		}
	}
	f.Parents, f.Kinds = s.currentParent(c, b), kindOptions()
	f.Parents = append(f.Parents, bodyOptions(parents)...)
	if rf == nil {
		if rf, err = s.storedRules(c, b); err != nil {
			return err
		}
	}
	return render(c, status, admin.Body(admin.BodyVM{Page: s.page(c, b.Name), Form: f, Rules: *rf}))
}

// currentParent is the option that keeps a body where it is, when its
// parent is not among the bodies offered (a root, or a parent above the
// user's reach).
func (s *Server) currentParent(c echo.Context, b *store.Body) []ui.Option {
	if b.ParentID == 0 {
		return []ui.Option{{Value: "0", Label: "（无上级机关）"}}
	}
	_, set, _ := s.managed(c)
	if set[b.ParentID] {
		return nil
	}
	p, err := s.store.Body(c.Request().Context(), b.ParentID)
	if err != nil {
		return nil
	}
	return []ui.Option{{Value: strconv.FormatInt(p.ID, 10), Label: p.Name + "（不变）"}}
}
