package importer_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// The shapes real reports are published in as PDF, each rebuilt here from
// a report the test writes (shapes_doc_test.go), made a PDF by
// LibreOffice as an office would, read back by pdftotext. The numbers are
// written by hand, and so are the cells expected of them.

// writerHTML has LibreOffice open a web page as a Writer document, laid
// out on A4 pages as a word processor would (its web view prints a blank
// first page and drops the title).
const writerHTML = "--infilter=HTML (StarWriter)"

// shapeTitle is the title of every shape's report.
const shapeTitle = "某某区人民政府2023年政府信息公开工作年度报告"

// shapeNarrative is section 一's text: long paragraphs, wrapped on the page.
var shapeNarrative = []string{
	"2023年，某某区人民政府坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻落实《中华人民共和国政府信息公开条例》，不断完善政府信息公开制度，建立健全政府信息公开保障机制，推进政府信息公开工作规范、有序、健康发展。",
	"（一）主动公开情况。主要通过政府门户网站主动公开政府文件、项目审批、通知公告等各类政府信息。2023年，我区在政府网站平台主动公开政府信息1136条，其中政策文件45件，政策解读12篇。",
	"（二）依申请公开情况。进一步规范依申请公开流程，畅通依申请公开受理渠道。2023年全区受理政府信息公开申请24件，均在法定期限内答复。",
}

// shapeOpts are the ways a shape's document differs.
type shapeOpts struct {
	header, footer bool     // running header and 第N页 共M页 footer (fodt only)
	columns        bool     // section 一 set in two columns (fodt only)
	rotated        bool     // section 三's group cells turned 90° (fodt only)
	repeatHeader   bool     // section 三's header rows repeated on each page
	narrowLabels   bool     // section 三's label cells narrow, so labels wrap
	turned         int      // section 三's table printed turned on its own page (web page only)
	other          [][]int  // the （六） rows; one row: printed unsplit
	narrative      []string // section 一, shapeNarrative if nil
	extra          []sBlock // more paragraphs after section 一's
}

