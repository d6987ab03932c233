package store_test

import (
	"context"
	"errors"
	"fmt"
	"syscall"
	"testing"
	"time"

	"nianbao/internal/demo"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/internal/workflow"
)

// advance moves a report on to approved or published, as its reviewer
// would.
func advance(tb testing.TB, st *store.Store, id int64, to workflow.State) {
	tb.Helper()
	if err := demo.Advance(context.Background(), st, id, to); err != nil {
		tb.Fatal(err)
	}
}

func filled(n int64) *report.Report {
	r := report.New(report.T2021)
	for i := range r.Values {
		r.Values[i] = report.Num(n)
	}
	return r
}

// TestRegionFromStore: the members of a region with what counts of each
// report — approved and published ones, a correction's last published
// revision, nothing of a draft — and their numbers, kept after the first
// read.
func TestRegionFromStore(t *testing.T) { eachDB(t, testRegionFromStore) }

func testRegionFromStore(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	gov := mustBody(t, st, 0, "某市人民政府")
	ids := map[string]int64{}
	for _, name := range []string{"已审核局", "已发布局", "更正中局", "草稿局", "未开始局"} {
		b, err := st.CreateBody(ctx, store.Body{ParentID: gov, Name: name, Kind: org.Department}, 0)
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = b.ID
	}
	create := func(name string, n int64) int64 {
		rec, err := st.CreateReport(ctx, ids[name], 2024, filled(n), 0)
		if err != nil {
			t.Fatal(err)
		}
		return rec.ID
	}
	advance(t, st, create("已审核局", 1), workflow.Approved)
	advance(t, st, create("已发布局", 2), workflow.Published)
	correcting := create("更正中局", 3)
	advance(t, st, correcting, workflow.Published)
	create("草稿局", 4)
	if err := st.ChangeState(ctx, store.StateChange{ReportID: correcting, Version: 1, From: workflow.Published, To: workflow.Draft,
		Action: "correct", Correction: "更正数字"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveDraft(ctx, correcting, 1, filled(30), report.Tally{}, 0); err != nil {
		t.Fatal(err)
	}

	for round := range 2 {
		ms, err := st.RegionMembers(ctx, gov, 2024)
		if err != nil {
			t.Fatal(err)
		}
		_, sum, err := rollup.Take(ms, gov, "region")
		if err != nil {
			t.Fatal(err)
		}
		if got := sum.Values[0]; got.N != 1+2+3 || len(sum.Parts) != 3 {
			t.Errorf("round %d: sum %v of %d parts, want 6 of 3 (the correction's draft not counted)", round, got, len(sum.Parts))
		}
		for _, m := range ms {
			if m.Name == "更正中局" && m.Source.Publication == 0 {
				t.Errorf("the report being corrected counts %+v, want its publication", m.Source)
			}
		}
	}
	var kept int
	if err := st.DB.QueryRowContext(ctx, `SELECT COUNT(*) FROM report_cells`).Scan(&kept); err != nil || kept != 3 {
		t.Errorf("report_cells has %d rows (%v), want 3", kept, err)
	}
}

// TestTakeRollup: the sums and their parts are kept with the summary's new
// version; a take based on an old version writes nothing; an override
// keeps its reason as the reason of the cell's warning.
func TestTakeRollup(t *testing.T) { eachDB(t, testTakeRollup) }

func testTakeRollup(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	gov := mustBody(t, st, 0, "某市人民政府")
	dept := mustBody(t, st, gov, "某局")
	rec, _ := st.CreateReport(ctx, dept, 2024, filled(5), 0)
	advance(t, st, rec.ID, workflow.Published)
	sr := report.New(report.T2021)
	sr.Scope = "region"
	summary, err := st.CreateReport(ctx, gov, 2024, sr, 0)
	if err != nil {
		t.Fatal(err)
	}
	ms, _ := st.RegionMembers(ctx, gov, 2024)
	_, sum, _ := rollup.Take(ms, gov, sr.Scope)
	rollup.Refresh(sr, nil, sum.Values)
	v, err := st.TakeRollup(ctx, summary.ID, 1, sr, report.Tally{}, sum, "计入1个单位", 0)
	if err != nil || v != 2 {
		t.Fatalf("TakeRollup: v%d, %v", v, err)
	}
	if _, err := st.TakeRollup(ctx, summary.ID, 1, sr, report.Tally{}, sum, "again", 0); err == nil {
		t.Error("a take on an old version was written")
	}
	ru, err := st.Rollup(ctx, summary.ID)
	if err != nil || len(ru.Parts) != 1 || ru.Parts[0].Name != "某局" || ru.Sums[3] != sum.Values[3] || ru.Scope != "region" {
		t.Fatalf("rollup %+v, %v", ru, err)
	}
	got, _ := st.Report(ctx, summary.ID)
	if got.Report.Values[3].N != 5 {
		t.Errorf("the summary's value %v", got.Report.Values[3])
	}
	got.Report.Values[3] = report.Num(4)
	if _, err := st.OverrideCell(ctx, summary.ID, 2, got.Report, report.Tally{}, "W40:x", "联合发文只计一次", "detail", 0); err != nil {
		t.Fatal(err)
	}
	reasons, _ := st.WarningReasons(ctx, summary.ID)
	if reasons["W40:x"] != "联合发文只计一次" {
		t.Errorf("reasons %v", reasons)
	}
	if _, err := st.Rollup(ctx, rec.ID); !errors.Is(err, store.ErrNotFound) {
		t.Error("a report never summed has a rollup")
	}
}

// BenchmarkRegion5000 sums a region of 5,000 bodies from the store: the
// government with 50 lower governments of 99 departments each, every
// report approved (one in a hundred published); the numbers kept in
// report_cells after the first read (the budget is ≤ 100 ms).
// It runs on each backend: SQLite, and PostgreSQL where installed.
func BenchmarkRegion5000(b *testing.B) {
	b.Run("sqlite", func(b *testing.B) { benchRegion5000(b, b.TempDir()+"/bench.db") })
	b.Run("postgres", func(b *testing.B) { benchRegion5000(b, testenv.Postgres(b)) })
}

func benchRegion5000(b *testing.B, target string) {
	ctx := context.Background()
	st, gov := region5000(b, target)
	sum := func(b *testing.B) {
		ms, err := st.RegionMembers(ctx, gov, 2024)
		if err != nil {
			b.Fatal(err)
		}
		cov, sum, err := rollup.Take(ms, gov, "region")
		if err != nil || len(cov.Entries) != 5000 || len(sum.Parts) != 5000 || sum.Values[0].N != 5000 {
			b.Fatalf("%d entries, %v", len(cov.Entries), err)
		}
	}
	b.Run("sum", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			sum(b)
		}
	})
	// What every page of the summary (and each live check) works out: the
	// sums as taken with their parts, the region now, what changed.
	r := report.New(report.T2021)
	r.Scope = report.ScopeRegion
	rec, err := st.CreateReport(ctx, gov, 2024, r, 0)
	if err != nil {
		b.Fatal(err)
	}
	ms, _ := st.RegionMembers(ctx, gov, 2024)
	_, taken, _ := rollup.Take(ms, gov, r.Scope)
	if _, err := st.TakeRollup(ctx, rec.ID, 1, r, report.Tally{}, taken, "", 0); err != nil {
		b.Fatal(err)
	}
	b.Run("state", func(b *testing.B) {
		defer cpuPerOp(b)()
		for b.Loop() {
			taken, err := st.Rollup(ctx, rec.ID)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := rollup.Add(report.T2021, taken.Parts); err != nil {
				b.Fatal(err)
			}
			ms, err := st.RegionMembers(ctx, gov, 2024)
			if err != nil {
				b.Fatal(err)
			}
			_, now, _ := rollup.Take(ms, gov, r.Scope)
			if ch := rollup.Compare(report.T2021, taken.Parts, now.Parts); len(ch) != 0 {
				b.Fatalf("%d changes", len(ch))
			}
		}
	})
	// The first sum after every report was approved decodes each report's
	// JSON once and keeps its numbers.
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			if _, err := st.DB.ExecContext(ctx, `DELETE FROM report_cells`); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			sum(b)
		}
	})
}

