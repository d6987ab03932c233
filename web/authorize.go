package web

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
)

// The two refusals. A body the user may not even know of is 404, with the
// same words as a page that does not exist, so that a refusal never
// confirms that something exists.
var (
	errNotFound  = echo.NewHTTPError(http.StatusNotFound, "找不到这个页面。")
	errForbidden = echo.NewHTTPError(http.StatusForbidden, "您没有权限执行此操作。")
)

// authorize lets the current user do a at bodyID, or returns errNotFound
// (the body is not visible to them at all, or does not exist) or
// errForbidden (visible, but not allowed). Call it first in every handler
// that touches a body or what belongs to it:
//
//	u, err := s.authorize(c, rec.BodyID, auth.EditReport)
//	if err != nil {
//		return err
//	}
func (s *Server) authorize(c echo.Context, bodyID int64, a auth.Action) (*auth.User, error) {
	u := currentUser(c)
	if u == nil {
		return nil, errNotFound
	}
	if auth.Can(u, a, bodyID, nil) {
		// A role held at the body itself (a clerk at their own body, on
		// every keystroke's check) needs no walk up the tree: roles are
		// removed with their body, so the body exists.
		return u, nil
	}
	ancestors, err := s.store.Ancestors(c.Request().Context(), bodyID)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	if auth.Can(u, a, bodyID, ancestors) {
		return u, nil
	}
	if auth.Visible(u, bodyID, ancestors) {
		return nil, errForbidden
	}
	return nil, errNotFound
}

// authorizeAny is authorize for the first of actions the user may take at
// bodyID; the refusal is the last action's (404 where the body is not
// visible at all, 403 where it is).
func (s *Server) authorizeAny(c echo.Context, bodyID int64, actions ...auth.Action) (*auth.User, error) {
	var err error = errForbidden
	for _, a := range actions {
		var u *auth.User
		if u, err = s.authorize(c, bodyID, a); !errors.Is(err, errForbidden) {
			return u, err
		}
	}
	return nil, err
}

// managed returns every body the current user administers (at or below
// one of their admin grants), in id order, and the same as a set.
func (s *Server) managed(c echo.Context) ([]store.Body, map[int64]bool, error) {
	u := currentUser(c)
	if u == nil {
		return nil, nil, errNotFound
	}
	roots := u.BodiesWith(auth.Admin)
	if len(roots) == 0 {
		return nil, nil, errForbidden
	}
	bodies, err := s.store.Subtree(c.Request().Context(), roots...)
	if err != nil {
		return nil, nil, err
	}
	set := make(map[int64]bool, len(bodies))
	for _, b := range bodies {
		set[b.ID] = true
	}
	return bodies, set, nil
}

// reportFor loads the :id report and authorises a on its body — the first
// step of every report handler. A report the user may not see is 404.
func (s *Server) reportFor(c echo.Context, a auth.Action) (*store.ReportRecord, *auth.User, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.store.Report(c.Request().Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil, errNotFound
	}
	if err != nil {
		return nil, nil, err
	}
	u, err := s.authorize(c, rec.BodyID, a)
	if err != nil {
		return nil, nil, err
	}
	return rec, u, nil
}

// notFoundAs turns the store's ErrNotFound into the 404 answer; other
// errors pass.
func notFoundAs(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	return err
}
