// Package web is nianbao's HTTP face: the Echo router (routes.go lists every
// route), thin handlers named after the action they serve (one file each),
// and the middleware for sessions, the current user, CSRF, security
// headers and logging. Pages come from package views; data from package
// store; who may do what from package auth.
package web

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/alexedwards/scs/v2"
	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/static"
)

// Deps is what the web app needs from outside.
type Deps struct {
	Store *store.Store
	Log   *slog.Logger
	// SecureCookies marks the session cookie Secure on every response; set
	// it when a TLS-terminating proxy sits in front. Requests that arrive
	// over TLS get a Secure cookie either way.
	SecureCookies bool
	// TrustProxy takes the client's address from X-Forwarded-For and its
	// scheme from X-Forwarded-Proto; set it only behind a proxy that sets
	// them.
	TrustProxy bool
	// Throttle counts failed logins; nil makes one on the store, shared by
	// every server on the same database.
	Throttle *auth.Throttle
}

// Server holds the handlers' dependencies. It is the app's http.Handler.
type Server struct {
	store    *store.Store
	log      *slog.Logger
	echo     *echo.Echo
	sessions *scs.SessionManager
	throttle *auth.Throttle
	handler  http.Handler
	closers  []func()
	// shown keeps the check of the version each editor shows.
	shown *shownChecks
}

// NewServer builds the web app. Call Close when done with it.
func NewServer(d Deps) *Server {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{store: d.Store, log: d.Log, echo: e, throttle: d.Throttle, shown: newShownChecks()}
	if s.throttle == nil {
		s.throttle = auth.NewSharedThrottle(d.Store)
	}
	if s.log == nil {
		s.log = slog.Default()
	}
	s.sessions = s.newSessions(d.SecureCookies)
	e.IPExtractor = echo.ExtractIPDirect()
	if d.TrustProxy {
		e.IPExtractor = echo.ExtractIPFromXFFHeader()
	}
	e.HTTPErrorHandler = s.handleError
	e.Use(s.recoverPanics, s.logRequests, securityHeaders, limitBody, parseForms, s.loadUser, s.checkCSRF)
	s.routes(e)
	// Sessions wrap the whole Echo handler (not Echo middleware), so that
	// the session rides on the request's context everywhere. Static files
	// are served beside Echo, with no session, user or CSRF work (and no
	// session write per asset).
	withSessions := s.sessions.LoadAndSave(e)
	files := static.Handler()
	s.handler = secureCookies(d.TrustProxy, d.SecureCookies, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, static.Prefix) {
			files.ServeHTTP(w, r)
			return
		}
		withSessions.ServeHTTP(w, r)
	}))
	return s
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Close stops the background work of the server (the expired-session sweep).
func (s *Server) Close() {
	for _, c := range s.closers {
		c()
	}
	s.closers = nil
}

// Route is a registered route: a method and an Echo path pattern.
type Route struct{ Method, Path string }

// Routes lists every registered route, so that tests can hold each one to
// the authorisation and CSRF rules.
func (s *Server) Routes() []Route {
	var out []Route
	for _, r := range s.echo.Routes() {
		out = append(out, Route{Method: r.Method, Path: r.Path})
	}
	return out
}
