package report_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/report"
)

// set changes one cell of a report by its dotted path.
func set(tb testing.TB, r *report.Report, path string, v report.Value) {
	tb.Helper()
	id := r.Template().Lookup(path)
	if id == report.NoCell {
		tb.Fatalf("no cell %s", path)
	}
	r.Values[id] = v
}

func errorsOnly(fs []report.Finding) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if f.Severity == report.Error {
			out = append(out, f)
		}
	}
	return out
}

// TestMutationCaught: +1 on any cell of sections 三 and 四 of any seed, with
// the printed totals kept, is caught by at least one error. In section 三
// every cell sits in a unique set of relations, so the culprit must be that
// very cell; in section 四 each cell is in one group sum with four others,
// so no single culprit can be named. Section 二 has no arithmetic within a
// year (only the cross-year W5), so it is not part of this test.
func TestMutationCaught(t *testing.T) {
	for _, name := range seeds {
		seed, _ := loadSeed(t, name)
		tmpl := seed.Template()
		for id, def := range tmpl.Cells {
			if def.Table.Key == "active" {
				continue
			}
			r := seed.Clone()
			r.Values[id].N++
			errs := errorsOnly(report.Check(r, report.Options{Final: true}))
			if len(errs) == 0 {
				t.Errorf("%s: +1 on %s not caught", name, def.Path)
				continue
			}
			for _, f := range errs {
				want := report.CellID(id)
				if def.Table.Key == "reviews" {
					want = report.NoCell
				}
				if f.Culprit != want {
					t.Errorf("%s: +1 on %s: %s names culprit %q", name, def.Path, f.Rule, f.CulpritPath())
				}
				if want != report.NoCell && f.Suggest != seed.Values[id].N {
					t.Errorf("%s: +1 on %s: suggests %d, want %d", name, def.Path, f.Suggest, seed.Values[id].N)
				}
			}
		}
	}
}

// TestTwoErrorsNoFalseCulprit: two wrong cells in different rows and columns
// leave no single explanation, so no culprit is named.
func TestTwoErrorsNoFalseCulprit(t *testing.T) {
	r, _ := loadSeed(t, "000")
	set(t, r, "requests.granted.natural_person", report.Num(1027))
	set(t, r, "requests.withheld_inquiry.commercial", report.Num(1))
	for _, f := range errorsOnly(report.Check(r, report.Options{})) {
		if f.Culprit != report.NoCell {
			t.Errorf("%s: %s names culprit %s", f.Rule, f.Message, f.CulpritPath())
		}
	}
}

// brokenCases are deliberately broken copies of the seeds; their findings
// are in testdata/broken/<name>.golden, written by hand.
var brokenCases = []struct {
	name, seed string
	change     map[string]report.Value
	opt        report.Options
}{
	{"carried_forward_slip", "000", map[string]report.Value{"requests.carried_forward.natural_person": report.Num(35)}, report.Options{Final: true}},
	{"review_upheld", "002", map[string]report.Value{"reviews.review.upheld": report.Num(9)}, report.Options{Final: true}},
	{"leaf_slip", "003", map[string]report.Value{"requests.unavailable_not_held.natural_person": report.Num(148)}, report.Options{Final: true}},
	{"blank_and_negative", "004", map[string]report.Value{
		"requests.granted.research": {},
		"reviews.review.pending":    report.Num(-1),
	}, report.Options{Final: true}},
	{"blank_in_draft", "004", map[string]report.Value{"requests.granted.research": {}}, report.Options{}},
}

func TestBrokenCopiesGolden(t *testing.T) {
	for _, tc := range brokenCases {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := loadSeed(t, tc.seed)
			for p, v := range tc.change {
				set(t, r, p, v)
			}
			var got strings.Builder
			for _, f := range report.Check(r, tc.opt) {
				got.WriteString(string(f.Severity) + "\t" + f.Rule + "\t" + f.Message + "\tculprit=" + f.CulpritPath() + "\n")
			}
			want, err := os.ReadFile(filepath.Join("testdata", "broken", tc.name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("findings differ from %s.golden\n got:\n%s\nwant:\n%s", tc.name, got.String(), want)
			}
		})
	}
}

