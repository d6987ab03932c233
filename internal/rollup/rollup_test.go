package rollup_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/workflow"
)

var seedNames = []string{"000", "002", "003", "004"}

func seed(t testing.TB, name string) *report.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "report", "testdata", "seeds", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		t.Fatalf("seed %s: %v", name, err)
	}
	return r
}

// region is a government (id 1) with the seeds' reports as its bodies: two
// departments, a lower government and a town below it.
func region(t testing.TB) []rollup.Member {
	t.Helper()
	kinds := []org.Kind{org.Department, org.Department, org.LocalGovernment, org.Other}
	parents := []int64{1, 1, 1, 4}
	ms := []rollup.Member{{ID: 1, Name: "某市人民政府", Kind: org.LocalGovernment}}
	for i, name := range seedNames {
		r := seed(t, name)
		id := int64(i + 2)
		ms = append(ms, rollup.Member{ID: id, Parent: parents[i], Name: r.Org, Kind: kinds[i],
			State: workflow.Published, Source: rollup.Source{Report: id, Version: 3}, Cells: rollup.Encode(r.Values)})
	}
	return ms
}

// independentSum adds the seeds cell by cell through their JSON paths.
func independentSum(t *testing.T, names []string) map[string]int64 {
	sum := map[string]int64{}
	for _, name := range names {
		r := seed(t, name)
		for _, def := range report.T2021.Cells {
			v, ok := r.Get(def.Path)
			if !ok || v.State != report.Number {
				t.Fatalf("seed %s %s: %v %v", name, def.Path, v, ok)
			}
			sum[def.Path] += v.N
		}
	}
	return sum
}

// TestSeedsSumAsARegion: the seeds' tables summed as one region equal an
// independent sum, every part is counted, and the summary made of them
// checks clean — the usual arithmetic and the summary's rules.
func TestSeedsSumAsARegion(t *testing.T) {
	cov := rollup.Cover(region(t), 1, report.ScopeRegion)
	if got := len(cov.Parts()); got != 4 || len(cov.Missing()) != 0 {
		t.Fatalf("parts %d, missing %v", got, cov.Missing())
	}
	sum, err := rollup.Add(report.T2021, cov.Parts())
	if err != nil {
		t.Fatal(err)
	}
	want := independentSum(t, seedNames)
	for _, def := range report.T2021.Cells {
		if got := sum.Values[def.ID]; got != report.Num(want[def.Path]) {
			t.Errorf("%s: sum %v, want %d", def.Path, got, want[def.Path])
		}
	}
	r := summary(t, sum)
	if fs := report.Check(r, report.Options{Final: true}); len(fs) > 0 {
		t.Errorf("the summary's arithmetic: %v", messages(fs))
	}
	if fs := rollup.Check(r, rollup.State{Sums: sum.Values, Coverage: cov}); len(fs) > 0 {
		t.Errorf("the summary's rules: %v", messages(fs))
	}
}

// summary is a region summary of sum, written as the editor leaves it.
func summary(t *testing.T, sum *rollup.Sum) *report.Report {
	t.Helper()
	r := report.New(report.T2021)
	r.Org, r.Year, r.Scope = "某市人民政府", 2024, report.ScopeRegion
	r.Preface = rollup.Preface(r.Org, r.Scope)
	r.Narrative = report.Narrative{Overview: "总体情况。", Problems: "存在的问题：政策解读形式单一，下一步将增加图解解读。", Other: "本年度未收取信息处理费。"}
	res := rollup.Refresh(r, nil, sum.Values)
	if len(res.Kept) > 0 {
		t.Fatalf("a new summary kept %d cells", len(res.Kept))
	}
	return r
}

func messages(fs []report.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule+" "+f.Message)
	}
	return out
}

