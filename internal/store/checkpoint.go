package store

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"
)

// checkpointEvery is how often the write-ahead log is folded back into the
// database file. SQLite would otherwise do it inside whichever commit
// crosses its threshold, making that one request of a typing clerk slow;
// here it happens beside the requests.
const checkpointEvery = 2 * time.Second

// walLarge is the size of the -wal file past which the checkpointer stops
// being polite: a PASSIVE checkpoint never waits for readers, so under
// sustained load it may never reach the end of the log, and the file only
// grows. Past walLarge it runs a TRUNCATE checkpoint, which waits (up to the
// busy timeout) for the readers to move on and then empties the file.
const walLarge = 32 << 20

// walLimit is journal_size_limit: the size SQLite cuts the -wal file back to
// whenever a checkpoint lets it start the log again from the beginning.
const walLimit = 64 << 20

// checkpointer runs until stop is closed, then folds the whole log back and
// truncates it, and closes done. Each tick it runs a PASSIVE checkpoint
// (never waits for or blocks a request); when no frame was added since the
// tick before (the writers paused) or the file is larger than walLarge, it
// empties the log (emptyLog), so the file is emptied between bursts. Under
// sustained saving the ticks are not enough (one fast writer adds some
// 100 MB of log in one): the commit that takes the file past walLarge
// empties it itself (afterCommit).
func (s *Store) checkpointer(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	lastFrames := -1
	for {
		select {
		case <-t.C:
			frames := s.checkpoint("PASSIVE")
			if frames > 0 && (frames == lastFrames || s.walSize() > walLarge) {
				frames = s.emptyLog()
			}
			lastFrames = frames
		case <-stop:
			s.emptyLog()
			return
		}
	}
}

// forcedWait is how long afterCommit's checkpoint waits for readers. A
// long read (nianbao backup's VACUUM INTO on the live database, a large
// export) keeps any checkpoint from the end of the log; waiting the whole
// busy timeout for it would stall every save behind the writer queue.
const forcedWait = 250 * time.Millisecond

// afterCommit runs after each write transaction on SQLite, still holding
// Store.writer: when the commit left the -wal file over walLarge it empties
// the log then and there, before the next writer may add to it. So the
// file never holds much more than walLarge and one transaction, however
// many writers wait; the one save that crossed the line waits for the
// checkpoint (tens to a few hundred milliseconds, most of the log being
// the same pages written over and over). One stat per write. When a long
// reader keeps the checkpoint from finishing within forcedWait, the
// commits leave it to the checkpointer's ticks for one tick
// (Store.forceAfter), so that no save waits for that reader.
func (s *Store) afterCommit() {
	if s.path == "" || time.Now().Before(s.forceAfter) || s.walSize() <= walLarge {
		return
	}
	if !s.checkpointWithin("TRUNCATE", forcedWait) {
		s.forceAfter = time.Now().Add(checkpointEvery)
	}
}

// checkpointWithin runs a checkpoint of the given mode that waits at most
// wait for readers and writers, and reports whether it went to the end of
// the log.
func (s *Store) checkpointWithin(mode string, wait time.Duration) bool {
	ctx := context.Background()
	conn, err := s.DB.Conn(ctx)
	if err != nil {
		slog.Warn("checkpoint", "mode", mode, "err", err)
		return false
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", wait.Milliseconds())); err != nil {
		slog.Warn("checkpoint", "mode", mode, "err", err)
		return false
	}
	// The connection goes back to the pool with the usual timeout.
	defer conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", busyTimeout.Milliseconds()))
	var busy, frames, done int
	if err := conn.QueryRowContext(ctx, `PRAGMA wal_checkpoint(`+mode+`)`).Scan(&busy, &frames, &done); err != nil {
		slog.Warn("checkpoint", "mode", mode, "err", err)
		return false
	}
	return busy == 0
}

// emptyLog runs a TRUNCATE checkpoint with the write transactions held
// back (Store.writer): it waits for the one under way to commit, folds the
// whole log back into the database, empties the file, and lets the writers
// go on. Without holding them back the checkpoint would compete with the
// writers for SQLite's write lock through the busy handler, and under
// sustained load could lose for the whole busy timeout while the file kept
// growing. It returns the frames left in the log, as checkpoint does.
func (s *Store) emptyLog() int {
	s.writer.Lock()
	defer s.writer.Unlock()
	return s.checkpoint("TRUNCATE")
}

// checkpoint runs a checkpoint of the given mode and returns the frames in
// the log after it (-1 when it failed: best effort, the next tick retries).
func (s *Store) checkpoint(mode string) int {
	var busy, frames, done int
	err := s.DB.QueryRowContext(context.Background(), `PRAGMA wal_checkpoint(`+mode+`)`).Scan(&busy, &frames, &done)
	if err != nil {
		slog.Warn("checkpoint", "mode", mode, "err", err)
		return -1
	}
	return frames
}

// walSize is the size of the -wal file (0 if there is none).
func (s *Store) walSize() int64 {
	fi, err := os.Stat(s.path + "-wal")
	if err != nil {
		return 0
	}
	return fi.Size()
}
