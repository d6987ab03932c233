package findings

import (
	"testing"

	"nianbao/internal/report"
)

// TestQuoteOf: the words a finding about a text quotes of it are its
// message's first “…”, with quotes inside the sentence kept and the "…"
// of an excerpt dropped; findings about the tables, and those whose
// quotes are not the text's words, quote none.
func TestQuoteOf(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    report.Finding
		want string
	}{
		{"W2 whole sentence", report.Finding{Rule: "W2", Narrative: "overview",
			Message: "第一部分写“全年共收到申请128件”，所述128件与表格“一、本年新收政府信息公开申请数量 总计”的127件不一致"}, "全年共收到申请128件"},
		{"an excerpt", report.Finding{Rule: "W2", Narrative: "overview",
			Message: "第一部分写“…现行有效规范性文件共230件…”，所述230件与表格“行政规范性文件 现行有效件数”的231件不一致"}, "现行有效规范性文件共230件"},
		{"quotes inside the sentence", report.Finding{Rule: "W7", Narrative: "overview",
			Message: "第一部分写“2022年围绕“放管服”改革”，把2022年当作本年，但报告年度是2023年：是否沿用了上年的文字？"}, "2022年围绕“放管服”改革"},
		{"W10 quotes two, the first taken", report.Finding{Rule: "W10", Narrative: "problems",
			Message: "第五部分有80%的句子（5句中的4句）与2023年报告相同（数字和标点不计），如：“一是公开内容不够全面”、“二是解读形式单一”；应写本年度的情况"}, "一是公开内容不够全面"},
		{"the title", report.Finding{Rule: "W7", Field: "title", Message: "标题“2022年政府信息公开工作年度报告”写的是2022年，但报告年度是2023年"},
			"2022年政府信息公开工作年度报告"},
		{"W14 quotes an item the text lacks", report.Finding{Rule: report.RuleOverviewItems, Narrative: "overview",
			Message: "第一部分没有写到本地区要求写明的“政策解读”"}, ""},
		{"a finding about the tables", report.Finding{Rule: "R8", Message: "“三、收到和处理政府信息公开申请情况”部分尚未填写"}, ""},
		{"no quote", report.Finding{Rule: "W7", Field: "preface", Message: "前言称本报告为2022年的年度报告，但报告年度是2023年"}, ""},
		{"unclosed", report.Finding{Rule: "W8", Narrative: "problems", Message: "第五部分只写了“无"}, ""},
	} {
		if got := QuoteOf(tc.f); got != tc.want {
			t.Errorf("%s: QuoteOf = %q, want %q", tc.name, got, tc.want)
		}
	}
}
