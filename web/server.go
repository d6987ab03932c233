// Package web is nianbao's HTTP face: the Echo router (routes.go lists every
// route), thin handlers named after the action they serve, and the
// middleware for security headers and logging. Pages come from package
// views; data from package store; the format from package report.
package web

import (
	"log/slog"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/store"
	"nianbao/static"
)

// Deps is what the web app needs from outside.
type Deps struct {
	Store *store.Store
	Log   *slog.Logger
}

// Server holds the handlers' dependencies.
type Server struct {
	store *store.Store
	log   *slog.Logger
	echo  *echo.Echo
}

// New builds the web app as one http.Handler.
func New(d Deps) http.Handler {
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	s := &Server{store: d.Store, log: d.Log, echo: e}
	e.HTTPErrorHandler = s.handleError
	e.Use(s.recoverPanics, s.logRequests, securityHeaders)
	e.GET(static.Prefix+"*", echo.WrapHandler(static.Handler()))
	s.routes(e)
	return e
}
