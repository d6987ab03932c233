package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"

	"github.com/labstack/echo/v4"
)

// errCSRF refuses a state-changing request whose token is missing or wrong.
var errCSRF = echo.NewHTTPError(http.StatusForbidden, "页面已过期或请求来源不明，请刷新页面后重试。")

// checkCSRF refuses every state-changing request (anything but GET, HEAD,
// OPTIONS, TRACE) that does not carry the session's token, as the form
// field _csrf of the request's body or, from htmx, the X-CSRF-Token header. The token is bound
// to the session, renewed at login, and compared in constant time; a
// session without one accepts nothing.
func (s *Server) checkCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		switch c.Request().Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodTrace:
			return next(c)
		}
		want := s.sessions.GetString(c.Request().Context(), keyCSRF)
		got := c.Request().Header.Get("X-CSRF-Token")
		if got == "" {
			// The body only (PostFormValue), never the query string: a
			// token in a link would leak into logs, histories and Referer
			// headers, and a link is not a form the site rendered.
			got = c.Request().PostFormValue("_csrf")
		}
		if want == "" || subtle.ConstantTimeCompare([]byte(got), []byte(want)) != 1 {
			return errCSRF
		}
		return next(c)
	}
}

// csrfToken returns the session's CSRF token, making one if needed. Every
// page that shows a form calls it (through page).
func (s *Server) csrfToken(c echo.Context) string {
	ctx := c.Request().Context()
	if t := s.sessions.GetString(ctx, keyCSRF); t != "" {
		return t
	}
	t := newToken()
	s.sessions.Put(ctx, keyCSRF, t)
	return t
}

// newToken returns 32 random bytes, URL-safe base64.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return base64.RawURLEncoding.EncodeToString(b)
}
