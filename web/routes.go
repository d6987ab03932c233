package web

import (
	"github.com/labstack/echo/v4"

	"nianbao/web/paths"
)

// routes is the one list of every route, grouped by what it serves.
func (s *Server) routes(e *echo.Echo) {
	e.GET(paths.Healthz, s.healthz)
	e.GET(paths.Home, s.home)
}
