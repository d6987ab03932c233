package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/alexedwards/scs/v2"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"

	"nianbao/migrations"
)

// Everything that differs between SQLite and PostgreSQL is in this file:
// how a target is told apart (a file name or a postgres:// URL), how the
// database is opened, the schema's types (the migrations are written once,
// in SQLite's spelling, and translated), the isolation of transactions,
// the session store, backups and checkpoints. The queries themselves are
// the SQL both speak: $n placeholders, ON CONFLICT … DO UPDATE SET x =
// excluded.x, RETURNING, COALESCE, WITH RECURSIVE. PostgreSQL is also the
// road to KingbaseES and openGauss, which speak its protocol.

// Dialect names the database a store runs on.
type Dialect string

// The dialects.
const (
	SQLite   Dialect = "sqlite"
	Postgres Dialect = "postgres"
)

// schemeRE matches the start of a URL: a scheme of two or more letters and
// a colon ("C:\…" is a Windows path, not a URL).
var schemeRE = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]+):`)

// DialectOf says which database target names: a postgres:// (or
// postgresql://) URL is PostgreSQL, any other URL is an error (it is never
// taken for a file name), and everything else is the path of a SQLite file.
func DialectOf(target string) (Dialect, error) {
	m := schemeRE.FindStringSubmatch(target)
	if m == nil {
		if strings.TrimSpace(target) == "" {
			return "", errors.New("没有给出数据库：请给 SQLite 文件路径或 postgres:// 网址 / no database given: a SQLite file path or a postgres:// URL")
		}
		return SQLite, nil
	}
	switch strings.ToLower(m[1]) {
	case "postgres", "postgresql":
		if !strings.HasPrefix(target[len(m[0]):], "//") {
			return "", fmt.Errorf("%q 不是完整的 PostgreSQL 网址（URL），请写成 postgres://用户@主机/数据库 / not a PostgreSQL URL: write postgres://user@host/database: %w", Redact(target), ErrURLLocation)
		}
		return Postgres, nil
	}
	return "", fmt.Errorf("%q 是网址（URL），但 nianbao 不支持 %s: 这种数据库；请给 SQLite 文件路径或 postgres:// 网址 / a URL of a kind nianbao cannot use; give a SQLite file path or a postgres:// URL: %w", Redact(target), m[1], ErrURLLocation)
}

// Redact is target with any password in it replaced, for logs and
// messages.
func Redact(target string) string {
	u, err := url.Parse(target)
	if err != nil || u.User == nil {
		return target
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// defaultPoolSize bounds the connections one app server opens to
// PostgreSQL unless the URL says otherwise (pool_max_conns=…): enough for
// dozens of clerks typing at once, few enough that several servers stay
// well under PostgreSQL's default max_connections of 100.
const defaultPoolSize = 16

// openPostgres connects through one pgx pool, which the database/sql handle
// and the session store share.
func openPostgres(ctx context.Context, target string) (*sql.DB, *pgxpool.Pool, error) {
	cfg, err := pgxpool.ParseConfig(target)
	if err != nil {
		return nil, nil, fmt.Errorf("read the PostgreSQL URL: %w", errors.New(strings.ReplaceAll(err.Error(), target, Redact(target))))
	}
	if !strings.Contains(target, "pool_max_conns") {
		cfg.MaxConns = defaultPoolSize
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, nil, err
	}
	return stdlib.OpenDBFromPool(pool), pool, nil
}

// migrationLock keeps app servers started at once on one PostgreSQL from
// migrating it together (two ran the same CREATE TABLE, and one failed):
// the first takes an advisory lock and migrates; the others wait for it,
// asking every second for up to 5 minutes, and then find nothing to do.
// On SQLite the write lock does this already.
func migrationLock() (lock.SessionLocker, error) {
	return lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
}

// migrationsFor is the schema for the dialect: SQLite's as written; for
// PostgreSQL each file of migrations/postgres where there is one of the
// same name, else the SQLite file translated by pgSchema.
func migrationsFor(d Dialect) (goose.Dialect, fs.FS, error) {
	if d == SQLite {
		return goose.DialectSQLite3, migrations.FS, nil
	}
	names, err := fs.Glob(migrations.FS, "*.sql")
	if err != nil {
		return "", nil, err
	}
	out := fstest.MapFS{}
	for _, name := range names {
		if own, err := fs.ReadFile(migrations.PostgresFS, "postgres/"+name); err == nil {
			out[name] = &fstest.MapFile{Data: own}
			continue
		}
		data, err := fs.ReadFile(migrations.FS, name)
		if err != nil {
			return "", nil, err
		}
		out[name] = &fstest.MapFile{Data: []byte(pgSchema(string(data)))}
	}
	return goose.DialectPostgres, out, nil
}

// The schema's SQLite spellings and their PostgreSQL ones. "INTEGER
// PRIMARY KEY" is SQLite's auto-numbered row id; every INTEGER is 64 bits
// in SQLite, so BIGINT on PostgreSQL.
var pgTypes = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`\bINTEGER PRIMARY KEY\b`), "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY"},
	{regexp.MustCompile(`\bINTEGER\b`), "BIGINT"},
	{regexp.MustCompile(`\bBLOB\b`), "BYTEA"},
	{regexp.MustCompile(`\bREAL\b`), "DOUBLE PRECISION"},
}

// pgSchema translates a migration written for SQLite into PostgreSQL.
func pgSchema(sqlText string) string {
	for _, t := range pgTypes {
		sqlText = t.re.ReplaceAllString(sqlText, t.with)
	}
	return sqlText
}

// Sessions returns the store of scs sessions in this database (table
// sessions), with expired sessions deleted every cleanup, and the function
// that stops that cleanup. On PostgreSQL it is scs's pgxstore; on SQLite
// our own (sessions.go), with the table sqlite3store would use. Both take
// the request's context, so a request's session statements are counted
// with the rest (CountStatements).
func (s *Store) Sessions(cleanup time.Duration) (scs.CtxStore, func()) {
	if s.pool != nil {
		st := pgxstore.NewWithCleanupInterval(s.pool, cleanup)
		return pgSessions{st}, st.StopCleanup
	}
	ss, stop := sqliteSessions{s}, make(chan struct{})
	go ss.cleanEvery(cleanup, stop)
	var once sync.Once
	return ss, func() { once.Do(func() { close(stop) }) }
}

// Dialect is the database the store runs on.
func (s *Store) Dialect() Dialect { return s.dialect }

// txAttempts bounds how often a PostgreSQL transaction is tried again after
// a serialization failure or deadlock.
const txAttempts = 8

// inTx runs fn in a transaction and commits it when fn returns nil. fn may
// read then write safely: on SQLite the transaction holds the write lock
// from its start (_txlock=immediate); on PostgreSQL it is SERIALIZABLE and
// is run again (fn too, so fn must only set what it returns) when
// PostgreSQL refuses it as conflicting with another.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	var opts *sql.TxOptions
	if s.dialect == Postgres {
		opts = &sql.TxOptions{Isolation: sql.LevelSerializable}
	}
	return s.retryTx(ctx, opts, fn)
}

// retryTx runs fn in a transaction with opts, again after a conflict with
// another transaction, up to txAttempts times.
func (s *Store) retryTx(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	for attempt := 1; ; attempt++ {
		err := s.tryTx(ctx, opts, fn)
		if err == nil || attempt == txAttempts || !retryable(err) {
			return err
		}
		// A short, random pause, growing with the attempts, lets the
		// conflicting transaction finish.
		pause := time.Duration(rand.Int64N(int64(attempt)*int64(5*time.Millisecond))) + time.Millisecond
		select {
		case <-ctx.Done():
			return err
		case <-time.After(pause):
		}
	}
}

// inRowTx runs fn in a transaction that guards what it reads and writes
// with the lock on one row (read with forUpdate) rather than PostgreSQL's
// serializable checking: for a save, which reads and writes only its own
// report's row and that report's versions. Serializable checking locks
// index pages, not rows, so concurrent saves of different reports — whose
// rows and versions share pages — refuse each other: 50 clerks saving at
// once made some saves fail even after txAttempts tries. On SQLite it is
// inTx.
func (s *Store) inRowTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if s.dialect != Postgres {
		return s.inTx(ctx, fn)
	}
	return s.retryTx(ctx, &sql.TxOptions{Isolation: sql.LevelReadCommitted}, fn)
}

// forUpdate makes a SELECT of one row lock it until the transaction ends
// (PostgreSQL; a SQLite transaction holds the whole database already).
func (s *Store) forUpdate(query string) string {
	if s.dialect == Postgres {
		return query + " FOR UPDATE"
	}
	return query
}

func (s *Store) tryTx(ctx context.Context, opts *sql.TxOptions, fn func(tx *sql.Tx) error) error {
	if s.dialect == SQLite {
		// One writer at a time, queued here (Store.writer).
		s.writer.Lock()
		defer s.writer.Unlock()
	}
	counted(ctx)
	tx, err := s.DB.BeginTx(ctx, opts)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		counted(ctx)
		_ = tx.Rollback() // the error from fn is the one that matters
		return err
	}
	counted(ctx)
	if err := tx.Commit(); err != nil {
		return err
	}
	s.afterCommit()
	return nil
}

// retryable reports whether PostgreSQL refused a transaction only because
// another ran at the same time (serialization_failure, deadlock_detected).
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}
