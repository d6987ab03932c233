package web

import (
	"context"
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/web/paths"
)

const ctxUser = "user"

// loadUser puts the logged-in user (an *auth.User with their grants) into
// the request's Echo context. A session whose user is gone or disabled, or
// whose epoch is older than the user's (password changed, logged out
// everywhere), loses its login here.
func (s *Server) loadUser(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		ctx := c.Request().Context()
		if id := s.sessions.GetInt64(ctx, keyUser); id != 0 {
			u, err := s.sessionUser(ctx, id, s.sessions.GetInt64(ctx, keyEpoch))
			if err != nil {
				return err
			}
			if u == nil {
				s.sessions.Remove(ctx, keyUser)
				s.sessions.Remove(ctx, keyEpoch)
			} else {
				c.Set(ctxUser, u)
			}
		}
		return next(c)
	}
}

// sessionUser returns the session's user, or nil when the session no
// longer stands for them. The account and its roles are read afresh on
// every request, in one query: a role taken away, an account disabled or a
// password changed (on any server) counts from the next request.
func (s *Server) sessionUser(ctx context.Context, id, epoch int64) (*auth.User, error) {
	su, grants, err := s.store.UserWithGrants(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if su.Disabled || su.Epoch != epoch {
		return nil, nil
	}
	return &auth.User{ID: su.ID, Username: su.Username, DisplayName: su.DisplayName, Grants: grants}, nil
}

// currentUser is the logged-in user, or nil.
func currentUser(c echo.Context) *auth.User {
	u, _ := c.Get(ctxUser).(*auth.User)
	return u
}

// requireLogin sends anyone not logged in to the login page (htmx requests
// get HX-Redirect, since htmx does not follow a redirect to a full page).
func requireLogin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if currentUser(c) != nil {
			return next(c)
		}
		next := ""
		if c.Request().Method == http.MethodGet {
			next = c.Request().URL.RequestURI()
		}
		if c.Request().Header.Get("HX-Request") == "true" {
			c.Response().Header().Set("HX-Redirect", paths.LoginNext(next))
			return c.NoContent(http.StatusUnauthorized)
		}
		return c.Redirect(http.StatusSeeOther, paths.LoginNext(next))
	}
}
