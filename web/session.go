package web

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/alexedwards/scs/v2"
)

// Session keys.
const (
	keyUser  = "uid"
	keyEpoch = "epoch"
	keyCSRF  = "csrf"
	keyFlash = "flash"
)

// Session lifetimes: a working day at most, and two idle hours.
const (
	sessionLifetime = 12 * time.Hour
	sessionIdle     = 2 * time.Hour
)

// newSessions keeps sessions in the app's own database (table sessions),
// so that they survive a restart and every app server on one PostgreSQL
// sees the same sessions. A request that changes nothing in its session
// leaves the row alone (touchStore), and the row is read back without gob
// (sessionCodec): both were a tenth of a live check.
func (s *Server) newSessions(secure bool) *scs.SessionManager {
	st, stop := s.store.Sessions(30 * time.Minute)
	s.closers = append(s.closers, stop)
	sm := scs.New()
	sm.Store = newTouchStore(st)
	sm.Codec = sessionCodec{}
	sm.Lifetime = sessionLifetime
	sm.IdleTimeout = sessionIdle
	sm.Cookie.Name = "nianbao_session"
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secure
	sm.ErrorFunc = func(w http.ResponseWriter, r *http.Request, err error) {
		s.log.Error("session", slog.String("path", r.URL.Path), slog.Any("error", err))
		http.Error(w, "内部错误，请稍后再试。", http.StatusInternalServerError)
	}
	return sm
}

// logIn makes the session a login session of user: a new session token
// (no session fixation), the user's epoch and, at a real login
// (newCSRF), a new CSRF token. A password change keeps the CSRF token, so
// that the user's other open tabs keep working.
func (s *Server) logIn(ctx context.Context, userID, epoch int64, newCSRF bool) error {
	if err := s.sessions.RenewToken(ctx); err != nil {
		return err
	}
	s.sessions.Put(ctx, keyUser, userID)
	s.sessions.Put(ctx, keyEpoch, epoch)
	if newCSRF {
		s.sessions.Put(ctx, keyCSRF, newToken())
	}
	return nil
}

// logOut ends the login: the session row is deleted and a fresh anonymous
// session (with a new token) takes its place.
func (s *Server) logOut(ctx context.Context) error {
	if err := s.sessions.Destroy(ctx); err != nil {
		return err
	}
	return s.sessions.RenewToken(ctx)
}

// flash leaves a one-time message for the next page.
func (s *Server) flash(ctx context.Context, msg string) { s.sessions.Put(ctx, keyFlash, msg) }

// secureCookies adds Secure to every cookie of a response to a request
// that came over TLS (or, behind a trusted proxy, over https), since scs
// sets the attribute once for all requests.
func secureCookies(trustProxy, always bool, next http.Handler) http.Handler {
	if always {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tls := r.TLS != nil || (trustProxy && strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https"))
		if tls {
			w = &secureWriter{ResponseWriter: w}
		}
		next.ServeHTTP(w, r)
	})
}

type secureWriter struct {
	http.ResponseWriter
	done bool
}

func (w *secureWriter) mark() {
	if w.done {
		return
	}
	w.done = true
	cookies := w.Header()["Set-Cookie"]
	for i, c := range cookies {
		if !strings.Contains(strings.ToLower(c), "; secure") {
			cookies[i] = c + "; Secure"
		}
	}
}

func (w *secureWriter) WriteHeader(code int) { w.mark(); w.ResponseWriter.WriteHeader(code) }

func (w *secureWriter) Write(b []byte) (int, error) { w.mark(); return w.ResponseWriter.Write(b) }

func (w *secureWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }
