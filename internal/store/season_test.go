package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"nianbao/internal/report"
	"nianbao/internal/store"
)

// walLimit is the goal for the -wal file under sustained load (and
// journal_size_limit): 64 MB.
const walLimit = 64 << 20

// fullReport is a report as a clerk has it late in January: every cell
// filled and each narrative section long (sentences of sentence(n)
// making up about words characters in all).
func fullReport(words int) *report.Report {
	r := report.New(report.T2021)
	for i := range r.Values {
		r.Values[i] = report.Num(int64(i*7%500 + 1))
	}
	var b strings.Builder
	for n := 0; b.Len() < words*3; n++ { // about 3 bytes a character
		b.WriteString(sentence(n))
	}
	text := []rune(b.String())
	third := len(text) / 3
	r.Narrative.Overview = string(text[:third])
	r.Narrative.Problems = string(text[third : 2*third])
	r.Narrative.Other = string(text[2*third:])
	return r
}

// editOne changes r as one live-check save does: one cell typed anew,
// or one sentence of the overview replaced.
func editOne(r *report.Report, rng *rand.Rand, sentenceEdit bool, n int) *report.Report {
	out := r.Clone()
	if !sentenceEdit {
		out.Values[rng.IntN(len(out.Values))] = report.Num(int64(rng.IntN(1000)))
		return out
	}
	s := strings.Split(out.Narrative.Overview, "。")
	s[rng.IntN(len(s)-1)] = strings.TrimSuffix(sentence(n+1000), "。")
	out.Narrative.Overview = strings.Join(s, "。")
	return out
}

// walWatch follows the size of a -wal file: every caller's look (after
// each save) and a sampler's, every millisecond, between.
type walWatch struct {
	path string
	peak atomic.Int64
	stop chan struct{}
	done sync.WaitGroup
}

func watchWAL(dbPath string) *walWatch {
	w := &walWatch{path: dbPath + "-wal", stop: make(chan struct{})}
	w.done.Add(1)
	go func() {
		defer w.done.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-t.C:
				w.look()
			}
		}
	}()
	return w
}

// look records the file's size now and returns it.
func (w *walWatch) look() int64 {
	fi, err := os.Stat(w.path)
	if err != nil {
		return 0
	}
	for n := fi.Size(); ; {
		p := w.peak.Load()
		if n <= p || w.peak.CompareAndSwap(p, n) {
			return n
		}
	}
}

// finish stops the sampler and returns the peak.
func (w *walWatch) finish() int64 {
	close(w.stop)
	w.done.Wait()
	return w.peak.Load()
}

