package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// The shapes real reports are published in as PDF, each rebuilt here from
// a report the test writes: a web page or Word text made by the test,
// turned into a PDF by LibreOffice as an office would, read back by
// pdftotext. The numbers are written by hand, and so are the cells
// expected of them.

// shapeRow is a row of a table the test prints: its label cells (a group
// cell spanning rows is given on its first row with its span) and values.
type shapeRow struct {
	group string // a group cell starting here ("" for none or covered)
	span  int    // the group cell's rowspan
	label string
	vals  []int
}

// shapeReport is the printed report: its title, the rows of section 三
// and a narrative for each text section.
type shapeReport struct {
	title    string
	requests []shapeRow
}

// html writes the report as a web page with the official tables: section
// 二's four blocks (2021 headers), section 三's rows as given, section 四.
func (s shapeReport) html() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>td{border:1px solid #000;font-size:10pt}</style></head><body>`)
	w("<h1>%s</h1>", s.title)
	w("<p>一、总体情况</p><p>本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1136条。</p>")
	w("<p>二、主动公开政府信息情况</p><table>")
	w(`<tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>`)
	w("<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政规范性文件</td><td>3</td><td>1</td><td>25</td></tr>")
	w(`<tr><td colspan="4">第二十条第（五）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr><tr><td>行政许可</td><td colspan="3">812</td></tr>`)
	w(`<tr><td colspan="4">第二十条第（六）项</td></tr><tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>`)
	w(`<tr><td>行政处罚</td><td colspan="3">4119</td></tr><tr><td>行政强制</td><td colspan="3">195</td></tr>`)
	w(`<tr><td colspan="4">第二十条第（八）项</td></tr><tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr><tr><td>行政事业性收费</td><td colspan="3">7730.28</td></tr>`)
	w("</table><p>三、收到和处理政府信息公开申请情况</p><table>")
	w(`<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>`)
	w(`<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>`)
	w("<tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>")
	for _, r := range s.requests {
		w("<tr>")
		if r.group != "" {
			w(`<td rowspan="%d">%s</td>`, r.span, r.group)
		}
		w("<td>%s</td>", r.label)
		for _, v := range r.vals {
			w("<td>%d</td>", v)
		}
		w("</tr>")
	}
	w("</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>")
	w(`<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr><td rowspan="2">结果维持</td><td rowspan="2">结果纠正</td><td rowspan="2">其他结果</td><td rowspan="2">尚未审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>`)
	w("<tr>%s%s</tr><tr>", strings.Repeat("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>", 1), strings.Repeat("<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>", 1))
	for _, v := range []int{10, 1, 0, 0, 11, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5} {
		w("<td>%d</td>", v)
	}
	w("</tr></table>")
	w("<p>五、存在的主要问题及改进情况</p><p>依申请公开工作规范性还有待提高。下一步，将全面梳理和优化工作流程。</p>")
	w("<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>")
	return b.String()
}

// writerHTML has LibreOffice open a web page as a Writer document, laid
// out on A4 pages as a word processor would (its web view prints a blank
// first page and drops the title).
const writerHTML = "--infilter=HTML (StarWriter)"

// row7 is a section 三 row of seven values: natural person, the five
// kinds of organisation, total.
func row7(group string, span int, label string, vals ...int) shapeRow {
	return shapeRow{group: group, span: span, label: label, vals: vals}
}

// unsplitRequests is section 三 of a 2021 report that prints （六）其他处理
// as one row, as 洪泽区's reports of 2023 and 2024 do.
func unsplitRequests(other []int) []shapeRow {
	z := []int{0, 0, 0, 0, 0, 0, 0}
	return []shapeRow{
		row7("", 0, "一、本年新收政府信息公开申请数量", 21, 0, 0, 0, 0, 0, 21),
		row7("", 0, "二、上年结转政府信息公开申请数量", 2, 0, 0, 0, 0, 0, 2),
		row7("三、本年度办理结果", 22, "（一）予以公开", 6, 0, 0, 0, 0, 0, 6),
		row7("", 0, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 4, 0, 0, 0, 0, 0, 4),
		row7("（三）不予公开", 8, "1.属于国家秘密", 1, 0, 0, 0, 0, 0, 1),
		row7("", 0, "2.其他法律行政法规禁止公开", z...),
		row7("", 0, "3.危及“三安全一稳定”", z...),
		row7("", 0, "4.保护第三方合法权益", z...),
		row7("", 0, "5.属于三类内部事务信息", z...),
		row7("", 0, "6.属于四类过程性信息", 1, 0, 0, 0, 0, 0, 1),
		row7("", 0, "7.属于行政执法案卷", 1, 0, 0, 0, 0, 0, 1),
		row7("", 0, "8.属于行政查询事项", z...),
		row7("（四）无法提供", 3, "1.本机关不掌握相关政府信息", 6, 0, 0, 0, 0, 0, 6),
		row7("", 0, "2.没有现成信息需要另行制作", 3, 0, 0, 0, 0, 0, 3),
		row7("", 0, "3.补正后申请内容仍不明确", z...),
		row7("（五）不予处理", 5, "1.信访举报投诉类申请", 1, 0, 0, 0, 0, 0, 1),
		row7("", 0, "2.重复申请", z...),
		row7("", 0, "3.要求提供公开出版物", z...),
		row7("", 0, "4.无正当理由大量反复申请", z...),
		row7("", 0, "5.要求行政机关确认或重新出具已获取信息", z...),
		row7("", 0, "（六）其他处理", other...),
		row7("", 0, "（七）总计", 23+other[0], 0, 0, 0, 0, 0, 23+other[6]),
		row7("", 0, "四、结转下年度继续办理", 0, 0, 0, 0, 0, 0, 0),
	}
}

