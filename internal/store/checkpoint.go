package store

import (
	"context"
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
// tick before (the writers paused) or the file is larger than walLarge, a
// TRUNCATE one, so the file is emptied between bursts and stays bounded
// during them.
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
				frames = s.checkpoint("TRUNCATE")
			}
			lastFrames = frames
		case <-stop:
			s.checkpoint("TRUNCATE")
			return
		}
	}
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