// emptiedWithin waits up to d for the -wal file to be empty and returns
// how long that took and its size then.
func (w *walWatch) emptiedWithin(d time.Duration) (time.Duration, int64) {
	start := time.Now()
	for {
		fi, err := os.Stat(w.path)
		size := int64(0)
		if err == nil {
			size = fi.Size()
		}
		if size == 0 || time.Since(start) > d {
			return time.Since(start), size
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// versionBytes is what report_versions holds in all: whole copies, unread
// texts and changes, in bytes.
func versionBytes(tb testing.TB, st *store.Store) int64 {
	tb.Helper()
	var n int64
	err := st.DB.QueryRowContext(context.Background(), `SELECT COALESCE(SUM(length(CAST(data AS BLOB)) + length(CAST(unread AS BLOB)) + COALESCE(length(delta), 0)), 0) FROM report_versions`).Scan(&n)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// season is one run of the season: clients each saving their own report
// saves times (cell or sentence edits, or both alternately), on a new
// SQLite file, with the -wal file watched throughout.
type season struct {
	clients, saves int
	edits          string // "cell", "sentence" or "mixed"
	words          int    // narrative characters of each report
	// longReader holds a read transaction open while the clerks save (as
	// nianbao backup's VACUUM INTO does), so no checkpoint can finish.
	longReader bool
}

// seasonResult is what a season run measured.
type seasonResult struct {
	saves        int
	bytesPerSave float64
	elapsed      time.Duration
	latencies    []time.Duration // each save's, sorted
	walPeak      int64
	walAfter     int64
	emptiedAfter time.Duration
	reportBytes  int
}

func (s season) run(tb testing.TB) seasonResult {
	tb.Helper()
	ctx := context.Background()
	path := filepath.Join(tb.TempDir(), "season.db")
	st := openAt(tb, path)
	type client struct {
		id      int64
		version int
		r       *report.Report
	}
	clients := make([]*client, s.clients)
	for i := range clients {
		r := fullReport(s.words)
		rec, err := st.CreateReport(ctx, mustBody(tb, st, 0, fmt.Sprintf("某市第%d局", i+1)), 2024, r, 0)
		if err != nil {
			tb.Fatal(err)
		}
		clients[i] = &client{id: rec.ID, version: rec.Version, r: r}
	}
	data, err := clients[0].r.MarshalJSON()
	if err != nil {
		tb.Fatal(err)
	}
	before := versionBytes(tb, st)
	endRead := func() {}
	if s.longReader {
		endRead = holdRead(tb, st)
	}
	w := watchWAL(path)
	lat := make([][]time.Duration, s.clients)
	errs := make(chan error, s.clients)
	start := time.Now()
	var wg sync.WaitGroup
	for i, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(i), 13))
			for n := range s.saves {
				sentenceEdit := s.edits == "sentence" || (s.edits == "mixed" && n%2 == 1)
				next := editOne(c.r, rng, sentenceEdit, n)
				t0 := time.Now()
				v, err := st.SaveDraft(ctx, c.id, c.version, next, report.Tally{}, 0)
				if err != nil {
					errs <- fmt.Errorf("client %d, save %d: %w", i, n, err)
					return
				}
				lat[i] = append(lat[i], time.Since(t0))
				c.version, c.r = v, next
				w.look()
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	endRead()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	res := seasonResult{saves: s.clients * s.saves, elapsed: elapsed, walPeak: w.finish(), reportBytes: len(data)}
	res.bytesPerSave = float64(versionBytes(tb, st)-before) / float64(res.saves)
	for _, l := range lat {
		res.latencies = append(res.latencies, l...)
	}
	slices.Sort(res.latencies)
	// After: the writers have stopped; the checkpointer empties the log
	// within a few of its ticks.
	res.emptiedAfter, res.walAfter = w.emptiedWithin(10 * time.Second)
	return res
}

// holdRead opens a read transaction on its own connection and keeps it
// (its snapshot) until the returned func is called.
func holdRead(tb testing.TB, st *store.Store) (end func()) {
	tb.Helper()
	ctx := context.Background()
	conn, err := st.DB.Conn(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		tb.Fatal(err)
	}
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM report_versions").Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return func() {
		if _, err := conn.ExecContext(ctx, "COMMIT"); err != nil {
			tb.Error(err)
		}
		conn.Close()
	}
}

func (r seasonResult) percentile(p float64) time.Duration {
	return r.latencies[int(p*float64(len(r.latencies)-1))]
}

// BenchmarkSeason is a January on one SQLite file: 3,000 typing saves of
// one full report (a cell at a time, a sentence at a time), and 50 clerks
// saving their reports at once (100 saves each, cells and sentences
// alternately, the 100th a periodic snapshot; then with 300 KB reports, 60
// saves each, no snapshot among them). It reports the bytes report_versions grows by per save
// (goal ≤ 1 KB for a one-cell edit), the time per save, and the -wal
// file's peak during the load and its size after it (goal ≤ 64 MB during,
// emptied after). Run with -benchtime=1x.
func BenchmarkSeason(b *testing.B) {
	for _, s := range []struct {
		name string
		season
	}{
		{"one-cell", season{clients: 1, saves: 3000, edits: "cell", words: 15000}},
		{"one-sentence", season{clients: 1, saves: 3000, edits: "sentence", words: 15000}},
		{"50-clients", season{clients: 50, saves: 100, edits: "mixed", words: 15000}},
		{"50-clients-long-narratives", season{clients: 50, saves: 60, edits: "mixed", words: 100000}},
	} {
		b.Run(s.name, func(b *testing.B) {
			var res seasonResult
			for b.Loop() {
				res = s.run(b)
			}
			b.ReportMetric(res.bytesPerSave, "B/save")
			b.ReportMetric(float64(res.elapsed.Microseconds())/1000/float64(res.saves), "ms/save")
			b.ReportMetric(float64(res.percentile(0.99).Microseconds())/1000, "p99-ms/save")
			b.ReportMetric(float64(res.latencies[len(res.latencies)-1].Microseconds())/1000, "max-ms/save")
			b.ReportMetric(float64(res.walPeak)/(1<<20), "wal-peak-MB")
			b.ReportMetric(float64(res.walAfter)/(1<<20), "wal-after-MB")
			b.ReportMetric(res.emptiedAfter.Seconds(), "s-to-empty")
			b.ReportMetric(float64(res.reportBytes)/1024, "report-KB")
			b.ReportMetric(0, "ns/op") // the whole season is one op; its time is in ms/save
		})
	}
}

// TestWALBoundedUnderSustainedLoad: 8 clerks saving reports with 100,000
// characters of narrative without a pause (each save rewrites the report's
// ~300 KB row, so the 960 saves write some 300 MB of log) never let
// the -wal file pass 64 MB, and once they stop it is emptied.
func TestWALBoundedUnderSustainedLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("writes some hundreds of MB")
	}
	res := season{clients: 8, saves: 120, edits: "mixed", words: 100000}.run(t)
	t.Logf("%d saves of a %d KB report in %v: -wal peak %.1f MB, emptied %v after; p99 save %v, max %v",
		res.saves, res.reportBytes/1024, res.elapsed.Round(time.Millisecond), float64(res.walPeak)/(1<<20),
		res.emptiedAfter.Round(time.Millisecond), res.percentile(0.99), res.latencies[len(res.latencies)-1])
	if res.reportBytes < 250<<10 {
		t.Fatalf("the report is %d bytes: too small to load the log", res.reportBytes)
	}
	if res.walPeak > walLimit {
		t.Errorf("the -wal file reached %.1f MB under sustained saving, over the 64 MB bound", float64(res.walPeak)/(1<<20))
	}
	if res.walPeak < 16<<20 {
		t.Errorf("the -wal file peaked at %.1f MB: the load did not fill the log", float64(res.walPeak)/(1<<20))
	}
	if res.walAfter != 0 {
		t.Errorf("the -wal file holds %d bytes %v after the writers stopped", res.walAfter, res.emptiedAfter)
	}
}