// wantUnsplit are the cells of unsplitRequests's report, written out.
func wantUnsplit(otherNatural int64, splitRead bool) map[string]int64 {
	q := "requests."
	w := map[string]int64{
		"active.rules.issued": 0, "active.rules.repealed": 0, "active.rules.in_force": 0,
		"active.normative_docs.issued": 3, "active.normative_docs.repealed": 1, "active.normative_docs.in_force": 25,
		"active.licensing.decisions": 812, "active.punishment.decisions": 4119, "active.enforcement.decisions": 195,
		"reviews.review.upheld": 10, "reviews.review.corrected": 1, "reviews.review.other": 0, "reviews.review.pending": 0, "reviews.review.total": 11,
		"reviews.litigation_direct.upheld": 0, "reviews.litigation_direct.corrected": 0, "reviews.litigation_direct.other": 0, "reviews.litigation_direct.pending": 0, "reviews.litigation_direct.total": 0,
		"reviews.litigation_after_review.upheld": 5, "reviews.litigation_after_review.corrected": 0, "reviews.litigation_after_review.other": 0, "reviews.litigation_after_review.pending": 0, "reviews.litigation_after_review.total": 5,
	}
	rows := map[string][2]int64{ // natural person, total; every organisation 0
		"new_received": {21, 21}, "carried_over": {2, 2}, "granted": {6, 6}, "partly_granted": {4, 4},
		"withheld_state_secret": {1, 1}, "withheld_law_prohibited": {0, 0}, "withheld_security_stability": {0, 0},
		"withheld_third_party": {0, 0}, "withheld_internal_affairs": {0, 0}, "withheld_process_info": {1, 1},
		"withheld_enforcement_file": {1, 1}, "withheld_inquiry": {0, 0}, "unavailable_not_held": {6, 6},
		"unavailable_needs_creation": {3, 3}, "unavailable_unclear": {0, 0}, "not_processed_petition": {1, 1},
		"not_processed_duplicate": {0, 0}, "not_processed_publication": {0, 0}, "not_processed_excessive": {0, 0},
		"not_processed_confirm": {0, 0}, "handled_total": {23 + otherNatural, 23 + otherNatural}, "carried_forward": {0, 0},
	}
	if splitRead {
		for _, r := range []string{"other_no_correction", "other_no_fee", "other_misc"} {
			rows[r] = [2]int64{0, 0}
		}
	}
	for r, v := range rows {
		w[q+r+".natural_person"], w[q+r+".total"] = v[0], v[1]
		for _, c := range []string{"commercial", "research", "public_interest", "legal_services", "other"} {
			w[q+r+"."+c] = 0
		}
	}
	return w
}

// TestPDFUnsplitOther: a 2021 report (2021 headers in section 二) whose
// section 三 prints （六）其他处理 as one row, made a PDF by LibreOffice, is
// read as the 2021 format — the headers outweigh the one 2019-like row —
// and the row's zeros are the three rows' zeros; a row that is not all
// zeros leaves the three rows blank and says why.
func TestPDFUnsplitOther(t *testing.T) {
	testenv.Poppler(t, "pdftotext")
	cases := []struct {
		name      string
		other     []int
		splitRead bool
		note      string
	}{
		{"zeros", []int{0, 0, 0, 0, 0, 0, 0}, true, "三行（逾期不补正、逾期未缴纳费用、其他）都读作0"},
		{"not zeros", []int{2, 0, 0, 0, 0, 0, 2}, false, "无法知道如何分到三行，三行留空"},
	}
	files := map[string][]byte{}
	for _, c := range cases {
		files[strings.ReplaceAll(c.name, " ", "-")+".html"] = []byte(shapeReport{title: "某某区人民政府2023年政府信息公开工作年度报告", requests: unsplitRequests(c.other)}.html())
	}
	pdfs := testenv.LibreOfficeConvert(t, files, "pdf", writerHTML)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, res := readDoc(t, pdfs[strings.ReplaceAll(c.name, " ", "-")+".html"])
			if res.Format != report.Format2021 {
				t.Fatalf("format %s by %+v", res.Format, res.Evidence)
			}
			want := wantUnsplit(int64(c.other[0]), c.splitRead)
			r := res.Report
			if r.Org != "某某区人民政府" || r.Year != 2023 {
				t.Errorf("org %q year %d", r.Org, r.Year)
			}
			id := r.Template().Lookup("active.fees.amount_wan")
			if got := report.FormatValue(r.Template().Cell(id).Kind, r.Values[id]); got != "7730.2800" {
				t.Errorf("fees %s, want 7730.2800", got)
			}
			r.Values[id] = report.Value{} // not an integer: checked above
			wantCells(t, r, want)
			if !hasNote(res, c.note) {
				t.Errorf("no note %q in %v", c.note, res.Notes)
			}
		})
	}
}

func hasNote(res *importer.Result, part string) bool {
	for _, n := range res.Notes {
		if strings.Contains(n.Msg, part) {
			return true
		}
	}
	return false
}
