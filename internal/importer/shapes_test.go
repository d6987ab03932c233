package importer_test

import (
	"encoding/json"
	"fmt"
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/extract"
	"nianbao/internal/importer"
)

// body is what follows the front matter in the title tests: the first
// two headings, enough for the text to be a report.
const body = "一、总体情况\n2023年，我镇认真落实政务公开各项要求。\n二、主动公开政府信息情况\n"

// TestTitleShapes: the body and the year as the pages of towns, streets and
// bureaus print them before section 一 (the fixtures are written for the
// test, in the shapes seen on real pages; the expected names by hand).
func TestTitleShapes(t *testing.T) {
	tests := []struct {
		name, front string
		org         string
		year        int
		inferred    bool // a note says the org was inferred, to be checked
	}{
		{"page heading above org and title",
			"2023年政府信息公开工作年度报告\n青石县白鹭镇人民政府\n2023年政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
		{"title without 政府 before 信息公开",
			"白鹭镇政府2023年信息公开工作年度报告\n",
			"白鹭镇政府", 2023, false},
		{"title quoted in the opening sentence, name with two suffixes",
			"根据《中华人民共和国政府信息公开条例》要求，特编制青石市人民政府档案史志办公室2023年政府信息公开工作年度报告。本报告所列数据统计期限自2023年1月1日起到2023年12月31日止。\n",
			"青石市人民政府档案史志办公室", 2023, true},
		{"title quoted after 现将 and before 予以公开",
			"根据《条例》有关要求，现将青石县人民政府2023年政府信息公开工作年度报告予以公开。\n",
			"青石县人民政府", 2023, true},
		{"title in 《》 after 现发布",
			"根据条例要求，现发布《青石县白鹭镇2023年政府信息公开工作年度报告》。\n",
			"青石县白鹭镇", 2023, true},
		{"title quoted without 政府 before 信息公开",
			"根据要求，现将白鹭镇政府2023年信息公开工作年度报告予以公开。\n",
			"白鹭镇政府", 2023, true},
		{"title quoted after 特向社会公开, in section 一",
			"一、总体情况\n今年以来，白鹭街道加强组织领导。现根据上级要求，特向社会公开白鹭街道办事处2023年政府信息公开工作年度报告。\n二、主动公开政府信息情况\n",
			"白鹭街道办事处", 2023, true},
		{"our own body is no name",
			"根据要求，现将我局2023年政府信息公开工作年度报告公布如下。\n",
			"", 2023, false},
		{"year first, 人民政府 and 政府信息公开 sharing 政府",
			"2023年青石县白鹭镇人民政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
		{"no title, the year in the sentence under section 一's first sub-heading",
			"",
			"", 2023, false},
		{"traditional characters, the format notice's name before the title",
			"根據《國務院辦公廳關於印發〈中華人民共和國政府信息公開工作年度報告格式〉的通知》等規定，現特向社會公布白鷺鄉2023年度政府信息公開年度報告。\n",
			"白鷺鄉", 2023, true},
		{"our own body, the year before 政府信息公开工作",
			"一、总体情况\n本报告结合我镇实际，从六个方面汇报我镇2023年政府信息公开工作。\n二、主动公开政府信息情况\n",
			"", 2023, false},
		{"two bodies' report, a name a line above the title",
			"青石市白鹭区建设和管理委员会\n青石市白鹭区交通委员会\n2023年政府信息公开工作年度报告\n",
			"青石市白鹭区建设和管理委员会、青石市白鹭区交通委员会", 2023, false},
		{"a site's name above the body's name is not a second body",
			"政府信息公开\n青石县白鹭镇人民政府\n2023年政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
		{"a title whose end the page garbled",
			"青石县政府\n青石县白鹭镇2023年政府信息公开 工作告年度报\n来源：县政府办公室 时间：2024-01-31\n",
			"青石县白鹭镇", 2023, true},
		{"a sentence naming the year is no title",
			"白鹭镇2023年政府信息公开工作取得新进展，现报告如下。\n",
			"", 2023, false},
		{"the page's metadata box names the title before the title itself",
			"索引号: 006939748/2024-00084 分类:\n发布机构: 青石市人民政府 成文日期: 2024-03-31\n名称: 青石市人民政府2023年政府信息公开工作年度报告\n文号: 发布日期: 2024-03-31\n青石市人民政府2023年政府信息公开工作年度报告\n",
			"青石市人民政府", 2023, false},
		{"the metadata box holds the only title",
			"信息名称：青石县白鹭镇人民政府2023年政府信息公开工作年度报告\n发布日期：2024-01-20\n",
			"青石县白鹭镇人民政府", 2023, false},
		{"a single title line is kept as it is",
			"青石县白鹭镇人民政府2023年政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.front + body
			if strings.HasPrefix(tt.front, "一、") { // the whole text
				text = tt.front
			}
			if tt.front == "" {
				text = "一、总体情况\n（一）主动公开情况\n2023年，我局在县政府网站主动公开信息52条。\n二、主动公开政府信息情况\n"
			}
			res, err := importer.Import(text)
			if err != nil {
				t.Fatal(err)
			}
			if res.Report.Org != tt.org || res.Report.Year != tt.year {
				t.Errorf("org %q year %d, want %q %d", res.Report.Org, res.Report.Year, tt.org, tt.year)
			}
			inferred := false
			for _, n := range res.Notes {
				if strings.Contains(n.Msg, "机关名称") && strings.Contains(n.Msg, "推断") {
					inferred = n.Kind == importer.Unsure
				}
			}
			if inferred != tt.inferred {
				t.Errorf("org inferred note %v, want %v: %v", inferred, tt.inferred, res.Notes)
			}
		})
	}
}

// TestHTMLShapes: web pages of shapes seen on the portals, written for the
// test: the expected cells by hand (every other cell blank), and what the
// notes must say.
func TestHTMLShapes(t *testing.T) {
	const sec2 = `<table><tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td><span>1</span><span>2</span></td><td>&nbsp;</td><td>3&nbsp;0</td></tr>
<tr><td colspan="4">第二十条第（五）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政许可</td><td colspan="3">15</td></tr>
<tr><td colspan="4">第二十条第（六）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年处理决定数量</td></tr>
<tr><td>行政处罚</td><td colspan="3">7</td></tr><tr><td>行政强制</td><td colspan="3">0</td></tr>
<tr><td colspan="4">第二十条第（八）项</td></tr>
<tr><td>信息内容</td><td colspan="3">本年收费金额（单位：万元）</td></tr>
<tr><td>行政事业性收费</td><td colspan="3">&nbsp;</td></tr></table>`
	active := map[string]int64{
		"active.rules.issued": 0, "active.rules.repealed": 0, "active.rules.in_force": 0,
		"active.normative_docs.issued": 12, "active.normative_docs.in_force": 30,
		"active.licensing.decisions": 15, "active.punishment.decisions": 7, "active.enforcement.decisions": 0,
	}
	article := `<h1>白鹭镇人民政府2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，我镇主动公开信息40条。</p>
<p>二、主动公开政府信息情况</p>` + sec2 + `
<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>
<p>五、存在的主要问题及改进情况</p><p>公开的及时性有待提高。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>`
	// a portal's data file: encoding/json writes < as \u003c, as Java's
	// encoders do
	api, err := json.Marshal(map[string]any{"code": 200, "data": map[string]string{"title": "白鹭镇人民政府2023年政府信息公开工作年度报告", "content": article}})
	if err != nil {
		t.Fatal(err)
	}
	// divPage is a page whose section 二 is drawn with <div>s in a
	// container of class class (a grid class or another one); divCells
	// what a reader reads of it (行政强制 and 行政事业性收费 are blank).
	divPage := func(class string) string {
		return `<h1>白鹭镇人民政府2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，我镇主动公开信息40条。</p>
<p>二、主动公开政府信息情况</p><div class="` + class + `">
<div class="tr"><div class="td">第二十条第（一）项</div></div>
<div class="tr"><div class="td">信息内容</div><div class="td">本年制发件数</div><div class="td">本年废止件数</div><div class="td">现行有效件数</div></div>
<div class="tr"><div class="td">规章</div><div class="td">0</div><div class="td">0</div><div class="td">0</div></div>
<div class="tr"><div class="td">行政规范性文件</div><div class="td">2</div><div class="td">1</div><div class="td">9</div></div>
<div class="tr"><div class="td">第二十条第（五）项</div></div>
<div class="tr"><div class="td">信息内容</div><div class="td">本年处理决定数量</div></div>
<div class="tr"><div class="td">行政许可</div><div class="td">15</div></div>
<div class="tr"><div class="td">第二十条第（六）项</div></div>
<div class="tr"><div class="td">信息内容</div><div class="td">本年处理决定数量</div></div>
<div class="tr"><div class="td">行政处罚</div><div class="td">7</div></div>
<div class="tr"><div class="td">行政强制</div><div class="td">&nbsp;</div></div>
<div class="tr"><div class="td">第二十条第（八）项</div></div>
<div class="tr"><div class="td">信息内容</div><div class="td">本年收费金额（单位：万元）</div></div>
<div class="tr"><div class="td">行政事业性收费</div><div class="td">&nbsp;</div></div></div>
<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>`
	}
	divCells := map[string]int64{
		"active.rules.issued": 0, "active.rules.repealed": 0, "active.rules.in_force": 0,
		"active.normative_docs.issued": 2, "active.normative_docs.repealed": 1, "active.normative_docs.in_force": 9,
		"active.licensing.decisions": 15, "active.punishment.decisions": 7,
	}
	tests := []struct {
		name, page string
		want       map[string]int64
		notes      []string // each is in some note
		noNote     string   // in no note
	}{
		{"tables 三 and 四 pasted as pictures",
			`<html><body><div class="nav"><a href="/"><img src="/logo.png"></a> 首页 &gt; 年报</div>
<h1>白鹭镇人民政府2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，我镇主动公开信息40条。</p><p><img src="/u/photo1.jpg"><img src="/u/photo2.jpg"></p>
<p>二、主动公开政府信息情况</p>` + sec2 + `
<p>三、收到和处理政府信息公开申请情况</p><p><img src="/u/table3.png" alt="表3"></p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p><a href="/u/table4.jpg"><img src="/u/table4.jpg"></a></p>
<p>五、存在的主要问题及改进情况</p><p>公开的及时性有待提高。</p>
<p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p></body></html>`,
			active,
			[]string{"第三部分的表格在原文中是图片", "第四部分的表格在原文中是图片"},
			"没有读到第三部分"},
		{"divs without a grid class: the blank cell lost with its markup",
			divPage("content"),
			divCells,
			[]string{"“行政强制”行印出了行名，但没有读到它的数字", "“行政事业性收费”行印出了行名，但没有读到它的数字"},
			"没有找到“行政强制”行"},
		{"the article hidden until a script shows it",
			`<div class="loading">正在加载……</div><div id="zoom" style="display:none">` + article + `</div>`,
			active, nil, "没有读到第二部分"},
		{"the article twice, for the desktop and the mobile template",
			article + `<div class="m-article">` + article + `</div>`,
			active,
			[]string{"从这一行起报告又印了一遍"},
			""},
		{"hidden elements: a reader's toolbar, a hidden digit in a cell",
			`<div style="display: none">一、总体情况 二、主动公开政府信息情况 无障碍阅读</div><div hidden>2022年旧版</div>` +
				strings.Replace(article, "<span>1</span><span>2</span>", `<span>1</span><span style="visibility:hidden">8</span><span>2</span>`, 1),
			active,
			nil,
			"没有找到机关名称"},
		{"a portal's JSON data file, its markup escaped as \\u003c", string(api), active, nil, "连在一起"},
		{"the article's markup escaped in a textarea that a script puts in place",
			`<div class="nav">首页</div><textarea id="src" style="display:none">` + html.EscapeString(article) + `</textarea><div id="zoom"></div>`,
			active, nil, "连在一起"},
		{"the article's markup shown as text",
			`<div class="nav">首页</div><div id="zoom">` + html.EscapeString(article) + `</div>`,
			active, nil, "连在一起"},
		{"a div grid (class tbl): its blank cell stays a cell",
			divPage("tbl"),
			divCells,
			[]string{"“行政强制”行：原文本年处理决定数量这1格是空的", "“行政事业性收费”行：原文本年收费金额"},
			"印出了行名"},
		{"a table 三 that is neither text nor picture",
			`<h1>白鹭镇人民政府2023年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>2023年，我镇主动公开信息40条。</p>
<p>二、主动公开政府信息情况</p>` + sec2 + `
<p>三、收到和处理政府信息公开申请情况</p><p>（见附件）</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p>`,
			active,
			[]string{"没有读到第三部分表格中的任何一行"},
			"图片"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, res := readDoc(t, []byte(tt.page))
			wantCells(t, res.Report, tt.want)
			var all []string
			for _, n := range res.Notes {
				all = append(all, n.String())
			}
			joined := strings.Join(all, "\n")
			for _, s := range tt.notes {
				if !strings.Contains(joined, s) {
					t.Errorf("no note says %q:\n%s", s, joined)
				}
			}
			if tt.noNote != "" && strings.Contains(joined, tt.noNote) {
				t.Errorf("a note says %q:\n%s", tt.noNote, joined)
			}
			n := res.Report.Narrative
			if strings.Contains(tt.page, "公开的及时性有待提高") && (n.Overview != "2023年，我镇主动公开信息40条。" || n.Other != "本年度未收取信息处理费。") {
				t.Errorf("narrative 一 %q, 六 %q", n.Overview, n.Other)
			}
			for _, text := range []string{n.Overview, n.Problems, n.Other, res.Report.Preface} {
				if strings.Contains(text, extract.ImageMark) {
					t.Errorf("an image's mark in the text: %q", text)
				}
			}
		})
	}
}

// crawledRows is section 三 of a report written for TestCrawledShapes: its
// labels as printed and its seven numbers a row.
var crawledRows = []struct {
	label, path string
	vals        [7]int64
}{
	{"一、本年新收政府信息公开申请数量", "new_received", [7]int64{12, 3, 0, 1, 0, 0, 16}},
	{"二、上年结转政府信息公开申请数量", "carried_over", [7]int64{2, 0, 0, 0, 0, 0, 2}},
	{"三、本年度办理结果 （一）予以公开", "granted", [7]int64{6, 1, 0, 0, 0, 0, 7}},
	{"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "partly_granted", [7]int64{1, 0, 0, 0, 0, 0, 1}},
	{"（三）不予公开 1.属于国家秘密", "withheld_state_secret", [7]int64{}},
	{"2.其他法律行政法规禁止公开", "withheld_law_prohibited", [7]int64{}},
	{"3.危及“三安全一稳定”", "withheld_security_stability", [7]int64{}},
	{"4.保护第三方合法权益", "withheld_third_party", [7]int64{}},
	{"5.属于三类内部事务信息", "withheld_internal_affairs", [7]int64{}},
	{"6.属于四类过程性信息", "withheld_process_info", [7]int64{}},
	{"7.属于行政执法案卷", "withheld_enforcement_file", [7]int64{}},
	{"8.属于行政查询事项", "withheld_inquiry", [7]int64{}},
	{"（四）无法提供 1.本机关不掌握相关政府信息", "unavailable_not_held", [7]int64{4, 1, 0, 1, 0, 0, 6}},
	{"2.没有现成信息需要另行制作", "unavailable_needs_creation", [7]int64{}},
	{"3.补正后申请内容仍不明确", "unavailable_unclear", [7]int64{}},
	{"（五）不予处理 1.信访举报投诉类申请", "not_processed_petition", [7]int64{1, 0, 0, 0, 0, 0, 1}},
	{"2.重复申请", "not_processed_duplicate", [7]int64{}},
	{"3.要求提供公开出版物", "not_processed_publication", [7]int64{}},
	{"4.无正当理由大量反复申请", "not_processed_excessive", [7]int64{}},
	{"5.要求行政机关确认或重新出具已获取信息", "not_processed_confirm", [7]int64{}},
	{"（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "other_no_correction", [7]int64{}},
	{"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "other_no_fee", [7]int64{}},
	{"3.其他", "other_misc", [7]int64{1, 1, 0, 0, 0, 0, 2}},
	{"（七）总计", "handled_total", [7]int64{13, 3, 0, 1, 0, 0, 17}},
	{"四、结转下年度继续办理", "carried_forward", [7]int64{1, 0, 0, 0, 0, 0, 1}},
}

// TestCrawledShapes: section 三 as crawlers and copies from pages give it —
// markdown rows under a |---| rule, tab-separated rows, a label and its
// numbers on two lines, a cell a line ended by " |" — reads every cell;
// rows whose blank 法人 cells were lost are refused, not guessed.
func TestCrawledShapes(t *testing.T) {
	cols := []string{"natural_person", "commercial", "research", "public_interest", "legal_services", "other", "total"}
	nums := func(v [7]int64, sep string) string {
		s := make([]string, len(v))
		for i, n := range v {
			s[i] = strconv.FormatInt(n, 10)
		}
		return strings.Join(s, sep)
	}
	const head = "青石县水利局2024年政府信息公开工作年度报告\n一、总体情况\n2024年，我局主动公开政府信息88条。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
	const tail = "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n"
	tests := []struct {
		name    string
		row     func(label string, v [7]int64) string
		header  string
		lost    map[int]bool // rows printed with only 自然人 and 总计
		refused []string     // rows left blank
	}{
		{"markdown", func(l string, v [7]int64) string { return "| " + l + " | " + nums(v, " | ") + " |\n" },
			"| （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | | | | | | |\n|---|---|---|---|---|---|---|---|\n| | 自然人 | 法人或其他组织 | | | | | 总计 |\n| | | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | |\n", nil, nil},
		{"tab separated", func(l string, v [7]int64) string { return l + "\t" + nums(v, "\t") + "\n" },
			"申请人情况\n自然人\t法人或其他组织\t总计\n商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n", nil, nil},
		{"label and numbers on two lines", func(l string, v [7]int64) string { return l + "\n" + nums(v, " ") + "\n" },
			"申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n", nil, nil},
		{"a cell a line", func(l string, v [7]int64) string { return l + " |\n" + nums(v, " |\n") + " |\n" },
			"申请人情况 |\n自然人 |\n法人或其他组织 |\n总计 |\n商业企业 |\n科研机构 |\n社会公益组织 |\n法律服务机构 |\n其他 |\n", nil, nil},
		{"lost blank 法人 cells", func(l string, v [7]int64) string { return "| " + l + " | " + nums(v, " | ") + " |\n" },
			"", map[int]bool{4: true, 5: true}, []string{"withheld_state_secret", "withheld_law_prohibited"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(head + tt.header)
			for i, r := range crawledRows {
				if tt.lost[i] {
					fmt.Fprintf(&b, "| %s | %d | %d |\n", r.label, r.vals[0], r.vals[6])
					continue
				}
				b.WriteString(tt.row(r.label, r.vals))
			}
			b.WriteString(tail)
			res, err := importer.Import(b.String())
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]int64{}
			for _, r := range crawledRows {
				if slices.Contains(tt.refused, r.path) {
					continue
				}
				for c, col := range cols {
					want["requests."+r.path+"."+col] = r.vals[c]
				}
			}
			wantCells(t, res.Report, want)
			for _, p := range tt.refused {
				found := false
				for _, n := range res.Notes {
					found = found || (n.Kind == importer.Unreadable && strings.Contains(n.Msg, "应有7个数"))
				}
				if !found {
					t.Errorf("%s: no note says the row is refused: %v", p, res.Notes)
				}
			}
		})
	}
}
