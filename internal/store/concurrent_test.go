package store_test

import (
	"errors"
	"fmt"
	"sync"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/store"
)

// TestConcurrentSaves: 20 clerks save their own reports at once, 15 times
// each, and every save succeeds (on PostgreSQL, serializable checking made
// saves of different reports refuse each other); and of 8 saves of one
// report from the same version at once exactly one succeeds, the others
// being told the version is stale.
func TestConcurrentSaves(t *testing.T) { eachDB(t, testConcurrentSaves) }

func testConcurrentSaves(t *testing.T, open opener) {
	ctx := t.Context()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	const clerks, saves = 20, 15
	ids := make([]int64, clerks)
	for i := range ids {
		rec, err := st.CreateReport(ctx, body, 2000+i, report.New(report.T2021), 0)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = rec.ID
	}
	text := func(i, n int) string { return fmt.Sprintf("第%d位第%d次", i, n) }
	var wg sync.WaitGroup
	for i, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := range saves {
				r := report.New(report.T2021)
				r.Narrative.Other = text(i, n)
				if v, err := st.SaveDraft(ctx, id, n+1, r, report.Tally{}, 0); err != nil || v != n+2 {
					t.Errorf("clerk %d save %d: v%d, %v", i, n, v, err)
					return
				}
			}
		}()
	}
	wg.Wait()
	for i, id := range ids {
		cur, err := st.Report(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if cur.Version != saves+1 || cur.Report.Narrative.Other != text(i, saves-1) {
			t.Errorf("clerk %d's report: v%d %q, want v%d %q", i, cur.Version, cur.Report.Narrative.Other, saves+1, text(i, saves-1))
		}
	}

	var mu sync.Mutex
	won, stale := 0, 0
	for n := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := report.New(report.T2021)
			r.Narrative.Other = text(99, n)
			_, err := st.SaveDraft(ctx, ids[0], saves+1, r, report.Tally{}, 0)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				won++
			case errors.Is(err, store.ErrStale):
				stale++
			default:
				t.Errorf("save %d from the same version: %v", n, err)
			}
		}()
	}
	wg.Wait()
	if won != 1 || stale != 7 {
		t.Errorf("8 saves from one version: %d succeeded, %d stale; want 1 and 7", won, stale)
	}
	if cur, _ := st.Report(ctx, ids[0]); cur.Version != saves+2 {
		t.Errorf("after the race the report is at v%d, want v%d", cur.Version, saves+2)
	}
}
