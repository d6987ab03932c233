package rollup_test

import (
	"slices"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/rollup"
)

func part(t *testing.T, body int64, name string, edit func(v []report.Value)) rollup.Part {
	t.Helper()
	vals := slices.Clone(seed(t, "002").Values)
	if edit != nil {
		edit(vals)
	}
	return rollup.Part{Body: body, Name: name, Source: rollup.Source{Report: body, Version: 1}, Cells: rollup.Encode(vals)}
}

func sumOf(t *testing.T, parts ...rollup.Part) []report.Value {
	t.Helper()
	s, err := rollup.Add(report.T2021, parts)
	if err != nil {
		t.Fatal(err)
	}
	return s.Values
}

var (
	issued  = report.T2021.Lookup("active.normative_docs.issued")
	granted = report.T2021.Lookup("requests.granted.natural_person")
	leaf    = report.T2021.Lookup("requests.other_misc.natural_person")
	total   = report.T2021.Lookup("requests.handled_total.natural_person")
)

// TestRefreshKeepsWhatWasTyped: new sums replace the cells that held the
// old sums; an override and a cell typed by hand stay; texts stay; totals
// follow.
func TestRefreshKeepsWhatWasTyped(t *testing.T) {
	a, b := part(t, 1, "甲局", nil), part(t, 2, "乙局", nil)
	old := sumOf(t, a, b)
	r := report.New(report.T2021)
	r.Scope, r.Narrative.Overview = report.ScopeRegion, "手写的总体情况"
	rollup.Refresh(r, nil, old)
	r.Values[issued] = report.Num(old[issued].N - 1) // a jointly issued document counted once
	r.Unread = map[report.CellID]string{granted: "约四十"}
	r.Values[granted] = report.Value{}

	b2 := part(t, 2, "乙局", func(v []report.Value) {
		v[issued].N += 2
		v[granted].N += 5
		v[leaf].N += 3
		v[report.T2021.Lookup("requests.carried_forward.natural_person")].N -= 3
	})
	res := rollup.Refresh(r, old, sumOf(t, a, b2))
	if !slices.Contains(res.Kept, issued) || !slices.Contains(res.Kept, granted) || len(res.Kept) != 2 {
		t.Errorf("kept %v, want the override and the typed text", res.Kept)
	}
	if !slices.Contains(res.Updated, leaf) {
		t.Errorf("updated %v lacks the changed leaf", res.Updated)
	}
	if r.Values[issued] != report.Num(old[issued].N-1) || r.Unread[granted] != "约四十" || r.Narrative.Overview != "手写的总体情况" {
		t.Error("refresh lost what was typed")
	}
	if got, want := r.Values[leaf], report.Num(old[leaf].N+3); got != want {
		t.Errorf("leaf %v, want %v", got, want)
	}
	if r.Values[total].State != report.Blank {
		t.Errorf("（七）总计 with a cell unread is %v, want blank", r.Values[total])
	}
}

// TestCompare: what changed in the parts since the sums were taken, by
// numbers, not by source.
func TestCompare(t *testing.T) {
	a, b, c := part(t, 1, "甲局", nil), part(t, 2, "乙局", nil), part(t, 3, "丙局", nil)
	bRevised := part(t, 2, "乙局", func(v []report.Value) { v[issued].N += 1 })
	aFromPublication := a
	aFromPublication.Source = rollup.Source{Report: 1, Publication: 9}
	changes := rollup.Compare(report.T2021, []rollup.Part{a, b, c}, []rollup.Part{aFromPublication, bRevised, part(t, 4, "丁局", nil)})
	var got []string
	for _, ch := range changes {
		got = append(got, ch.Name+ch.Kind.Label())
	}
	want := []string{"乙局数字有变化", "丁局新计入", "丙局不再计入"}
	if !slices.Equal(got, want) {
		t.Fatalf("changes %v, want %v", got, want)
	}
	cells := changes[0].Cells
	if len(cells) != 1 || cells[0].Cell != issued || cells[0].New.N != cells[0].Old.N+1 {
		t.Errorf("revised cells %v", cells)
	}
	if len(changes[1].Cells) == 0 {
		t.Error("an added part lists no cells")
	}
}

// TestSummaryRules: W40 per differing cell (totals left out), W41 naming
// the missing bodies, W42 naming the changed parts, W43 for a preface that
// does not say it is a summary; nothing for a body's own report.
func TestSummaryRules(t *testing.T) {
	a := part(t, 1, "甲局", nil)
	sums := sumOf(t, a)
	r := report.New(report.T2021)
	r.Scope = report.ScopeLevel
	rollup.Refresh(r, nil, sums)
	r.Values[issued] = report.Num(sums[issued].N + 2)
	r.Values[leaf] = report.Num(sums[leaf].N + 1)
	report.FillTotals(r)
	cov := rollup.Coverage{Scope: report.ScopeLevel, Entries: []rollup.Entry{{Member: rollup.Member{ID: 5, Name: "迟交局"}}}}
	st := rollup.State{Sums: sums, Coverage: cov, TakenAt: "1月5日 10:00",
		Changes: []rollup.Change{{Body: 1, Name: "甲局", Kind: rollup.Revised}}}
	fs := rollup.Check(r, st)
	var rules []string
	for _, f := range fs {
		rules = append(rules, f.Key())
	}
	want := []string{"W40:active.normative_docs.issued", "W40:requests.other_misc.natural_person", "W41", "W42", "W43"}
	if !slices.Equal(rules, want) {
		t.Fatalf("findings %v, want %v", rules, want)
	}
	for i, sub := range []string{"相差2", "相差1", "迟交局（未开始）", "甲局（数字有变化）", "汇总"} {
		if !strings.Contains(fs[i].Message, sub) {
			t.Errorf("%s: %q lacks %q", fs[i].Rule, fs[i].Message, sub)
		}
	}
	r.Scope = report.ScopeOwn
	if fs := rollup.Check(r, st); len(fs) != 0 {
		t.Errorf("a body's own report got %v", messages(fs))
	}
	r.Scope = report.ScopeRegion
	if fs := rollup.Check(r, rollup.State{}); len(fs) == 0 || fs[0].Rule != report.RuleSummaryStale {
		t.Errorf("sums never taken: %v", messages(fs))
	}
}
