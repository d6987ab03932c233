package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Failed logins per account and per address, shared by every app server on
// the database (auth.NewSharedThrottle): a guesser behind a load balancer
// gets no more attempts than on one server, and a restart forgets nothing.

// LoginFailures returns the failures counted for key of kind and the time
// of the last; n is 0 when there are none.
func (s *Store) LoginFailures(ctx context.Context, kind, key string) (int, time.Time, error) {
	var n int
	var last time.Time
	err := s.queryRow(ctx, `SELECT n, last_at FROM login_failures WHERE kind = $1 AND subject = $2`, kind, key).Scan(&n, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, time.Time{}, nil
	}
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("read login failures: %w", err)
	}
	return n, last, nil
}

// AddLoginFailure counts a failure at now, from 1 again when the last was
// before forgetBefore; rows of that kind forgotten already are dropped. The
// count is one statement, atomic on both databases.
func (s *Store) AddLoginFailure(ctx context.Context, kind, key string, now, forgetBefore time.Time) error {
	if _, err := s.write(ctx, `INSERT INTO login_failures (kind, subject, n, last_at) VALUES ($1, $2, 1, $3)
		ON CONFLICT (kind, subject) DO UPDATE SET
			n = CASE WHEN login_failures.last_at < $4 THEN 1 ELSE login_failures.n + 1 END,
			last_at = excluded.last_at`, kind, key, now.UTC(), forgetBefore.UTC()); err != nil {
		return fmt.Errorf("count a login failure: %w", err)
	}
	if _, err := s.write(ctx, `DELETE FROM login_failures WHERE kind = $1 AND last_at < $2`, kind, forgetBefore.UTC()); err != nil {
		return fmt.Errorf("drop forgotten login failures: %w", err)
	}
	return nil
}

// ForgetLoginFailures drops the count of key of kind.
func (s *Store) ForgetLoginFailures(ctx context.Context, kind, key string) error {
	if _, err := s.write(ctx, `DELETE FROM login_failures WHERE kind = $1 AND subject = $2`, kind, key); err != nil {
		return fmt.Errorf("forget login failures: %w", err)
	}
	return nil
}