// TestFindingJSON pins the public JSON form of `nianbao check --json`.
func TestFindingJSON(t *testing.T) {
	r, _ := loadSeed(t, "000")
	set(t, r, "requests.carried_forward.natural_person", report.Num(35))
	fs := errorsOnly(report.Check(r, report.Options{Final: true}))
	data, err := json.Marshal(fs[len(fs)-1])
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if got["rule"] != "R3" || got["severity"] != "error" || got["culprit"] != "requests.carried_forward.natural_person" {
		t.Errorf("finding JSON: %s", data)
	}
	cells, _ := got["cells"].([]any)
	want := []any{"requests.new_received.natural_person", "requests.carried_over.natural_person",
		"requests.handled_total.natural_person", "requests.carried_forward.natural_person"}
	if len(cells) != len(want) {
		t.Fatalf("cells %v, want %v", cells, want)
	}
	for i := range want {
		if cells[i] != want[i] {
			t.Errorf("cells[%d] = %v, want %v", i, cells[i], want[i])
		}
	}
	// A finding without a culprit has "culprit": null.
	set(t, r, "requests.carried_forward.natural_person", report.Num(36))
	set(t, r, "reviews.review.upheld", report.Num(40))
	data, _ = json.Marshal(errorsOnly(report.Check(r, report.Options{}))[0])
	if !strings.Contains(string(data), `"culprit":null`) {
		t.Errorf("no null culprit in %s", data)
	}
}

func TestCrossYear(t *testing.T) {
	last, _ := loadSeed(t, "002") // 2024: 结转下年度 自然人 22, 行政规范性文件 现行有效 231
	this := report.New(report.T2021)
	this.Year = 2025
	set(t, this, "requests.carried_over.natural_person", report.Num(21))
	set(t, this, "requests.carried_over.commercial", report.Num(0))
	set(t, this, "active.normative_docs.issued", report.Num(10))
	set(t, this, "active.normative_docs.repealed", report.Num(5))
	set(t, this, "active.normative_docs.in_force", report.Num(236))
	set(t, this, "active.rules.issued", report.Num(1))
	set(t, this, "active.rules.repealed", report.Num(0))
	set(t, this, "active.rules.in_force", report.Num(2))
	var got []string
	for _, f := range report.Check(this, report.Options{LastYear: last}) {
		if f.Rule == report.RuleCarriedOver || f.Rule == report.RuleInForce {
			if f.Severity != report.Warning {
				t.Errorf("%s is a %s, want a warning", f.Rule, f.Severity)
			}
			got = append(got, f.Message)
		}
	}
	want := []string{
		"自然人列：本年“二、上年结转”为21，但2024年报告“四、结转下年度继续办理”为22，相差1",
		"规章：上年现行有效(0)+本年制发(1)−本年废止(0)=1，但本年现行有效件数为2，相差1（如有清理、修订等情况可说明原因）",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("cross-year findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestDraftAndFinal(t *testing.T) {
	r := report.New(report.T2021)
	draft := report.Check(r, report.Options{})
	if report.HasErrors(draft) {
		t.Errorf("an empty draft has errors: %v", draft)
	}
	final := report.Check(r, report.Options{Final: true})
	var complete []report.Finding
	for _, f := range final {
		if f.Rule == report.RuleComplete && f.Severity == report.Error {
			complete = append(complete, f)
		}
	}
	// the blank cells, 一、总体情况 and 五、存在的主要问题及改进情况
	if len(complete) != 3 || len(complete[0].Cells) != 200 {
		t.Errorf("final check of an empty report: %v", complete)
	}
}

func TestFillTotalsWaitsForWholeRow(t *testing.T) {
	r := report.New(report.T2021)
	set(t, r, "requests.new_received.natural_person", report.Num(5))
	report.FillTotals(r)
	if v, _ := r.Get("requests.new_received.total"); v.State != report.Blank {
		t.Errorf("total of a half-filled row is %v, want blank", v)
	}
	for _, c := range []string{"commercial", "research", "public_interest", "legal_services"} {
		set(t, r, "requests.new_received."+c, report.Num(0))
	}
	set(t, r, "requests.new_received.other", report.Value{State: report.NotApplicable})
	report.FillTotals(r)
	if v, _ := r.Get("requests.new_received.total"); v != report.Num(5) {
		t.Errorf("total = %v, want 5", v)
	}
}

// lastYearOf makes a plausible previous report for r: its 结转下年度 is r's
// 上年结转 and its 现行有效 leads to r's, so the cross-year rules run and
// hold.
func lastYearOf(tb testing.TB, r *report.Report) *report.Report {
	last := r.Clone()
	last.Year--
	for _, col := range []string{"natural_person", "commercial", "research", "public_interest", "legal_services", "other", "total"} {
		v, _ := r.Get("requests.carried_over." + col)
		set(tb, last, "requests.carried_forward."+col, v)
	}
	for _, row := range []string{"rules", "normative_docs"} {
		in, _ := r.Get("active." + row + ".in_force")
		issued, _ := r.Get("active." + row + ".issued")
		repealed, _ := r.Get("active." + row + ".repealed")
		set(tb, last, "active."+row+".in_force", report.Num(in.N-issued.N+repealed.N))
	}
	return last
}

// BenchmarkCheck checks each seed as the live check does while a clerk
// types into the tables (the texts as at the check before), then after a
// text was typed into, then a seed with an error.
func BenchmarkCheck(b *testing.B) {
	for _, name := range seeds {
		r, _ := loadSeed(b, name)
		last := lastYearOf(b, r)
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				report.Check(r, report.Options{Final: true, LastYear: last})
			}
		})
	}
	// A text typed into since the last check: what the narrative checks
	// found in the old one is of no use (narrative_memo.go).
	r, _ := loadSeed(b, "000")
	last, overview := lastYearOf(b, r), r.Narrative.Overview
	b.Run("000-text-typed", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			r.Narrative.Overview = overview + strconv.Itoa(i)
			report.Check(r, report.Options{Final: true, LastYear: last})
		}
	})
	r, _ = loadSeed(b, "000")
	r.Values[r.Template().Lookup("requests.granted.commercial")].N++
	b.Run("000-broken", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			report.Check(r, report.Options{Final: true})
		}
	})
}

