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
	"time"

	"github.com/pressly/goose/v3"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"nianbao/migrations"
)

// Store is the database. It is safe for concurrent use.
type Store struct {
	DB *sql.DB
	// Now is the clock, replaceable in tests.
	Now func() time.Time
}

// Open opens (creating if needed) the SQLite file at path in WAL mode with
// foreign keys and a busy timeout, and applies every pending migration.
func Open(ctx context.Context, path string) (*Store, error) {
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
	s := &Store{DB: db, Now: time.Now}
	if _, err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// dsn sets the pragmas on every pooled connection: WAL (readers never block
// the writer), foreign keys, a busy timeout instead of "database is locked",
// and synchronous=NORMAL, which in WAL mode keeps every committed
// transaction across a crash of the process.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{"journal_mode(WAL)", "foreign_keys(1)", "busy_timeout(10000)", "synchronous(NORMAL)"} {
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

// Close closes the database.
func (s *Store) Close() error { return s.DB.Close() }