// TestBlankIsNotZero: a blank in one part makes that cell's sum blank and
// names the part; 不适用 counts as 0 and is 不适用 only where every part
// printed it.
func TestBlankIsNotZero(t *testing.T) {
	ms := region(t)
	blankAt := report.T2021.Lookup("requests.granted.research")
	naAt := report.T2021.Lookup("active.fees.amount_wan")
	for i := range ms[1:] {
		vals, err := rollup.Decode(report.T2021, ms[i+1].Cells)
		if err != nil {
			t.Fatal(err)
		}
		vals[naAt] = report.Value{State: report.NotApplicable}
		if i == 2 {
			vals[blankAt] = report.Value{}
			vals[naAt] = report.Num(12345)
		}
		ms[i+1].Cells = rollup.Encode(vals)
	}
	cov := rollup.Cover(ms, 1, report.ScopeRegion)
	sum, err := rollup.Add(report.T2021, cov.Parts())
	if err != nil {
		t.Fatal(err)
	}
	if v := sum.Values[blankAt]; v.State != report.Blank {
		t.Errorf("a blank part summed to %v", v)
	}
	blamed := sum.BlankIn(blankAt)
	if len(blamed) != 1 || blamed[0] != ms[3].Name {
		t.Errorf("the blank is blamed on %v, want %s", blamed, ms[3].Name)
	}
	un := sum.Unsummed()
	if len(un) != 1 || un[0].Cell != blankAt {
		t.Errorf("unsummed cells: %v", un)
	}
	if v := sum.Values[naAt]; v != report.Num(12345) {
		t.Errorf("不适用 with one number summed to %v, want 12345", v)
	}
	if got := sum.NotApplicableIn(naAt); len(got) != 3 {
		t.Errorf("不适用 in %v", got)
	}
	one, _ := rollup.Add(report.T2021, []rollup.Part{cov.Parts()[0]})
	if v := one.Values[naAt]; v.State != report.NotApplicable {
		t.Errorf("不适用 everywhere summed to %v", v)
	}
	none, _ := rollup.Add(report.T2021, nil)
	if v := none.Values[0]; v.State != report.Blank {
		t.Errorf("no parts summed to %v", v)
	}
}

func TestScopes(t *testing.T) {
	// 1 government → 2 office (department) → 3 its unit (other)
	//              → 4 county (local government) → 5 county bureau (department)
	//              → 6 town (other, right below the government)
	ms := []rollup.Member{
		{ID: 1, Name: "市政府", Kind: org.LocalGovernment},
		{ID: 2, Parent: 1, Name: "办公室", Kind: org.Department},
		{ID: 3, Parent: 2, Name: "办公室下属中心", Kind: org.Other},
		{ID: 4, Parent: 1, Name: "县政府", Kind: org.LocalGovernment},
		{ID: 5, Parent: 4, Name: "县局", Kind: org.Department},
		{ID: 6, Parent: 1, Name: "街道", Kind: org.Other},
	}
	tests := []struct {
		scope report.Scope
		want  []int64
	}{
		{report.ScopeLevel, []int64{2, 3}},
		{report.ScopeRegion, []int64{2, 3, 4, 5, 6}},
		{report.ScopeOwn, nil},
	}
	for _, tc := range tests {
		if got := rollup.InScope(ms, 1, tc.scope); !slices.Equal(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.scope.Label(), got, tc.want)
		}
	}
}

