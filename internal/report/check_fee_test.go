package report

import (
	"strings"
	"testing"
)

// TestFeeStatements: what 六 (and 一) say of the 信息处理费, read against
// each other and against （六）2 (seed 000: 7 applications lapsed for an
// unpaid fee notice; seed 003: none). want is the start of each W9
// message, nil for none.
func TestFeeStatements(t *testing.T) {
	for _, tc := range []struct {
		name, seed, overview, other string
		want                        []string
	}{
		{"none, then an amount", "003", "", "本年度未收取信息处理费。本年度实际收取信息处理费200元。",
			[]string{"第六部分写“本年度未收取信息处理费”，又在第六部分写“本年度实际收取信息处理费200元”"}},
		{"none in 一, an amount in 六", "003", "（四）政府信息公开的收费及减免情况：本年度我局没有向申请人收取任何费用。", "本年度收取信息处理费0.03万元。",
			[]string{"第一部分写“（四）政府信息公开的收费及减免情况：本年度我局没有向申请人收取任何费用”，又在第六部分写“本年度收取信息处理费0.03万元”"}},
		{"traditional, thousands", "003", "", "本機關未收取信息處理費。本年度共收取信息處理費1,200元。",
			[]string{"第六部分写“本機關未收取信息處理費”"}},
		{"an amount, no notice", "003", "", "本年度未发出收费通知。收取信息处理费300元。",
			[]string{"第六部分写“本年度未发出收费通知”，又在第六部分写“收取信息处理费300元”：收取信息处理费须先发出收费通知"}},
		{"fewer notices than lapsed", "000", "", "本年度发出收费通知2件，实际收取信息处理费0元。",
			[]string{"第六部分写“本年度发出收费通知2件，实际收取信息处理费0元”，所述收费通知2件少于第三部分因逾期未按收费通知要求缴纳费用不再处理的7件申请"}},
		{"fewer notices, traditional", "000", "", "本年度發出收費通知書2份。",
			[]string{"第六部分写“本年度發出收費通知書2份”，所述收费通知2件少于"}},
		{"as many notices as lapsed", "000", "", "本年度发出收费通知7件，申请人均未缴纳，未收取信息处理费。", nil},
		{"more notices", "000", "", "本年度发出收费通知9件，收取信息处理费0.02万元。", nil},
		{"none collected, notices unpaid", "000", "", "本年度未收取信息处理费。", nil},
		{"another fee", "003", "", "本年度未收取信息处理费，收取复印费20元。", nil},
		{"billed, not collected", "003", "", "本年度未收取信息处理费。发出收费通知1件，涉及金额100元。", nil},
		{"no notice, none collected", "003", "", "本年度未发出收费通知，未收取信息处理费。", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, tc.seed)
			r.Narrative.Overview, r.Narrative.Other = tc.overview, tc.other
			var got []string
			for _, f := range Check(r, Options{}) {
				if f.Rule == RuleFeeNotices {
					got = append(got, f.Message)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("W9 findings %q, want %d", got, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(got[i], w) {
					t.Errorf("finding %q\nwant it to start %q", got[i], w)
				}
			}
		})
	}
}

// TestFeeMentioned: 六 that speaks of the fee in other words than
// 信息处理费 is not asked about it again (W6).
func TestFeeMentioned(t *testing.T) {
	for _, tc := range []struct {
		other string
		w6    bool
	}{
		{"本机关未收取任何费用。", false},
		{"本年度未发生收费情况。", false},
		{"本年度未发出收費通知。", false},
		{"无", true},
		{"本年度人大代表建议办理结果已全部公开。", true},
	} {
		r := seedReport(t, "003")
		r.Narrative.Other = tc.other
		w6 := false
		for _, f := range Check(r, Options{}) {
			w6 = w6 || f.Rule == RuleOtherEmpty
		}
		if w6 != tc.w6 {
			t.Errorf("六 %q: W6 %v, want %v", tc.other, w6, tc.w6)
		}
	}
}
