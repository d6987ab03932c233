package report_test

import (
	"strings"
	"testing"

	"nianbao/internal/report"
)

// TestLocalRules: an administrator's limit on 第一部分 counts every
// character but spaces and line breaks, and is not passed at exactly the
// limit; each item not mentioned is one W14; "A/B" is met by either; no
// rules, or a blank 第一部分, give nothing.
func TestLocalRules(t *testing.T) {
	thousand := strings.Repeat("政务公开", 250)  // 1,000 characters
	spaced := strings.Repeat("政务 公开\n", 250) // 1,000 counted, 1,500 runes
	limit := report.LocalRules{OverviewMax: 1000, From: "某市人民政府"}
	items := report.LocalRules{OverviewItems: []string{"政策解读", "政务公开专区/公开专栏", "政府网站"}}
	for _, tc := range []struct {
		name     string
		overview string
		rules    report.LocalRules
		want     []string // messages of W13 and W14, in order
	}{
		{"no rules", thousand + "。", report.LocalRules{}, nil},
		{"exactly the limit", thousand, limit, nil},
		{"spaces and line breaks not counted", spaced, limit, nil},
		{"one over", thousand + "。", limit, []string{"W13 第一部分共1001字，超过本地区规定的1000字（某市人民政府的规定），请精简1字以上"}},
		{"blank 第一部分 is R8's", "", limit, nil},
		{"every item missing", "本年度我局认真落实条例。", items, []string{
			"W14 第一部分没有写到本地区要求写明的“政策解读”",
			"W14 第一部分没有写到本地区要求写明的“政务公开专区/公开专栏”",
			"W14 第一部分没有写到本地区要求写明的“政府网站”"}},
		{"items met, one by its second alternative, one across a space", "加强政策 解读，完善公开专栏，办好政府网站。", items, nil},
		{"items met in traditional characters", "加強政策解讀，完善公開專欄，辦好政府網站。", items, nil},
		{"one item missing", "加强政策解读，办好政府网站。", items, []string{"W14 第一部分没有写到本地区要求写明的“政务公开专区/公开专栏”"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := loadSeed(t, "002")
			r.Narrative.Overview = tc.overview
			var got []string
			for _, f := range report.Check(r, report.Options{Local: tc.rules}) {
				if f.Rule == report.RuleOverviewLength || f.Rule == report.RuleOverviewItems {
					got = append(got, f.Rule+" "+f.Message)
					if f.Narrative != report.NarrativeOverview || f.Severity != report.Warning {
						t.Errorf("%s placed at %q as %s, want a warning at overview", f.Rule, f.Narrative, f.Severity)
					}
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// TestParseLocalRules: the administrator's form, read and refused.
func TestParseLocalRules(t *testing.T) {
	for _, tc := range []struct {
		max, items string
		want       report.LocalRules
		problems   string // the problems' fields, "max items"
	}{
		{"", "", report.LocalRules{}, ""},
		{"0", "  \n", report.LocalRules{}, ""},
		{"１,０００", "政策解读\n 政府网站 \n政策解读\n", report.LocalRules{OverviewMax: 1000, OverviewItems: []string{"政策解读", "政府网站"}}, ""},
		{"一千", "", report.LocalRules{}, "max"},
		{"-5", "", report.LocalRules{}, "max"},
		{"100001", "", report.LocalRules{}, "max"},
		{"", strings.Repeat("长", report.MaxLocalItemLen+1), report.LocalRules{}, "items"},
		{"", strings.Repeat("事项\n", 1) + strings.Repeat("x\n", 0) + manyItems(report.MaxLocalItems+1), report.LocalRules{}, "items"},
		{"", "政策\u200b解读", report.LocalRules{}, "items"},
	} {
		got, problems := report.ParseLocalRules(tc.max, tc.items)
		var fields []string
		for _, k := range []string{"max", "items"} {
			if problems[k] != "" {
				fields = append(fields, k)
			}
		}
		if strings.Join(fields, " ") != tc.problems {
			t.Errorf("ParseLocalRules(%q, %q) problems %v, want %q", tc.max, tc.items, problems, tc.problems)
		}
		if tc.problems == "" && (got.OverviewMax != tc.want.OverviewMax || got.ItemsText() != tc.want.ItemsText()) {
			t.Errorf("ParseLocalRules(%q, %q) = %+v, want %+v", tc.max, tc.items, got, tc.want)
		}
	}
}

func manyItems(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("事项" + string(rune('甲'+i)) + "\n")
	}
	return b.String()
}
