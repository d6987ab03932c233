package store

import (
	"context"
	"sync/atomic"
)

// StatementCount counts the statements the store sends to the database on
// behalf of one context: every query, every write, a transaction's BEGIN
// and COMMIT, a session's read and write — the round trips a request costs
// (preparing a kept statement, once per connection, is not counted). The
// live check's design names how many it may take; a test holds it to
// that (web's TestLiveCheckRoundTrips).
type StatementCount struct{ n atomic.Int64 }

// N is how many statements were counted.
func (c *StatementCount) N() int { return int(c.n.Load()) }

type countKey struct{}

// CountStatements returns a context under which every statement the store
// runs is counted in the StatementCount returned.
func CountStatements(ctx context.Context) (context.Context, *StatementCount) {
	c := &StatementCount{}
	return context.WithValue(ctx, countKey{}, c), c
}

// counted counts one statement sent under ctx, if ctx counts them.
func counted(ctx context.Context) {
	if c, ok := ctx.Value(countKey{}).(*StatementCount); ok {
		c.n.Add(1)
	}
}
