package report

import (
	"fmt"
	"strings"
	"testing"
)

// ruleFindings are the findings of the rules, as "rule place".
func ruleFindings(r *Report, rules ...string) []string {
	var out []string
	for _, f := range Check(r, Options{}) {
		for _, rule := range rules {
			if f.Rule == rule {
				place := f.Field
				if f.Narrative != "" {
					place = fmt.Sprintf("%s.%d", f.Narrative, f.Para)
				}
				out = append(out, f.Rule+" "+place)
			}
		}
	}
	return out
}

// TestSeedsNoSectionFindings: the seeds do not contradict their fee rows.
func TestSeedsNoSectionFindings(t *testing.T) {
	for _, name := range []string{"000", "002", "003", "004"} {
		if got := ruleFindings(seedReport(t, name), RuleFeeNotices); got != nil {
			t.Errorf("seed %s: %v", name, got)
		}
	}
}

// TestFeeNotices: 六 says no fee notice went out; （六）2 of seed 003 is 0,
// set as below.
func TestFeeNotices(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lapse int64
		other string
		want  []string
	}{
		{"agrees", 0, "本年度未收取信息处理费，未发出收费通知。", nil},
		{"lapsed notices", 2, "本年度未收取信息处理费，未发出收费通知。", []string{"W9 other.0"}},
		{"not collected is not a contradiction", 2, "本年度向申请人发出收费通知2件，申请人均未缴纳，未收取信息处理费。", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, "003")
			r.Narrative.Other = tc.other
			id := r.Template().Lookup("requests.other_no_fee.total")
			r.Values[id] = Num(tc.lapse)
			got := ruleFindings(r, RuleFeeNotices)
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
			for _, f := range Check(r, Options{}) {
				if f.Rule == RuleFeeNotices && (!strings.Contains(f.Message, "2件") || f.Paths()[0] != "requests.other_no_fee.total") {
					t.Errorf("message %q cells %v", f.Message, f.Paths())
				}
			}
		})
	}
}
