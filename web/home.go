package web

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/views/home"
)

func (s *Server) home(c echo.Context) error {
	return render(c, http.StatusOK, home.Page())
}

// healthz answers 200 when the database answers.
func (s *Server) healthz(c echo.Context) error {
	if err := s.store.DB.PingContext(c.Request().Context()); err != nil {
		return err
	}
	return c.String(http.StatusOK, "ok")
}
