package store

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"time"

	"github.com/alexedwards/scs/pgxstore"
)

// sqliteSessions keeps scs sessions in SQLite's table sessions, as scs's
// sqlite3store does (the expiry a julian day number), but through the
// store's prepared statements: sqlite3store prepares its query anew on
// every request, which cost more than running it (a tenth of a live
// check).
type sqliteSessions struct{ s *Store }

// Find returns the data of an unexpired session.
func (ss sqliteSessions) Find(token string) ([]byte, bool, error) {
	return ss.FindCtx(context.Background(), token)
}

// FindCtx is Find for a request's context (scs.CtxStore).
func (ss sqliteSessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	var b []byte
	err := ss.s.queryRow(ctx, `SELECT data FROM sessions WHERE token = $1 AND julianday('now') < expiry`, token).Scan(&b)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return nil, false, nil
	case err != nil:
		return nil, false, err
	}
	return b, true, nil
}

// Commit stores a session's data until expiry.
func (ss sqliteSessions) Commit(token string, b []byte, expiry time.Time) error {
	return ss.CommitCtx(context.Background(), token, b, expiry)
}

// CommitCtx is Commit for a request's context (scs.CtxStore).
func (ss sqliteSessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	_, err := ss.s.write(ctx, `REPLACE INTO sessions (token, data, expiry) VALUES ($1, $2, julianday($3))`,
		token, b, expiry.UTC().Format("2006-01-02T15:04:05.999"))
	return err
}

// Delete deletes a session.
func (ss sqliteSessions) Delete(token string) error {
	return ss.DeleteCtx(context.Background(), token)
}

// DeleteCtx is Delete for a request's context (scs.CtxStore).
func (ss sqliteSessions) DeleteCtx(ctx context.Context, token string) error {
	_, err := ss.s.write(ctx, `DELETE FROM sessions WHERE token = $1`, token)
	return err
}

// cleanEvery deletes the expired sessions every interval until stop is closed.
func (ss sqliteSessions) cleanEvery(interval time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if _, err := ss.s.write(context.Background(), `DELETE FROM sessions WHERE expiry < julianday('now')`); err != nil {
				slog.Warn("sessions: delete expired", "err", err)
			}
		}
	}
}

// pgSessions is scs's pgxstore, whose statements (on the pgx pool, not
// through database/sql) are counted here (CountStatements).
type pgSessions struct{ *pgxstore.PostgresStore }

// FindCtx counts the read and reads the session.
func (ps pgSessions) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	counted(ctx)
	return ps.Find(token)
}

// CommitCtx counts the write and writes the session.
func (ps pgSessions) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	counted(ctx)
	return ps.Commit(token, b, expiry)
}

// DeleteCtx counts the write and deletes the session.
func (ps pgSessions) DeleteCtx(ctx context.Context, token string) error {
	counted(ctx)
	return ps.Delete(token)
}