// shapeDoc builds the report's document.
func shapeDoc(o shapeOpts) sDoc {
	d := sDoc{header: o.header, footer: o.footer, title: shapeTitle}
	p := func(s string) { d.blocks = append(d.blocks, sBlock{para: s}) }
	p("一、总体情况")
	narr := o.narrative
	if narr == nil {
		narr = shapeNarrative
	}
	for _, s := range narr {
		d.blocks = append(d.blocks, sBlock{para: s, columns: o.columns})
	}
	d.blocks = append(d.blocks, o.extra...)
	p("二、主动公开政府信息情况")
	d.blocks = append(d.blocks, sBlock{table: [][]sCell{
		{span("第二十条第（一）项", 1, 4)},
		cells("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
		append(cells("规章"), nums(0, 0, 0)...),
		append(cells("行政规范性文件"), nums(3, 1, 25)...),
		{span("第二十条第（五）项", 1, 4)},
		{span("信息内容", 1, 1), span("本年处理决定数量", 1, 3)},
		{span("行政许可", 1, 1), span("812", 1, 3)},
		{span("第二十条第（六）项", 1, 4)},
		{span("信息内容", 1, 1), span("本年处理决定数量", 1, 3)},
		{span("行政处罚", 1, 1), span("4119", 1, 3)},
		{span("行政强制", 1, 1), span("195", 1, 3)},
		{span("第二十条第（八）项", 1, 4)},
		{span("信息内容", 1, 1), span("本年收费金额（单位：万元）", 1, 3)},
		{span("行政事业性收费", 1, 1), span("7730.28", 1, 3)},
	}})
	p("三、收到和处理政府信息公开申请情况")
	d.blocks = append(d.blocks, requestsBlock(o))
	p("四、政府信息公开行政复议、行政诉讼情况")
	cols := cells("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
	d.blocks = append(d.blocks, sBlock{table: [][]sCell{
		{span("行政复议", 1, 5), span("行政诉讼", 1, 10)},
		{span("结果维持", 2, 1), span("结果纠正", 2, 1), span("其他结果", 2, 1), span("尚未审结", 2, 1), span("总计", 2, 1), span("未经复议直接起诉", 1, 5), span("复议后起诉", 1, 5)},
		append(append([]sCell{}, cols...), cols...),
		nums(10, 1, 0, 0, 11, 0, 0, 0, 0, 0, 5, 0, 0, 0, 5),
	}})
	p("五、存在的主要问题及改进情况")
	p("2023年，我区政府信息公开工作取得一定的成效，但对照上级要求，仍存在一定差距。如依申请公开工作规范性还有待提高、政务公开内容的深度和广度还有待提升、政务公开队伍建设有待加强等。针对存在问题，下一步，将全面梳理和优化工作流程、健全工作机制、强化部门协同配合，全面提升政府信息依申请公开规范化、专业化水平。")
	p("六、其他需要报告的事项")
	p("2023年，区政府严格落实《政府信息公开信息处理费管理办法》，全年收取政府信息公开信息处理费0元。")
	return d
}

// requestsBlock is section 三's table: 10 columns (two group levels, the
// label, seven values), its header three rows.
func requestsBlock(o shapeOpts) sBlock {
	z := nums(0, 0, 0, 0, 0, 0, 0)
	row := func(lead []sCell, vals []sCell) []sCell { return append(append([]sCell{}, lead...), vals...) }
	g := func(text string, rows int) sCell {
		return sCell{text: text, rowspan: rows, rotated: o.rotated}
	}
	other := o.other
	if other == nil {
		other = [][]int{{0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0}}
	}
	var sum6 [7]int
	for _, r := range other {
		for i, v := range r {
			sum6[i] += v
		}
	}
	results := 20 + len(other)
	t := [][]sCell{
		{span("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), span("申请人情况", 1, 7)},
		{span("自然人", 2, 1), span("法人或其他组织", 1, 5), span("总计", 2, 1)},
		cells("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"),
		row([]sCell{span("一、本年新收政府信息公开申请数量", 1, 3)}, nums(21, 2, 0, 0, 1, 0, 24)),
		row([]sCell{span("二、上年结转政府信息公开申请数量", 1, 3)}, nums(2, 0, 0, 0, 0, 0, 2)),
		row([]sCell{g("三、本年度办理结果", results), span("（一）予以公开", 1, 2)}, nums(6, 1, 0, 0, 0, 0, 7)),
		row([]sCell{span("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1, 2)}, nums(4, 0, 0, 0, 0, 0, 4)),
		row([]sCell{g("（三）不予公开", 8), {text: "1.属于国家秘密"}}, nums(1, 0, 0, 0, 0, 0, 1)),
		row(cells("2.其他法律行政法规禁止公开"), z),
		row(cells("3.危及“三安全一稳定”"), z),
		row(cells("4.保护第三方合法权益"), z),
		row(cells("5.属于三类内部事务信息"), z),
		row(cells("6.属于四类过程性信息"), nums(1, 0, 0, 0, 0, 0, 1)),
		row(cells("7.属于行政执法案卷"), nums(1, 0, 0, 0, 0, 0, 1)),
		row(cells("8.属于行政查询事项"), z),
		row([]sCell{g("（四）无法提供", 3), {text: "1.本机关不掌握相关政府信息"}}, nums(6, 1, 0, 0, 1, 0, 8)),
		row(cells("2.没有现成信息需要另行制作"), nums(3, 0, 0, 0, 0, 0, 3)),
		row(cells("3.补正后申请内容仍不明确"), z),
		row([]sCell{g("（五）不予处理", 5), {text: "1.信访举报投诉类申请"}}, nums(1, 0, 0, 0, 0, 0, 1)),
		row(cells("2.重复申请"), z),
		row(cells("3.要求提供公开出版物"), z),
		row(cells("4.无正当理由大量反复申请"), z),
		row(cells("5.要求行政机关确认或重新出具已获取信息"), z),
	}
	if len(other) == 1 {
		t = append(t, row([]sCell{span("（六）其他处理", 1, 2)}, nums(other[0]...)))
	} else {
		t = append(t,
			row([]sCell{g("（六）其他处理", 3), {text: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"}}, nums(other[0]...)),
			row(cells("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"), nums(other[1]...)),
			row(cells("3.其他"), nums(other[2]...)))
	}
	t = append(t,
		row([]sCell{span("（七）总计", 1, 2)}, nums(23+sum6[0], 2+sum6[1], 0, 0, 1, 0, 26+sum6[6])),
		row([]sCell{span("四、结转下年度继续办理", 1, 3)}, z))
	b := sBlock{table: t, widths: []float64{1.1, 1.7, 3.4, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3, 1.3}, turned: o.turned}
	if o.repeatHeader {
		b.header = 3
	}
	if o.narrowLabels {
		for _, r := range t[3:] {
			for i := range r {
				if strings.ContainsFunc(r[i].text, func(c rune) bool { return c > 0x2E80 }) {
					r[i].narrow = true
				}
			}
		}
	}
	return b
}

// wantShape are the cells of shapeDoc's report, written out; other is the
// （六） rows' natural-person and total values, nil for the rows left
// blank (an unsplit （六） that is not all zeros).
func wantShape(other [][2]int64) map[string]int64 {
	w := map[string]int64{
		"active.rules.issued": 0, "active.rules.repealed": 0, "active.rules.in_force": 0,
		"active.normative_docs.issued": 3, "active.normative_docs.repealed": 1, "active.normative_docs.in_force": 25,
		"active.licensing.decisions": 812, "active.punishment.decisions": 4119, "active.enforcement.decisions": 195,
		"reviews.review.upheld": 10, "reviews.review.corrected": 1, "reviews.review.other": 0, "reviews.review.pending": 0, "reviews.review.total": 11,
		"reviews.litigation_direct.upheld": 0, "reviews.litigation_direct.corrected": 0, "reviews.litigation_direct.other": 0, "reviews.litigation_direct.pending": 0, "reviews.litigation_direct.total": 0,
		"reviews.litigation_after_review.upheld": 5, "reviews.litigation_after_review.corrected": 0, "reviews.litigation_after_review.other": 0, "reviews.litigation_after_review.pending": 0, "reviews.litigation_after_review.total": 5,
	}
	cols := []string{"natural_person", "commercial", "research", "public_interest", "legal_services", "other", "total"}
	rows := map[string][7]int64{
		"new_received": {21, 2, 0, 0, 1, 0, 24}, "carried_over": {2, 0, 0, 0, 0, 0, 2}, "granted": {6, 1, 0, 0, 0, 0, 7},
		"partly_granted": {4, 0, 0, 0, 0, 0, 4}, "withheld_state_secret": {1, 0, 0, 0, 0, 0, 1}, "withheld_law_prohibited": {},
		"withheld_security_stability": {}, "withheld_third_party": {}, "withheld_internal_affairs": {},
		"withheld_process_info": {1, 0, 0, 0, 0, 0, 1}, "withheld_enforcement_file": {1, 0, 0, 0, 0, 0, 1}, "withheld_inquiry": {},
		"unavailable_not_held": {6, 1, 0, 0, 1, 0, 8}, "unavailable_needs_creation": {3, 0, 0, 0, 0, 0, 3}, "unavailable_unclear": {},
		"not_processed_petition": {1, 0, 0, 0, 0, 0, 1}, "not_processed_duplicate": {}, "not_processed_publication": {},
		"not_processed_excessive": {}, "not_processed_confirm": {},
		"handled_total": {23, 2, 0, 0, 1, 0, 26}, "carried_forward": {},
	}
	var sum [2]int64
	for i, r := range []string{"other_no_correction", "other_no_fee", "other_misc"} {
		if other != nil {
			rows[r] = [7]int64{other[i][0], 0, 0, 0, 0, 0, other[i][1]}
		}
		if other != nil {
			sum[0], sum[1] = sum[0]+other[i][0], sum[1]+other[i][1]
		}
	}
	for r, v := range rows {
		if r == "handled_total" {
			v[0], v[6] = v[0]+sum[0], v[6]+sum[1]
		}
		for i, c := range cols {
			w["requests."+r+"."+c] = v[i]
		}
	}
	return w
}

// checkShape checks a shape's import: the format, the title, every cell
// but the fee (an amount: checked as printed), and section 一 whole.
func checkShape(t *testing.T, res *importer.Result, want map[string]int64) {
	t.Helper()
	if res.Format != report.Format2021 {
		t.Fatalf("format %s by %+v", res.Format, res.Evidence)
	}
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
}

// TestPDFUnsplitOther: a 2021 report (2021 headers in section 二) whose
// section 三 prints （六）其他处理 as one row, as 洪泽区's reports of 2023 and
// 2024 do, made a PDF by LibreOffice, is read as the 2021 format — the
// headers outweigh the one 2019-like row — and the row's zeros are the
// three rows' zeros; a row that is not all zeros leaves the three rows
// blank and says why.
func TestPDFUnsplitOther(t *testing.T) {
	testenv.Poppler(t, "pdftotext")
	cases := []struct {
		name  string
		other []int
		want  [][2]int64
		note  string
	}{
		{"zeros", []int{0, 0, 0, 0, 0, 0, 0}, [][2]int64{{0, 0}, {0, 0}, {0, 0}}, "三行（逾期不补正、逾期未缴纳费用、其他）都读作0"},
		{"not-zeros", []int{2, 0, 0, 0, 0, 0, 2}, nil, "无法知道如何分到三行，三行留空"},
	}
	files := map[string][]byte{}
	for _, c := range cases {
		files[c.name+".html"] = []byte(shapeDoc(shapeOpts{other: [][]int{c.other}, narrowLabels: true}).html())
	}
	pdfs := testenv.LibreOfficeConvert(t, files, "pdf", writerHTML)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, res := readDoc(t, pdfs[c.name+".html"])
			want := wantShape(c.want)
			if c.want == nil { // the printed 总计 counts the unsplit row's 2
				want["requests.handled_total.natural_person"] += 2
				want["requests.handled_total.total"] += 2
			}
			checkShape(t, res, want)
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

// longNarrative is section 一 long enough to push section 三's table
// over a page break.
func longNarrative() []string {
	out := append([]string{}, shapeNarrative...)
	for i := 0; i < 6; i++ {
		out = append(out, "（三）政府信息管理情况。加强区政府门户网站及政务新媒体日常管理，运用第三方检测平台实行常态化监测，执行信息审核发布制度。严格执行“分级审核、先审后发”程序，落实“三审三校”制度，从严从实把好政治关、法律关、政策关、保密关、文字关，未经审核的信息一律不准发布。")
	}
	return out
}

// TestPDFPageShapes: a report as a word processor prints it — a running
// header (its title) and a footer 第N页 共M页 on every page, section 三's
// header rows repeated where its table runs onto the next page, section
// 一 in two columns, section 三's group cells turned 90° — made a PDF by
// LibreOffice, reads every cell, the title, and section 一 whole.
func TestPDFPageShapes(t *testing.T) {
	testenv.Poppler(t, "pdftotext")
	cases := []struct {
		name string
		opts shapeOpts
	}{
		{"header-footer", shapeOpts{header: true, footer: true, narrative: longNarrative()}},
		{"repeated-header-rows", shapeOpts{repeatHeader: true, narrative: longNarrative()}},
		{"all-furniture", shapeOpts{header: true, footer: true, repeatHeader: true, narrative: longNarrative()}},
		{"two-columns", shapeOpts{columns: true}},
		{"rotated-groups", shapeOpts{rotated: true}},
	}
	files := map[string][]byte{}
	for _, c := range cases {
		files[c.name+".fodt"] = []byte(shapeDoc(c.opts).fodt())
	}
	pdfs := testenv.LibreOfficeConvert(t, files, "pdf")
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, res := readDoc(t, pdfs[c.name+".fodt"])
			checkShape(t, res, wantShape([][2]int64{{0, 0}, {0, 0}, {0, 0}}))
			narr := c.opts.narrative
			if narr == nil {
				narr = shapeNarrative
			}
			want := &report.Report{Narrative: report.Narrative{Overview: strings.Join(narr, "\n")}}
			sameNarrative(t, want, &importer.Result{Report: &report.Report{Narrative: report.Narrative{Overview: res.Report.Narrative.Overview}}})
			for _, n := range res.Notes {
				if n.Kind == importer.Unreadable {
					t.Errorf("note %s", n)
				}
			}
		})
	}
}

// TestPDFTurnedTable: section 三's table printed turned on its page, as a
// wide table set sideways — by a quarter turn either way, printed by
// Chromium — reads every cell: pdftotext -layout reads such a page upside
// down (its last row first, its words backwards), and extract turns it
// back.
func TestPDFTurnedTable(t *testing.T) {
	testenv.Poppler(t, "pdftotext")
	chromium := testenv.Chromium(t)
	dir := t.TempDir()
	for _, turned := range []int{90, -90} {
		t.Run(fmt.Sprint(turned), func(t *testing.T) {
			page := filepath.Join(dir, fmt.Sprintf("turned%d.html", turned))
			out := filepath.Join(dir, fmt.Sprintf("turned%d.pdf", turned))
			if err := os.WriteFile(page, []byte(shapeDoc(shapeOpts{turned: turned}).html()), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+page)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("chromium: %v\n%s", err, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			_, res := readDoc(t, data)
			checkShape(t, res, wantShape([][2]int64{{0, 0}, {0, 0}, {0, 0}}))
		})
	}
}
