package web

import (
	"fmt"
	"log/slog"
	"net/http"
	"runtime/debug"
	"time"

	"github.com/labstack/echo/v4"
)

// csp allows nothing inline and nothing from elsewhere: scripts and styles
// come from /static only.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"

func securityHeaders(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		h := c.Response().Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Frame-Options", "DENY")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		if c.Request().TLS != nil {
			h.Set("Strict-Transport-Security", "max-age=31536000")
		}
		return next(c)
	}
}

// maxBody bounds a request body: a whole report with long narrative
// sections is well under 1 MB.
const maxBody = 4 << 20

// errTooLarge refuses a request body over maxBody that says its length:
// a form posted from a browser (a pasted text, an uploaded file).
var errTooLarge = echo.NewHTTPError(http.StatusRequestEntityTooLarge,
	"提交的内容超过4 MB，无法处理。年度报告的全文通常不到100 KB：请只粘贴报告本身，或选择较小的文件。")

// limitBody refuses to read more than maxBody of a request, and refuses at
// once a request that announces a longer body (before the CSRF check would
// fail to find its token in a body it may not read).
func limitBody(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if r.ContentLength > maxBody {
			return errTooLarge
		}
		r.Body = http.MaxBytesReader(c.Response(), r.Body, maxBody)
		return next(c)
	}
}

// logRequests logs every request with its status and duration.
func (s *Server) logRequests(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		start := time.Now()
		err := next(c)
		if err != nil {
			c.Error(err)
		}
		req := c.Request()
		s.log.LogAttrs(req.Context(), slog.LevelInfo, "request",
			slog.Group("http", slog.String("method", req.Method), slog.String("path", req.URL.Path),
				slog.Int("status", c.Response().Status), slog.Duration("duration", time.Since(start))))
		return nil
	}
}

// recoverPanics turns a panic in a handler into a logged 500.
func (s *Server) recoverPanics(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v\n%s", r, debug.Stack())
			}
		}()
		return next(c)
	}
}
