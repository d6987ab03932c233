package web

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"
)

// handleError is the one place an error becomes a response. Errors that
// carry an HTTP status (echo.HTTPError) show their message; anything else
// is logged in full and shown as 内部错误.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, msg := http.StatusInternalServerError, "内部错误，请稍后再试；如一再出现，请联系管理员。"
	var he *echo.HTTPError
	if errors.As(err, &he) {
		status = he.Code
		if m, ok := he.Message.(string); ok {
			msg = m
		} else {
			msg = http.StatusText(status)
		}
	} else {
		s.log.Error("request failed", slog.String("path", c.Request().URL.Path), slog.Any("error", err))
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	_ = c.String(status, msg)
}
