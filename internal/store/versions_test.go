package store_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/internal/workflow"
)

// saved is what a test saved as one version: the report's JSON and its
// unread texts.
type saved struct {
	json   string
	unread map[string]string
}

func snapshotOf(t testing.TB, r *report.Report) saved {
	t.Helper()
	data, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return saved{json: string(data), unread: r.UnreadByPath()}
}

// sentence is a made-up sentence of a narrative, different for each n.
func sentence(n int) string {
	return fmt.Sprintf("本机关第%d项工作按照《中华人民共和国政府信息公开条例》要求，依法及时准确公开政府信息，回应社会关切。", n)
}

// edit changes r as a clerk's one live-check save would: one cell, or one
// sentence of a narrative replaced or added, now and then a cell typed
// wrongly (kept as an unread text).
func edit(r *report.Report, rng *rand.Rand, n int) *report.Report {
	out := r.Clone()
	switch rng.IntN(4) {
	case 0, 1:
		out.Values[rng.IntN(len(out.Values))] = report.Num(int64(rng.IntN(1000)))
	case 2:
		s := strings.Split(out.Narrative.Overview, "。")
		s[rng.IntN(len(s))] = strings.TrimSuffix(sentence(n), "。")
		out.Narrative.Overview = strings.Join(s, "。")
	default:
		u := out.UnreadByPath()
		if u == nil {
			u = map[string]string{}
		}
		u[out.Template().Cells[rng.IntN(10)].Path] = fmt.Sprintf("约%d件", n)
		out.SetUnreadByPath(u)
	}
	return out
}

// TestVersionsAsChanges: 230 typing saves with a submission and a return
// among them; every version opens exactly as saved, a typing save is
// stored as a small change, and the versions a state change refers to and
// every 100th are whole snapshots.
func TestVersionsAsChanges(t *testing.T) { eachDB(t, testVersionsAsChanges) }

func testVersionsAsChanges(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	r := filled(3)
	var b strings.Builder
	for i := range 40 {
		b.WriteString(sentence(i))
	}
	r.Narrative.Overview = b.String()
	rec, err := st.CreateReport(ctx, body, 2024, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Year = 2024
	want := []saved{{}, snapshotOf(t, r)} // by version
	rng := rand.New(rand.NewPCG(1, 2))
	version := 1
	const submitAt, returnAt = 120, 120
	for n := 2; n <= 230; n++ {
		r = edit(r, rng, n)
		if version, err = st.SaveDraft(ctx, rec.ID, version, r, report.Tally{}, 0); err != nil {
			t.Fatal(err)
		}
		want = append(want, snapshotOf(t, r))
		if version == submitAt {
			if err := st.ChangeState(ctx, store.StateChange{ReportID: rec.ID, From: workflow.Draft, To: workflow.Submitted,
				Version: version, Action: "submit", Submitted: true}); err != nil {
				t.Fatal(err)
			}
			if err := st.ChangeState(ctx, store.StateChange{ReportID: rec.ID, From: workflow.Submitted, To: workflow.Returned,
				Version: returnAt, Action: "return", Reviewed: true}); err != nil {
				t.Fatal(err)
			}
		}
	}
	for v := 1; v <= version; v++ {
		got, err := st.ReportVersion(ctx, rec.ID, v)
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if g := snapshotOf(t, got.Report); g.json != want[v].json || fmt.Sprint(g.unread) != fmt.Sprint(want[v].unread) {
			t.Fatalf("version %d opens differently from what was saved", v)
		}
	}
	if _, err := st.ReportVersion(ctx, rec.ID, version+1); err == nil {
		t.Error("a version never saved opened")
	}
	rows, err := st.DB.QueryContext(ctx, `SELECT version, delta IS NULL, length(delta), chain FROM report_versions
		WHERE report_id = $1 ORDER BY version`, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v, chain int
		var full bool
		var size *int
		if err := rows.Scan(&v, &full, &size, &chain); err != nil {
			t.Fatal(err)
		}
		wantFull := v == 1 || v == 101 || v == submitAt || v == submitAt+100
		if full != wantFull {
			t.Errorf("version %d stored whole: %v, want %v", v, full, wantFull)
		}
		if !full && *size > 400 {
			t.Errorf("version %d: a one-edit change takes %d bytes", v, *size)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// TestVersionsFromTwoStores: two servers on one database save the same
// report in turn, each sometimes without reading it first, so that a save
// finds the version it replaces in its own cache, or an older one, or none;
// every version still opens exactly as saved, from a third store that has
// cached nothing.
func TestVersionsFromTwoStores(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { testVersionsFromTwoStores(t, filepath.Join(t.TempDir(), "test.db")) })
	t.Run("postgres", func(t *testing.T) { testVersionsFromTwoStores(t, testenv.Postgres(t)) })
}

func testVersionsFromTwoStores(t *testing.T, target string) {
	ctx := context.Background()
	stores := []*store.Store{openAt(t, target), openAt(t, target)}
	body := mustBody(t, stores[0], 0, "某局")
	r := filled(3)
	r.Narrative.Overview = sentence(0) + sentence(1) + sentence(2)
	rec, err := stores[0].CreateReport(ctx, body, 2024, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	r.Year = 2024
	want := []saved{{}, snapshotOf(t, r)}
	rng := rand.New(rand.NewPCG(3, 4))
	version := 1
	for n := 2; n <= 120; n++ {
		st := stores[rng.IntN(2)]
		if rng.IntN(2) == 0 { // the editor's request reads the report first
			cur, err := st.Report(ctx, rec.ID)
			if err != nil {
				t.Fatal(err)
			}
			if g := snapshotOf(t, cur.Report); cur.Version != version || g.json != want[version].json {
				t.Fatalf("before save %d the store read version %d, not the last saved (%d) as saved", n, cur.Version, version)
			}
		}
		// A few cells typed back and forth: a change taken against any
		// version but the one it replaces would undo one of them.
		r = r.Clone()
		r.Values[rng.IntN(2)] = report.Num(int64(rng.IntN(2)))
		if n%5 == 0 {
			r = edit(r, rng, n)
		}
		if version, err = st.SaveDraft(ctx, rec.ID, version, r, report.Tally{}, 0); err != nil {
			t.Fatal(err)
		}
		want = append(want, snapshotOf(t, r))
	}
	cold := openAt(t, target)
	for v := 1; v <= version; v++ {
		got, err := cold.ReportVersion(ctx, rec.ID, v)
		if err != nil {
			t.Fatalf("version %d: %v", v, err)
		}
		if g := snapshotOf(t, got.Report); g.json != want[v].json || fmt.Sprint(g.unread) != fmt.Sprint(want[v].unread) {
			t.Fatalf("version %d opens differently from what was saved", v)
		}
	}
}
