package web

import (
	"bytes"
	"fmt"

	"github.com/a-h/templ"
	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/views/layout"
)

// render writes a templ component with a status. It renders into a buffer
// first, so that a failing template never sends half a page with a 200.
func render(c echo.Context, status int, comp templ.Component) error {
	var buf bytes.Buffer
	if err := comp.Render(c.Request().Context(), &buf); err != nil {
		return fmt.Errorf("render %s: %w", c.Path(), err)
	}
	return c.HTMLBlob(status, buf.Bytes())
}

// page is the frame of a page: its title, the CSRF token, who is logged in
// and a flash left by the previous request.
func (s *Server) page(c echo.Context, title string) layout.Page {
	p := layout.Page{Title: title, CSRF: s.csrfToken(c)}
	if u := currentUser(c); u != nil {
		p.UserName = u.Name()
		p.Admin = u.HasRole(auth.Admin)
		p.Board = len(boardRoots(u)) > 0
		p.Flash = s.sessions.PopString(c.Request().Context(), keyFlash)
	}
	return p
}
