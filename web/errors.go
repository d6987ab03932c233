package web

import (
	"errors"
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/store"
	"nianbao/views/layout"
)

// handleError is the one place an error becomes a response. Errors that
// carry an HTTP status (echo.HTTPError) show their message; store.ErrNotFound
// is a 404; anything else is logged in full and shown as 内部错误. Browsers
// get a page in the site's frame, htmx requests the bare message.
func (s *Server) handleError(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	status, msg := http.StatusInternalServerError, "内部错误，请稍后再试；如一再出现，请联系管理员。"
	var he *echo.HTTPError
	switch {
	case errors.As(err, &he):
		status = he.Code
		if m, ok := he.Message.(string); ok {
			msg = m
		} else {
			msg = http.StatusText(status)
		}
	case errors.Is(err, store.ErrNotFound):
		status, msg = http.StatusNotFound, errNotFound.Message.(string)
	default:
		s.log.Error("request failed", slog.String("path", c.Request().URL.Path), slog.Any("error", err))
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(status)
		return
	}
	if c.Request().Header.Get("HX-Request") == "true" {
		_ = c.String(status, msg)
		return
	}
	p := s.page(c, errorTitle(status))
	if err := render(c, status, layout.ErrorPage(p, status, msg)); err != nil {
		_ = c.String(status, msg)
	}
}

func errorTitle(status int) string {
	switch status {
	case http.StatusForbidden:
		return "没有权限"
	case http.StatusNotFound:
		return "找不到页面"
	case http.StatusConflict:
		return "保存冲突"
	case http.StatusUnprocessableEntity:
		return "输入有误"
	case http.StatusMethodNotAllowed:
		return "不支持的请求"
	case http.StatusRequestEntityTooLarge:
		return "提交的内容过大"
	}
	if status >= 500 {
		return "内部错误"
	}
	return http.StatusText(status)
}