// TestLongReaderStallsNoSave: while a long read holds its snapshot (a
// backup on the live database), the log cannot be emptied, and the commit
// that finds it over walLarge must not wait the busy timeout (10 s) for the
// reader at every save: it tries for forcedWait and leaves it to the
// checkpointer's ticks. Once the reader is done the log is emptied.
func TestLongReaderStallsNoSave(t *testing.T) {
	if testing.Short() {
		t.Skip("writes some hundreds of MB")
	}
	res := season{clients: 4, saves: 60, edits: "mixed", words: 100000, longReader: true}.run(t)
	maxSave := res.latencies[len(res.latencies)-1]
	t.Logf("%d saves in %v beside a long reader: -wal peak %.1f MB, max save %v, emptied %v after",
		res.saves, res.elapsed.Round(time.Millisecond), float64(res.walPeak)/(1<<20), maxSave, res.emptiedAfter.Round(time.Millisecond))
	if res.walPeak <= 32<<20 { // the store's walLarge
		t.Fatalf("the -wal file peaked at %.1f MB: the load never reached walLarge", float64(res.walPeak)/(1<<20))
	}
	if maxSave > 3*time.Second {
		t.Errorf("a save waited %v for the long reader", maxSave)
	}
	if res.walAfter != 0 {
		t.Errorf("the -wal file holds %d bytes %v after the reader and writers stopped", res.walAfter, res.emptiedAfter)
	}
}
