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

// TestYear: seed 003 is a 2022 report; its text set as below.
func TestYear(t *testing.T) {
	for _, tc := range []struct {
		name, field, text string
		want              []string
	}{
		{"this year", "overview", "2022年，我市深入推进政务公开工作。", nil},
		{"last year opening", "overview", "一、总体情况\n2021年，我市深入推进政务公开工作。", []string{"W7 overview.1"}},
		{"last year 本年", "overview", "一、总体情况\n坚持公开为常态。本年度即2021年共发布信息500条。", []string{"W7 overview.1"}},
		{"截至 last year", "overview", "截至2021年12月31日，现行有效规范性文件817件。", []string{"W7 overview.0"}},
		{"fee sentence", "other", "2021年度未收取信息处理费。", []string{"W7 other.0"}},
		{"since", "overview", "2021年以来，我市持续推进政务公开。", nil},
		{"compared", "overview", "全年收到申请363件，较2021年增加20件。", nil},
		{"history", "overview", "根据全省2021年政务公开第三方评估反馈的问题，逐项整改。", nil},
		{"plans", "problems", "2023年，我们将继续推进政务公开工作，不断提升公开质量和实效。", nil},
		{"title", "title", "濮阳市人民政府2021年政府信息公开工作年度报告", []string{"W7 title"}},
		{"title ok", "title", "濮阳市人民政府2022年政府信息公开工作年度报告", nil},
		{"preface", "preface", "现将本机关2021年度政府信息公开工作年度报告公布如下。", []string{"W7 preface"}},
		{"traditional", "overview", "2021年，我市堅持以習近平新時代中國特色社會主義思想為指導。", []string{"W7 overview.0"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, "003")
			r.SetText(map[string]string{"overview": FieldNarrative + NarrativeOverview, "other": FieldNarrative + NarrativeOther,
				"problems": FieldNarrative + NarrativeProblems, "title": FieldTitle, "preface": FieldPreface}[tc.field], tc.text)
			if got := ruleFindings(r, RuleYear); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}

// TestSeedsNoSectionFindings: the seeds say their year, write their
// sections and do not contradict their fee rows.
func TestSeedsNoSectionFindings(t *testing.T) {
	for _, name := range []string{"000", "002", "003", "004"} {
		if got := ruleFindings(seedReport(t, name), RuleYear, RuleTokenSection, RuleFeeNotices); got != nil {
			t.Errorf("seed %s: %v", name, got)
		}
	}
}

func TestTokenSections(t *testing.T) {
	for _, tc := range []struct {
		name, problems string
		want           []string
	}{
		{"written", "依申请公开工作宣传力度需要进一步加强，网站建设还需进一步完善。", nil},
		{"无", "无", []string{"W8 problems.0"}},
		{"无。", " 无。", []string{"W8 problems.0"}},
		{"slash", "/", []string{"W8 problems.0"}},
		{"暂无 traditional", "暫無", []string{"W8 problems.0"}},
		{"too short", "工作有待加强。", []string{"W8 problems.0"}},
		{"blank is R8", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, "003")
			r.Narrative.Problems = tc.problems
			if got := ruleFindings(r, RuleTokenSection); fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
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
