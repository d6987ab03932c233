package store

import (
	"context"
	"database/sql"
	"sync"
)

// Statements are prepared once and kept: preparing a statement costs
// SQLite more than running it, and the live check runs a dozen per
// keystroke. database/sql re-prepares a kept statement on each pooled
// connection it meets, once.
//
// Preparing takes a connection of the pool. So no lock is held while
// preparing, and a transaction never prepares: it holds a connection
// already, and with every connection of PostgreSQL's bounded pool held by
// transactions each waiting for one more, none would finish. A
// transaction runs a statement not yet kept unprepared, and has it
// prepared in the background for next time.
type stmtCache struct {
	mu      sync.Mutex
	m       map[string]*sql.Stmt
	pending map[string]bool // being prepared in the background
}

// maxStmts bounds the cache; queries built with a variable number of
// placeholders beyond it run unprepared.
const maxStmts = 256

// kept is the statement kept for query, if any, and whether the cache is
// full.
func (s *Store) kept(query string) (st *sql.Stmt, full bool) {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	return s.stmts.m[query], len(s.stmts.m) >= maxStmts
}

// stmt is the kept statement for query, prepared now if need be; nil (and
// no error) when the cache is full.
func (s *Store) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, full := s.kept(query); st != nil || full {
		return st, nil
	}
	st, err := s.DB.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	if old, ok := s.stmts.m[query]; ok { // prepared meanwhile by another
		st.Close()
		return old, nil
	}
	if len(s.stmts.m) >= maxStmts {
		st.Close()
		return nil, nil
	}
	if s.stmts.m == nil {
		s.stmts.m = map[string]*sql.Stmt{}
	}
	s.stmts.m[query] = st
	return st, nil
}

// txStmt is the kept statement for query, for a transaction to use, or nil
// when there is none yet; then it is prepared in the background.
func (s *Store) txStmt(query string) *sql.Stmt {
	st, full := s.kept(query)
	if st != nil || full {
		return st
	}
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	if s.stmts.pending[query] {
		return nil
	}
	if s.stmts.pending == nil {
		s.stmts.pending = map[string]bool{}
	}
	s.stmts.pending[query] = true
	go func() {
		_, _ = s.stmt(context.Background(), query) // a failure prepares it on the next use
		s.stmts.mu.Lock()
		delete(s.stmts.pending, query)
		s.stmts.mu.Unlock()
	}()
	return nil
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	counted(ctx)
	if st, err := s.stmt(ctx, query); err == nil && st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.DB.QueryRowContext(ctx, query, args...) // reports the error, or runs unprepared
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	counted(ctx)
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.DB.QueryContext(ctx, query, args...)
	}
	return st.QueryContext(ctx, args...)
}

func (s *Store) exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	counted(ctx)
	st, err := s.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return s.DB.ExecContext(ctx, query, args...)
	}
	return st.ExecContext(ctx, args...)
}

// write runs one statement that writes outside a transaction; on SQLite it
// queues with the write transactions (Store.writer) and, like them, may
// empty the log after it (afterCommit).
func (s *Store) write(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if s.dialect == SQLite {
		s.writer.Lock()
		defer s.writer.Unlock()
		defer s.afterCommit()
	}
	return s.exec(ctx, query, args...)
}

func (s *Store) txQueryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	counted(ctx)
	if st := s.txStmt(query); st != nil {
		return tx.StmtContext(ctx, st).QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}

func (s *Store) txExec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	counted(ctx)
	if st := s.txStmt(query); st != nil {
		return tx.StmtContext(ctx, st).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// closeStmts releases the kept statements (before the database closes).
func (s *Store) closeStmts() {
	s.stmts.mu.Lock()
	defer s.stmts.mu.Unlock()
	for _, st := range s.stmts.m {
		st.Close()
	}
	s.stmts.m = nil
}
