package report

import (
	"strings"
	"testing"
)

// TestTokenProblems: section 五 of seed 002 replaced; want is the start of
// the one W8 message, or "" for none.
func TestTokenProblems(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"无", "第五部分只写了“无”"},
		{"无。", "第五部分只写了“无。”"},
		{"  暂无。\n", "第五部分只写了“暂无。”"},
		{"無", "第五部分只写了“無”"},
		{"本年度无存在的问题。", "第五部分只写了“本年度无存在的问题。”"},
		{"", ""}, // R8's
		{"信息公开栏目更新不够及时，下一步将安排专人每周检查更新。", ""},
		{"（一）存在问题。政策解读形式单一。（二）改进情况。增加图解解读。", ""},
	} {
		r := seedReport(t, "002")
		r.Narrative.Problems = tc.text
		var got []Finding
		for _, f := range Check(r, Options{}) {
			if f.Rule == RuleTokenProblems {
				got = append(got, f)
			}
		}
		if tc.want == "" {
			if len(got) != 0 {
				t.Errorf("%q: want no W8, got %q", tc.text, got[0].Message)
			}
			continue
		}
		if len(got) != 1 || !strings.HasPrefix(got[0].Message, tc.want) || got[0].Narrative != NarrativeProblems || got[0].Severity != Warning {
			t.Errorf("%q: got %v, want one W8 warning on 五 starting %q", tc.text, got, tc.want)
		}
	}
}

// TestSeedsNoTokenProblems: every seed writes its 五 out (347 to 856
// characters).
func TestSeedsNoTokenProblems(t *testing.T) {
	for _, name := range []string{"000", "002", "003", "004"} {
		for _, f := range Check(seedReport(t, name), Options{}) {
			if f.Rule == RuleTokenProblems {
				t.Errorf("seed %s: %s", name, f.Message)
			}
		}
	}
}