// cpuPerOp reports the process's CPU time per operation beside the wall
// time, which on a machine shared with other work says more.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() { b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru) // never fails for RUSAGE_SELF
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func region5000(b *testing.B, target string) (*store.Store, int64) {
	b.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, target)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	root, _ := st.CreateBody(ctx, store.Body{Name: "某省人民政府", Kind: org.LocalGovernment}, 0)
	r := filled(1)
	for c := range 50 {
		county, err := st.CreateBody(ctx, store.Body{ParentID: root.ID, Name: fmt.Sprintf("第%d县人民政府", c), Kind: org.LocalGovernment}, 0)
		if err != nil {
			b.Fatal(err)
		}
		bodies := []int64{county.ID}
		for d := range 99 {
			dept, err := st.CreateBody(ctx, store.Body{ParentID: county.ID, Name: fmt.Sprintf("第%d县第%d局", c, d), Kind: org.Department}, 0)
			if err != nil {
				b.Fatal(err)
			}
			bodies = append(bodies, dept.ID)
		}
		for i, id := range bodies {
			rec, err := st.CreateReport(ctx, id, 2024, r, 0)
			if err != nil {
				b.Fatal(err)
			}
			to := workflow.Approved
			if i == 1 { // one published report in a hundred (with its PDF)
				to = workflow.Published
			}
			advance(b, st, rec.ID, to)
		}
	}
	if _, err := st.RegionMembers(ctx, root.ID, 2024); err != nil { // keeps every report's numbers
		b.Fatal(err)
	}
	return st, root.ID
}
