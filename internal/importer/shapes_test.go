package importer_test

import (
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
			for _, text := range []string{n.Overview, n.Problems, n.Other, res.Report.Preface} {
				if strings.Contains(text, extract.ImageMark) {
					t.Errorf("an image's mark in the text: %q", text)
				}
			}
		})
	}
}
