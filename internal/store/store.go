// Package store keeps nianbao's data in SQLite (modernc.org/sqlite, pure
// Go; the embedded default) or PostgreSQL (pgx; for several app servers on
// one database): the schema of package migrations, applied on open;
// bodies, users, reports and their versions, sessions. It is the only
// package that speaks SQL; what differs between the two databases is in
// dialect.go.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is the database. It is safe for concurrent use.
type Store struct {
	DB      *sql.DB
	dialect Dialect
	// pool is PostgreSQL's connection pool (DB runs on it), nil on SQLite.
	pool *pgxpool.Pool
	// Now is the clock, replaceable in tests.
	Now   func() time.Time
	cache *reportCache
	// refCache keeps decoded reference reports by id and revision.
	refCache *reportCache
	stmts    stmtCache
	// path is the SQLite file ("" on PostgreSQL).
	path string
	// stop ends the checkpointer, which closes stopped when it is done.
	stop, stopped chan struct{}
	// writer is held by every write transaction on SQLite, and by a
	// checkpoint that empties the log (checkpoint.go). SQLite has one
	// writer at a time anyway; queueing them here hands the lock on at
	// once, where SQLite's busy handler has each waiting writer sleep and
	// retry (up to 100 ms a time: a long tail under load), and lets the
	// checkpoint take its turn.
	writer sync.Mutex
	// forceAfter is when afterCommit may next force a checkpoint, after
	// one a long reader kept from finishing; guarded by writer.
	forceAfter time.Time
	closeOnce  sync.Once
}

// Open opens the database target names (DialectOf): a PostgreSQL database
// by its postgres:// URL, or the SQLite file at a path (created if needed,
// in WAL mode with foreign keys and a busy timeout). It applies every
// pending migration.
func Open(ctx context.Context, target string) (*Store, error) {
	d, err := DialectOf(target)
	if err != nil {
		return nil, fmt.Errorf("store.Open: %w", err)
	}
	s := &Store{dialect: d, Now: time.Now, cache: newReportCache(), refCache: newReportCache(), stop: make(chan struct{}), stopped: make(chan struct{})}
	if d == Postgres {
		if s.DB, s.pool, err = openPostgres(ctx, target); err == nil {
			err = s.DB.PingContext(ctx)
		}
		if err != nil {
			s.closeDB()
			return nil, fmt.Errorf("store.Open(%q): %w", Redact(target), err)
		}
		close(s.stopped) // PostgreSQL checkpoints on its own
	} else {
		if s.DB, err = openSQLite(ctx, target); err != nil {
			return nil, err
		}
		// After a crash the log may hold a great deal: fold it back and
		// empty it before serving.
		s.path = target
		s.checkpoint("TRUNCATE")
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.closeDB()
		return nil, err
	}
	if d == SQLite {
		go s.checkpointer(s.stop, s.stopped)
	}
	return s, nil
}

// openSQLite opens the file at path, creating its folder if needed.
func openSQLite(ctx context.Context, path string) (*sql.DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("store.Open(%q): create folder: %w", path, err)
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("store.Open(%q): %w", path, err)
	}
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store.Open(%q): %w", path, err)
	}
	return db, nil
}

// busyTimeout is how long a statement waits for a lock before SQLite says
// "database is locked".
const busyTimeout = 10 * time.Second

// dsn sets the pragmas on every pooled connection: WAL (readers never block
// the writer), foreign keys, a busy timeout instead of "database is locked",
// synchronous=NORMAL, which in WAL mode keeps every committed transaction
// across a crash of the process, and no automatic checkpoints (the
// checkpointer does them in the background: checkpoint.go), and a -wal
// file cut back to walLimit whenever the log restarts.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()), "synchronous(NORMAL)", "wal_autocheckpoint(0)",
		fmt.Sprintf("journal_size_limit(%d)", walLimit)} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Migrate applies pending migrations and returns how many it applied.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	gd, fsys, err := migrationsFor(s.dialect)
	if err != nil {
		return 0, fmt.Errorf("store.Migrate: %w", err)
	}
	var opts []goose.ProviderOption
	if s.dialect == Postgres {
		locker, err := migrationLock()
		if err != nil {
			return 0, fmt.Errorf("store.Migrate: %w", err)
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(gd, s.DB, fsys, opts...)
	if err != nil {
		return 0, fmt.Errorf("store.Migrate: %w", err)
	}
	res, err := p.Up(ctx)
	if err != nil {
		return 0, fmt.Errorf("store.Migrate: %w", err)
	}
	return len(res), nil
}

// Close stops the checkpointer (after a last, truncating checkpoint) and
// closes the database. Closing again does nothing.
func (s *Store) Close() error {
	var err error
	s.closeOnce.Do(func() {
		close(s.stop)
		<-s.stopped
		s.closeStmts()
		err = s.closeDB()
	})
	return err
}

func (s *Store) closeDB() error {
	var err error
	if s.DB != nil {
		err = s.DB.Close()
	}
	if s.pool != nil {
		s.pool.Close()
	}
	return err
}
