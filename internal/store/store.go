// Package store keeps nianbao's data in SQLite (modernc.org/sqlite, pure
// Go): the schema of package migrations, applied on open; bodies, users,
// reports and their versions. It is the only package that speaks SQL. The
// SQL is kept portable so that the same schema can later run on PostgreSQL.
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

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"nianbao/migrations"
)

// Store is the database. It is safe for concurrent use.
type Store struct {
	DB *sql.DB
	// Now is the clock, replaceable in tests.
	Now   func() time.Time
	cache *reportCache
	// refCache keeps decoded reference reports by id and revision.
	refCache *reportCache
	stmts    stmtCache
	// stop ends the checkpointer, which closes stopped when it is done.
	stop, stopped chan struct{}
	closeOnce     sync.Once
}

// Open opens (creating if needed) the SQLite file at path in WAL mode with
// foreign keys and a busy timeout, and applies every pending migration.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := checkLocation(path); err != nil {
		return nil, fmt.Errorf("store.Open: %w", err)
	}
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
	s := &Store{DB: db, Now: time.Now, cache: newReportCache(), refCache: newReportCache(), stop: make(chan struct{}), stopped: make(chan struct{})}
	if _, err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	go s.checkpointer(s.stop, s.stopped)
	return s, nil
}

// dsn sets the pragmas on every pooled connection: WAL (readers never block
// the writer), foreign keys, a busy timeout instead of "database is locked",
// synchronous=NORMAL, which in WAL mode keeps every committed transaction
// across a crash of the process, and no automatic checkpoints (the
// checkpointer does them in the background).
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)", "wal_autocheckpoint(0)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	return "file:" + path + "?" + q.Encode()
}

// Migrate applies pending migrations and returns how many it applied.
func (s *Store) Migrate(ctx context.Context) (int, error) {
	p, err := goose.NewProvider(goose.DialectSQLite3, s.DB, migrations.FS)
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
		err = s.DB.Close()
	})
	return err
}