// TestTallyOfDraftIsFinal: the tally of a draft's check counts as a final
// check does, so the live check (which checks a draft once) saves the
// numbers the status board shows for submission.
func TestTallyOfDraftIsFinal(t *testing.T) {
	empty := report.New(report.T2021)
	seed, _ := loadSeed(t, "002")
	broken := seed.Clone()
	broken.Values[broken.Template().Lookup("requests.granted.commercial")].N++
	notApplicable := seed.Clone()
	set(t, notApplicable, "requests.granted.research", report.Value{State: report.NotApplicable}) // a 0 printed as 不适用
	report.FillTotals(notApplicable)
	half := seed.Clone()
	half.Narrative.Overview = ""
	set(t, half, "reviews.review.upheld", report.Value{})
	typed := seed.Clone()
	typed, _ = report.Apply(typed, func(f string) (string, bool) { return "十二", f == "requests.granted.research" })
	for _, tc := range []struct {
		name string
		r    *report.Report
		want report.Tally
	}{
		{"empty (and no word on fees, W6)", empty, report.Tally{Errors: 3, Warnings: 1}},
		{"seed 002", seed, report.Tally{}},
		{"a broken sum", broken, report.Tally{Errors: 2}},
		{"不适用 in a cell", notApplicable, report.Tally{Warnings: 1}},
		{"a blank cell and an unwritten section", half, report.Tally{Errors: 2}},
		{"a refused text", typed, report.Tally{Errors: 1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			draft := report.TallyOf(report.Check(tc.r, report.Options{}))
			final := report.TallyOf(report.Check(tc.r, report.Options{Final: true}))
			if draft != tc.want || final != tc.want {
				t.Errorf("tally of the draft check %+v, of the final check %+v, want %+v", draft, final, tc.want)
			}
		})
	}
}
