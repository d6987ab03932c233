package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/internal/report"
)

// TestWALEmptiedWhenWritersPause: saves with a long narrative fill the
// -wal file; once they stop, the checkpointer empties it within a few
// ticks; journal_size_limit is set on the connections.
func TestWALEmptiedWhenWritersPause(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "wal.db")
	st := openAt(t, path)
	var limit int64
	if err := st.DB.QueryRowContext(ctx, `PRAGMA journal_size_limit`).Scan(&limit); err != nil || limit != 64<<20 {
		t.Errorf("journal_size_limit = %d, %v; want 64 MB", limit, err)
	}
	body := mustBody(t, st, 0, "某局")
	r := report.New(report.T2021)
	rec, err := st.CreateReport(ctx, body, 2024, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	v := rec.Version
	for i := range 200 {
		r = r.Clone()
		r.Narrative.Overview = strings.Repeat("政务公开", 5000) + sentence(i)
		if v, err = st.SaveDraft(ctx, rec.ID, v, r, report.Tally{}, 0); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() < 1<<20 {
		t.Fatalf("the -wal file after 200 saves: %v, %v (want some MB)", fi, err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		fi, err := os.Stat(path + "-wal")
		if err == nil && fi.Size() == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the -wal file is not emptied after the writers paused: %d bytes", fi.Size())
		}
		time.Sleep(200 * time.Millisecond)
	}
}
