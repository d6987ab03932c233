// Package webtest starts the real app for tests: the web server of package
// web on a real SQLite file in t.TempDir() — or, with NIANBAO_TEST_DB=postgres,
// on a new database of the test binary's real PostgreSQL server — served on loopback by
// httptest, with clients that keep cookies, log in, and carry the CSRF
// token the pages give them. It also seeds bodies, users and reports
// directly through the store. No mocks: what a test sees is what a browser
// would.
package webtest

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/web"
)

// Password is the password of every user the seed helpers create.
const Password = "webtest-密码-2024"

// App is a running app.
type App struct {
	// URL is the server's base address, e.g. http://127.0.0.1:41234.
	URL    string
	Store  *store.Store
	Server *web.Server
	// DBPath is the SQLite file, or the postgres:// URL, the app runs on.
	DBPath string
	// Throttle is the server's login throttle; a test may set its clock
	// (Throttle.Now) to skip the waits. Its counts are in the database:
	// a restart, or a second server on the same database, keeps them.
	Throttle *auth.Throttle
	srv      *httptest.Server
}

// DBEnv names the database the web tests run on: unset or "sqlite" for a
// SQLite file, "postgres" for PostgreSQL (.ci/run runs the web tests on
// both). A package whose tests use it calls testenv.RunWithPostgres from
// TestMain.
const DBEnv = "NIANBAO_TEST_DB"

// Start runs the app on a new, empty database (see DBEnv); it stops when
// the test ends.
func Start(t testing.TB) *App {
	t.Helper()
	return StartOn(t, NewDB(t))
}

// NewDB returns a new, empty database for the test: a SQLite file in
// t.TempDir(), or with NIANBAO_TEST_DB=postgres the URL of a new
// PostgreSQL database, dropped when the test ends. Several apps started on
// one such URL share it as several app servers would.
func NewDB(t testing.TB) string {
	t.Helper()
	switch db := os.Getenv(DBEnv); db {
	case "", "sqlite":
		return filepath.Join(t.TempDir(), "nianbao.db")
	case "postgres":
		return testenv.Postgres(t)
	default:
		t.Fatalf("%s=%q: want sqlite or postgres", DBEnv, db)
		return ""
	}
}

// StartOn runs the app on the database at path (a SQLite file or a
// postgres:// URL).
func StartOn(t testing.TB, path string) *App {
	t.Helper()
	a := &App{DBPath: path}
	a.start(t)
	t.Cleanup(a.stop)
	return a
}

func (a *App) start(t testing.TB) {
	t.Helper()
	st, err := store.Open(context.Background(), a.DBPath)
	if err != nil {
		t.Fatal(err)
	}
	a.Store = st
	a.Throttle = auth.NewSharedThrottle(st)
	a.Server = web.NewServer(web.Deps{Store: st, Log: logger(), Throttle: a.Throttle})
	a.srv = httptest.NewServer(a.Server)
	a.URL = a.srv.URL
}

func (a *App) stop() {
	if a.srv == nil {
		return
	}
	a.srv.Close()
	a.Server.Close()
	a.Store.Close()
	a.srv = nil
}

// Restart stops the server and closes the database, then opens the same
// file with a new store and a new server (on a new port) — as a restart of
// the process would. Clients of the app follow it and keep their cookies.
func (a *App) Restart(t testing.TB) {
	t.Helper()
	a.stop()
	a.start(t)
}

// logger discards the app's log unless NIANBAO_TEST_LOG is set.
func logger() *slog.Logger {
	if os.Getenv("NIANBAO_TEST_LOG") != "" {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.DiscardHandler)
}

// Body creates a body (a root when parent is 0) and returns its id.
func (a *App) Body(t testing.TB, parent int64, name string, kind org.Kind) int64 {
	t.Helper()
	b, err := a.Store.CreateBody(context.Background(), store.Body{ParentID: parent, Name: name, Kind: kind}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return b.ID
}

// User creates a user with password Password and the given roles, and
// returns their id.
func (a *App) User(t testing.TB, username string, grants ...auth.Grant) int64 {
	t.Helper()
	u, err := a.Store.CreateUser(context.Background(), store.NewUser{Username: username, PasswordHash: passwordHash(t)}, grants, 0)
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

// Report creates an empty 2021-format draft for the body and year and
// returns its id.
func (a *App) Report(t testing.TB, bodyID int64, year int) int64 {
	t.Helper()
	r := report.New(report.T2021)
	r.Year, r.Org = year, "测试机关"
	rec, err := a.Store.CreateReport(context.Background(), bodyID, year, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	return rec.ID
}

// Client returns a client logged in as username (with Password).
func (a *App) Client(t testing.TB, username string) *Client {
	t.Helper()
	c := a.Anonymous(t)
	c.Login(t, username, Password)
	return c
}

// Anonymous returns a client that is not logged in.
func (a *App) Anonymous(t testing.TB) *Client {
	t.Helper()
	return newClient(func() string { return a.URL })
}

var hashOnce struct {
	hash string
}

// passwordHash hashes Password once per test binary (argon2id is slow on
// purpose).
func passwordHash(t testing.TB) string {
	t.Helper()
	if hashOnce.hash == "" {
		h, err := auth.HashPassword(Password)
		if err != nil {
			t.Fatal(err)
		}
		hashOnce.hash = h
	}
	return hashOnce.hash
}