// TestNestedSummary: a lower government's counted region summary stands
// for its bodies (counted once, through it); a summary that does not count
// leaves its bodies to be counted one by one.
func TestNestedSummary(t *testing.T) {
	cells := rollup.Encode(seed(t, "002").Values)
	counted := func(id int64) rollup.Source { return rollup.Source{Report: id, Version: 2} }
	ms := []rollup.Member{
		{ID: 1, Name: "市政府", Kind: org.LocalGovernment},
		{ID: 2, Parent: 1, Name: "市局", Kind: org.Department, State: workflow.Approved, Source: counted(2), Cells: cells},
		{ID: 3, Parent: 1, Name: "县政府", Kind: org.LocalGovernment, State: workflow.Published, Source: counted(3), Scope: report.ScopeRegion, Cells: cells},
		{ID: 4, Parent: 3, Name: "县局", Kind: org.Department, State: workflow.Published, Source: counted(4), Cells: cells},
		{ID: 5, Parent: 1, Name: "未开始的局", Kind: org.Department},
	}
	cov := rollup.Cover(ms, 1, report.ScopeRegion)
	status := map[string]rollup.Status{}
	for _, e := range cov.Entries {
		status[e.Name] = e.Status
	}
	if status["市局"] != rollup.Counted || status["县政府"] != rollup.Counted || status["县局"] != rollup.Within || status["未开始的局"] != rollup.Missing {
		t.Errorf("statuses %v", status)
	}
	if e := cov.Entries[len(cov.Entries)-1]; !strings.Contains(e.Why(), "尚未开始") {
		t.Errorf("why %q", e.Why())
	}
	ms[2].State, ms[2].Source = workflow.Submitted, rollup.Source{}
	cov = rollup.Cover(ms, 1, report.ScopeRegion)
	if n := len(cov.Parts()); n != 2 {
		t.Errorf("with the county's summary not approved, %d parts, want the city bureau and the county bureau", n)
	}
}

func TestCountable(t *testing.T) {
	tests := []struct {
		state workflow.State
		pub   int64
		want  rollup.Source
	}{
		{workflow.Approved, 0, rollup.Source{Report: 7, Version: 5}},
		{workflow.Published, 3, rollup.Source{Report: 7, Version: 5}},
		{workflow.Draft, 3, rollup.Source{Report: 7, Publication: 3}},
		{workflow.Submitted, 3, rollup.Source{Report: 7, Publication: 3}},
		{workflow.Draft, 0, rollup.Source{}},
		{workflow.Returned, 0, rollup.Source{}},
	}
	for _, tc := range tests {
		if got := rollup.Countable(tc.state, 7, 5, tc.pub); got != tc.want {
			t.Errorf("%s p%d: %v, want %v", tc.state, tc.pub, got, tc.want)
		}
	}
	if !rollup.Countable(workflow.NotStarted, 0, 0, 0).IsZero() {
		t.Error("no report counts")
	}
}

func TestCompactForm(t *testing.T) {
	r := seed(t, "002")
	r.Values[3] = report.Value{}
	r.Values[4] = report.Value{State: report.NotApplicable}
	r.Values[5] = report.Num(-7)
	got, err := rollup.Decode(report.T2021, rollup.Encode(r.Values))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, r.Values) {
		t.Errorf("round trip lost values")
	}
	for _, bad := range []string{"1,2", strings.Repeat("x,", len(report.T2021.Cells)-1) + "x", strings.Repeat("1,", len(report.T2021.Cells)-1) + "--"} {
		if _, err := rollup.Decode(report.T2021, bad); err == nil {
			t.Errorf("Decode(%.20q…) read it", bad)
		}
	}
}

// TestMatrix: a row per body in scope, the counted ones with their
// numbers, which add up to the sum row.
func TestMatrix(t *testing.T) {
	ms := region(t)
	ms = append(ms, rollup.Member{ID: 9, Parent: 1, Name: "未开始的局", Kind: org.Department})
	cov, sum, err := rollup.Take(ms, 1, report.ScopeRegion)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rollup.NewMatrix(cov, sum)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Rows) != 5 {
		t.Fatalf("%d rows, want 5", len(m.Rows))
	}
	var total int64
	for _, r := range m.Rows {
		if (r.Values == nil) != (r.Entry.Name == "未开始的局") {
			t.Errorf("%s: values %v", r.Entry.Name, r.Values != nil)
		}
		if r.Values != nil {
			total += r.Values[7].N
		}
	}
	if total != m.Sum[7].N {
		t.Errorf("rows add up to %d, the sum row is %d", total, m.Sum[7].N)
	}
}
