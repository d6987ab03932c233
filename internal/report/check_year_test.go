package report

import (
	"strings"
	"testing"
)

// yearFindings are the W7 findings of a report.
func yearFindings(r *Report) []Finding {
	var out []Finding
	for _, f := range Check(r, Options{}) {
		if f.Rule == RuleYear {
			out = append(out, f)
		}
	}
	return out
}

// TestSeedsNoYearFindings: the seeds speak of their own year as 本年 (and
// of earlier years only inside a sentence, in 五 of last year's problems,
// or of later years' plans), so W7 is silent on all of them.
func TestSeedsNoYearFindings(t *testing.T) {
	for _, name := range []string{"000", "002", "003", "004"} {
		r := seedReport(t, name)
		if fs := yearFindings(r); len(fs) != 0 {
			t.Errorf("seed %s: %d W7 findings, first %q", name, len(fs), fs[0].Message)
		}
	}
}

// TestYearCheck: each text below is a seed's text with one change; want is
// the start of the one W7 message, or "" for none.
func TestYearCheck(t *testing.T) {
	for _, tc := range []struct {
		name    string
		title   string
		preface string
		section string // overview, problems or other
		para    string
		want    string
		wantPar bool
	}{
		{name: "title of last year", title: "瑞安市人民政府办公室2023年政府信息公开工作年度报告", want: "标题“瑞安市人民政府办公室2023年政府信息公开工作年度报告”写的是2023年，但报告年度是2024年"},
		{name: "title in Chinese numerals", title: "瑞安市人民政府办公室二〇二三年政府信息公开工作年度报告", want: "标题“瑞安市人民政府办公室二〇二三年政府信息公开工作年度报告”写的是2023年"},
		{name: "title of this year", title: "瑞安市人民政府办公室二〇二四年政府信息公开工作年度报告"},
		{name: "statistics period of last year", preface: "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。", want: "前言所写统计期限是2023年，但报告年度是2024年"},
		{name: "statistics period with a PDF's spaces", preface: "本报告所列数据统计期自 2023 年 1 月 1 日至 2023 年 12 月 31 日。", want: "前言所写统计期限是2023年"},
		{name: "preface names last year's report", preface: "现公布区统计局2023年政府信息公开工作年度报告。", want: "前言称本报告为2023年的年度报告，但报告年度是2024年"},
		{name: "a notice of last year by its title", preface: "根据《关于做好2023年政府信息公开工作年度报告有关事项的通知》要求编制。"},
		{name: "statistics period of this year", preface: "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"},
		{name: "opening year of last year", section: NarrativeOverview, para: "2023年，瑞安市人民政府办公室坚持以习近平新时代中国特色社会主义思想为指导。",
			want: "第一部分写“2023年，瑞安市人民政府办公室坚持以习近平新时代中国特色社会主义思想为指导”，把2023年当作本年，但报告年度是2024年", wantPar: true},
		{name: "numbered opening, traditional", section: NarrativeOverview, para: "（一）主動公開情況。2023年全年共發布信息1200條。", want: "第一部分写“2023年全年共發布信息1200條”", wantPar: true},
		{name: "explicit 本年度", section: NarrativeOther, para: "本年度（2023年）未收取信息处理费。", want: "第六部分写“本年度（2023年）未收取信息处理费”", wantPar: true},
		{name: "fee sentence of last year", section: NarrativeOther, para: "2023年度未收取政府信息公开信息处理费。", want: "第六部分写“2023年度未收取政府信息公开信息处理费”", wantPar: true},
		{name: "earlier year inside a sentence", section: NarrativeOverview, para: "根据省政府办公厅在全省2023年政务公开第三方评估中向我市反馈的问题，逐项整改。"},
		{name: "earlier year in 五", section: NarrativeProblems, para: "（一）2023年问题整改情况。2023年，本机关网站栏目更新不及时，已整改。"},
		{name: "plans for next year", section: NarrativeProblems, para: "2025年，我们将继续深化政务公开。"},
		{name: "history since", section: NarrativeOverview, para: "2019年以来，本机关持续推进政务公开。"},
		{name: "national event", section: NarrativeOverview, para: "2023年全国两会期间，本机关做好解读。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := seedReport(t, "002")
			if tc.title != "" {
				r.Title = tc.title
			}
			if tc.preface != "" {
				r.Preface = tc.preface
			}
			if tc.section != "" {
				r.Narrative.Set(tc.section, r.Narrative.Text(tc.section)+"\n"+tc.para)
			}
			fs := yearFindings(r)
			if tc.want == "" {
				if len(fs) != 0 {
					t.Fatalf("want no W7, got %q", fs[0].Message)
				}
				return
			}
			if len(fs) != 1 {
				t.Fatalf("want one W7, got %d: %v", len(fs), fs)
			}
			f := fs[0]
			if !strings.HasPrefix(f.Message, tc.want) || f.Severity != Warning {
				t.Errorf("message %q (%s)\nwant it to start %q", f.Message, f.Severity, tc.want)
			}
			if tc.wantPar {
				paras := Paragraphs(r.Narrative.Text(tc.section))
				if f.Narrative != tc.section || f.Para != len(paras)-1 {
					t.Errorf("placed at %s paragraph %d, want %s paragraph %d", f.Narrative, f.Para, tc.section, len(paras)-1)
				}
			}
		})
	}
}

func TestYearsIn(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []int
	}{
		{"2024年1月1日至2024年12月31日", []int{2024, 2024}},
		{"二〇二三年度", []int{2023}},
		{"二〇二三年度，12024年，三年", []int{2023}},
		{"近两年", nil},
	} {
		var got []int
		for _, y := range yearsIn(tc.in) {
			got = append(got, y.year)
		}
		if len(got) != len(tc.want) {
			t.Errorf("yearsIn(%q) = %v, want %v", tc.in, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("yearsIn(%q) = %v, want %v", tc.in, got, tc.want)
			}
		}
	}
}
