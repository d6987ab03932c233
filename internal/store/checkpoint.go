package store

import (
	"context"
	"time"
)

// checkpointEvery is how often the write-ahead log is folded back into the
// database file. SQLite would otherwise do it inside whichever commit
// crosses its threshold, making that one request of a typing clerk slow;
// here it happens beside the requests (PASSIVE: it never waits for or
// blocks them).
const checkpointEvery = 2 * time.Second

// checkpointer runs until stop is closed, then folds the whole log back and
// truncates it, and closes done.
func (s *Store) checkpointer(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_, _ = s.DB.ExecContext(context.Background(), `PRAGMA wal_checkpoint(PASSIVE)`) // best effort; the next tick retries
		case <-stop:
			_, _ = s.DB.ExecContext(context.Background(), `PRAGMA wal_checkpoint(TRUNCATE)`)
			return
		}
	}
}
