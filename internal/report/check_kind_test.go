package report_test

import (
	"slices"
	"strings"
	"testing"

	"nianbao/internal/report"
)

// TestNotApplicableByKind: 不适用 in the 规章 row is right for a body that
// cannot make 规章 and a W12 for one that can; 不适用 anywhere else is a W12
// for every body; a blank stays R8's, a 0 is accepted everywhere.
func TestNotApplicableByKind(t *testing.T) {
	na := report.Value{State: report.NotApplicable}
	rules := []string{"active.rules.issued", "active.rules.repealed", "active.rules.in_force"}
	for _, tc := range []struct {
		name    string
		cells   []string
		v       report.Value
		noRules bool
		want    string   // the rules of the findings, in order ("" none)
		cells12 []string // the cells of the W12
		msg     string   // in the W12's message
	}{
		{"规章 不适用, a department", rules, na, true, "", nil, ""},
		{"规章 不适用, a local government", rules, na, false, "W12", rules, "“规章”一行也应填数字"},
		{"规章 0, a local government", rules, report.Num(0), false, "", nil, ""},
		{"规章 0, a department", rules, report.Num(0), true, "", nil, ""},
		{"规章 blank, a department", rules[:1], report.Value{}, true, "R8", nil, ""},
		{"规范性文件 不适用, a department", []string{"active.normative_docs.issued"}, na, true, "W12",
			[]string{"active.normative_docs.issued"}, "1个单元格填的是“不适用”或“/”"},
		{"a request cell 不适用, a department", []string{"requests.granted.research"}, na, true, "W12",
			[]string{"requests.granted.research"}, "第一个是"},
		{"规章 and 行政许可 不适用, a 乡镇", append([]string{"active.licensing.decisions"}, rules...), na, true, "W12",
			[]string{"active.licensing.decisions"}, "1个单元格"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := loadSeed(t, "002")
			for _, p := range tc.cells {
				set(t, r, p, tc.v)
			}
			report.FillTotals(r)
			fs := report.Check(r, report.Options{NoRules: tc.noRules})
			var got []string
			for _, f := range fs {
				got = append(got, f.Rule)
				if f.Rule != report.RuleNotApplicable {
					continue
				}
				if !slices.Equal(f.Paths(), tc.cells12) || !strings.Contains(f.Message, tc.msg) || f.Severity != report.Warning {
					t.Errorf("W12 %s on %v, want a warning on %v saying %q", f.Message, f.Paths(), tc.cells12, tc.msg)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("findings %v, want %q", got, tc.want)
			}
			final := report.TallyOf(report.Check(r, report.Options{NoRules: tc.noRules, Final: true}))
			if tc.want == "W12" && final != (report.Tally{Warnings: 1}) {
				t.Errorf("final tally %+v, want one warning: a published report may print 不适用", final)
			}
		})
	}
}
