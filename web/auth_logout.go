package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/store"
	"nianbao/web/paths"
)

// logout ends this session (its row is deleted, the token renewed); with
// everywhere=1 it also ends every other session of the user by raising
// their epoch. Both are audited.
func (s *Server) logout(c echo.Context) error {
	ctx := c.Request().Context()
	if u := currentUser(c); u != nil {
		var err error
		if c.FormValue("everywhere") == "1" {
			_, err = s.store.EndSessions(ctx, u.ID)
		} else {
			err = s.store.Audit(ctx, store.AuditEntry{UserID: u.ID, Action: store.ActLogout})
		}
		if err != nil {
			return err
		}
	}
	if err := s.logOut(ctx); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, paths.LoggedOut)
}
