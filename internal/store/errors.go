package store

import (
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Errors the store returns, wrapped with the call that failed; match them
// with errors.Is.
var (
	// ErrNotFound: the row asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrStale: a save was based on a version that is no longer the
	// current one; nothing was written.
	ErrStale = errors.New("stale version")
	// ErrConflict: the row would duplicate one that exists (a username, a
	// report for the same body and year), or setup has already been done.
	ErrConflict = errors.New("already exists")
	// ErrCycle: a body would be moved below itself.
	ErrCycle = errors.New("body would be its own ancestor")
	// ErrTooDeep: the body tree would be deeper than MaxTreeDepth.
	ErrTooDeep = errors.New("body tree would be too deep")
	// ErrNotEditable: the report is not a draft (nor returned), so it
	// cannot be saved as one.
	ErrNotEditable = errors.New("report is not a draft")
	// ErrURLLocation: the database location is a URL nianbao cannot open
	// (not postgres://); nothing was created.
	ErrURLLocation = errors.New("database URL not supported")
)

// now is the store's clock in UTC.
func (s *Store) now() time.Time { return s.Now().UTC() }

// nullID stores 0 as NULL (no user, no body, no report).
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// isUnique reports whether err is a unique-constraint violation. Both
// SQLite and PostgreSQL say "unique" in the message; the drivers' error
// types differ.
func isUnique(err error) bool {
	return err != nil && strings.Contains(strings.ToLower(err.Error()), "unique")
}

// placeholders returns "$first, $first+1, …" for n arguments.
func placeholders(first, n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "$%d", first+i)
	}
	return b.String()
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
