package report_test

import (
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// TestTypingSlip: a clerk's slip in a report whose totals the app
// computes. Changing （一）予以公开 × 自然人 by one breaks the 自然人 column's
// balance (R3) — and the 总计 column's by the same amount, which is said
// once, not twice. Without knowing what was typed the finding points at
// the column's （七）总计 (the rows adding up to it are the likely place);
// knowing the cell just typed, it names it with the number that balances.
func TestTypingSlip(t *testing.T) {
	base := testenv.Seed(t, "002")
	report.FillTotals(base)
	tp := base.Template()
	typed := tp.Lookup("requests.granted.natural_person")
	was := base.Values[typed].N
	slip := base.Clone()
	slip.Values[typed].N++
	report.FillTotals(slip)

	tests := []struct {
		name    string
		opt     report.Options
		culprit report.CellID
		place   report.CellID
	}{
		{"what was typed unknown", report.Options{}, report.NoCell, tp.Lookup("requests.handled_total.natural_person")},
		{"the slipped cell just typed", report.Options{Typed: []report.CellID{typed}}, typed, report.NoCell},
		{"another cell just typed", report.Options{Typed: []report.CellID{tp.Lookup("requests.granted.commercial")}},
			report.NoCell, tp.Lookup("requests.handled_total.natural_person")},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var r3 []report.Finding
			for _, f := range report.Check(slip, tc.opt) {
				if f.Rule == report.RuleBalance {
					r3 = append(r3, f)
				}
			}
			if len(r3) != 1 {
				t.Fatalf("%d balance findings, want one: %v", len(r3), r3)
			}
			f := r3[0]
			if !strings.HasPrefix(f.Message, "自然人列") || f.Culprit != tc.culprit || f.Place != tc.place {
				t.Errorf("finding %q, culprit %v, place %v; want culprit %v, place %v", f.Message, f.Culprit, f.Place, tc.culprit, tc.place)
			}
			if tc.culprit != report.NoCell && (f.Suggest != was || !strings.Contains(f.Message, "应为"+strconv.FormatInt(was, 10))) {
				t.Errorf("suggests %d (%q), want %d", f.Suggest, f.Message, was)
			}
		})
	}

	// Two slips in two columns: two findings, the 总计 column still implied.
	two := slip.Clone()
	two.Values[tp.Lookup("requests.granted.commercial")].N += 2
	report.FillTotals(two)
	var scopes []string
	for _, f := range report.Check(two, report.Options{}) {
		if f.Rule == report.RuleBalance {
			scopes = append(scopes, f.Message[:strings.Index(f.Message, "：")])
		}
	}
	if strings.Join(scopes, ",") != "自然人列,商业企业列" {
		t.Errorf("two slips give %v", scopes)
	}
}
