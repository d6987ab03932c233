package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/internal/extract"
)

func mustRead(t *testing.T, data []byte) *extract.Document {
	t.Helper()
	d, err := extract.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func texts(d *extract.Document) []string {
	var out []string
	for _, l := range d.Lines() {
		out = append(out, l.Text)
	}
	return out
}

// TestKinds: the kind is decided by content, not by a name.
func TestKinds(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(`<html><head><meta charset="gb2312"><title>年报</title></head><body><p>一、总体情况</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		kind extract.Kind
		enc  string
		line string
	}{
		{"text", "一、总体情况\n本年度……", extract.Text, "UTF-8", "一、总体情况"},
		{"page", "<!DOCTYPE html><html><body><div class=nav>首页 &gt; 信息公开</div><p>一、总体情况</p></body></html>", extract.HTML, "UTF-8", "一、总体情况"},
		{"fragment pasted", "<p>一、总体情况</p><p>本年度</p>", extract.HTML, "UTF-8", "一、总体情况"},
		{"closing tags only", "一、总体情况</p>\n<p>本年度</p>", extract.HTML, "UTF-8", "一、总体情况"},
		{"gbk page", gbk, extract.HTML, "GBK/GB18030", "一、总体情况"},
		{"json data file, markup escaped", `{"code":200,"data":{"content":"\u003cp\u003e一、总体情况\u003c/p\u003e\u003ctable\u003e\u003ctr\u003e\u003ctd\u003ea\u003c/td\u003e\u003c/tr\u003e\u003c/table\u003e"}}`, extract.Script, "UTF-8", "一、总体情况"},
		{"script", `var x = 1; let content = "<p style='a'>一、总体情况</p><table border=\"1\"><tr><td colspan=\"2\">a</td></tr></table>";`, extract.Script, "UTF-8", "一、总体情况"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustRead(t, []byte(tt.in))
			if d.Kind != tt.kind || d.Encoding != tt.enc {
				t.Errorf("kind %s %s, want %s %s", d.Kind, d.Encoding, tt.kind, tt.enc)
			}
			if !strings.Contains("\n"+d.Text()+"\n", "\n"+tt.line+"\n") {
				t.Errorf("no line %q in\n%s", tt.line, d.Text())
			}
		})
	}
}

// TestRefused: files that are not a report's text say so in words.
func TestRefused(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", []byte(" \n"), extract.ErrEmpty},
		{"cut compound file", []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"), extract.ErrCFB},
		{"zip", []byte("PK\x03\x04not a docx"), extract.ErrNotDocx},
	}
	for _, tt := range tests {
		if _, err := extract.Read(tt.in); err != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, err, tt.want)
		}
	}
}

// TestGridSpans: rowspan and colspan are resolved as a browser lays the
// table out; Lines print each cell once, a blank cell as an empty cell.
func TestGridSpans(t *testing.T) {
	page := `<table><tr><td rowspan="2" colspan="2">头</td><td colspan=3>申请人情况</td></tr>
<tr><td>自然人</td><td>商业企业</td><td>总计</td></tr>
<tr><td rowspan=2>（三）不予公开</td><td>1.属于国家秘密</td><td><span>1</span><span>2</span></td><td>&nbsp;</td><td><p>1 2</p></td></tr>
<tr><td>2.其他</td><td>0</td><td></td><td>0</td></tr></table>`
	d := mustRead(t, []byte(page))
	if len(d.Blocks) != 1 || d.Blocks[0].Table == nil {
		t.Fatalf("blocks %+v", d.Blocks)
	}
	rows := d.Blocks[0].Table.Rows
	if len(rows) != 4 || len(rows[1]) != 5 || rows[1][2].Text != "自然人" || !rows[1][0].Covered || rows[1][0].Text != "头" {
		t.Errorf("row 2: %+v", rows[1])
	}
	if c := rows[3][0]; !c.Covered || c.Text != "（三）不予公开" {
		t.Errorf("row 4 col 1: %+v", c)
	}
	want := []string{
		"头 | 申请人情况",
		"自然人 | 商业企业 | 总计",
		"（三）不予公开 | 1.属于国家秘密 | 12 |  | 12",
		"2.其他 | 0 |  | 0",
	}
	if got := texts(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for i, l := range d.Lines() {
		if l.Table != 1 || l.Row != i+1 || l.Where() != "表1第"+string(rune('1'+i))+"行" {
			t.Errorf("line %d: %+v %s", i, l, l.Where())
		}
	}
}

// TestDivGrid: a table drawn with <div>s that says so (a grid class,
// display:table, an ARIA role) is a table, its &nbsp; cell a blank cell;
// divs that do not say so, or that have no row of two cells, are flow.
func TestDivGrid(t *testing.T) {
	const rows = `<div class="tr"><div class="td">信息内容</div><div class="td">本年处理决定数量</div></div>
<div class="tr"><div class="td">行政处罚</div><div class="td">7</div></div>
<div class="tr"><div class="td">行政强制</div><div class="td">&nbsp;</div></div>`
	table := []string{"信息内容 | 本年处理决定数量", "行政处罚 | 7", "行政强制 | "}
	flow := []string{"信息内容", "本年处理决定数量", "行政处罚", "7", "行政强制"}
	tests := []struct {
		name, page string
		want       []string
	}{
		{"grid class", `<div class="tbl zw">` + rows + `</div>`, table},
		{"display:table", `<div style="display: table; width:100%">` + rows + `</div>`, table},
		{"role", `<div role="table">` + rows + `</div>`, table},
		{"no grid class", `<div class="zw">` + rows + `</div>`, flow},
		{"a grid of one column", `<div class="table"><div>一、总体情况</div><div>本年度</div></div>`, []string{"一、总体情况", "本年度"}},
		{"a grid class around a real table", `<div class="table"><p>表一</p><table><thead><tr><td>信息内容</td><td>本年处理决定数量</td></tr></thead>` +
			`<tbody><tr><td>行政处罚</td><td>7</td></tr></tbody></table></div>`, []string{"表一", "信息内容 | 本年处理决定数量", "行政处罚 | 7"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := mustRead(t, []byte("<html><body>"+tt.page+"</body></html>"))
			if got := texts(d); strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestLayoutTable: a table that holds a table is page layout, read as
// flow; menus and scripts around the report are text, not tables.
func TestLayoutTable(t *testing.T) {
	page := `<html><head><style>p{}</style><script>var a="<p>x</p>";</script></head><body>
<table><tr><td><ul><li>首页</li><li>政务公开</li></ul></td><td>
<p class=MsoNormal><span>一、总</span><span>体情况<o:p></o:p></span></p>
<p>本年度报告
根据《条例》</p>
<table><tr><td>规章</td><td>3</td></tr></table></td></tr></table></body></html>`
	d := mustRead(t, []byte(page))
	want := []string{"首页", "政务公开", "一、总体情况", "本年度报告根据《条例》", "规章 | 3"}
	if got := texts(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lines\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestShanghaiScript reads the real JavaScript data file: the report is a
// string literal with \" escapes around every attribute.
func TestShanghaiScript(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "importer", "testdata", "real", "shanghai-2019.js"))
	if err != nil {
		t.Fatal(err)
	}
	d := mustRead(t, data)
	if d.Kind != extract.Script {
		t.Fatalf("kind %s", d.Kind)
	}
	lines := "\n" + d.Text() + "\n"
	for _, want := range []string{
		"\n2019年上海市人民政府办公厅政府信息公开工作年度报告\n",
		"\n三、本年度办理结果 | （一）予以公开 | 258 | 12 |  |  | 1 | 1 | \n",
		"\n5 |  |  | 2 | 7 | 8 |  |  | 1 | 9 |  |  |  |  | \n",
		"\n四、政府信息公开行政复议、行政诉讼情况\n",
	} {
		if !strings.Contains(lines, want) {
			t.Errorf("no %q in\n%s", want, lines)
		}
	}
	if strings.Contains(lines, "leaderName") || strings.Contains(lines, `\"`) {
		t.Errorf("script text leaked into the document")
	}
}

// TestPageWithScriptContent: a CMS page whose article is written by a
// script (var content = "…") with only menus in its markup is read from
// the script; a page with the article in its markup ignores its scripts.
func TestPageWithScriptContent(t *testing.T) {
	table := `<table><tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>2</td></tr><tr><td>行政许可</td><td>3</td></tr><tr><td>行政处罚</td><td>4</td></tr></table>`
	script := strings.ReplaceAll(`<p>一、总体情况</p>`+table, `"`, `\"`)
	page := `<html><body><ul><li>首页</li><li>信息公开</li></ul><div id="art"></div><script>var content = "` + script + `"; document.getElementById("art").innerHTML = content;</script></body></html>`
	d := mustRead(t, []byte(page))
	if d.Kind != extract.Script || !strings.Contains(d.Text(), "行政许可 | 3") || strings.Contains(d.Text(), "首页") {
		t.Errorf("kind %s text\n%s", d.Kind, d.Text())
	}
	both := `<html><body><p>一、总体情况</p>` + table + `<script>var x = "<p>旧文</p><table><tr><td>a</td></tr></table>";</script></body></html>`
	d = mustRead(t, []byte(both))
	if d.Kind != extract.HTML || strings.Contains(d.Text(), "旧文") {
		t.Errorf("kind %s text\n%s", d.Kind, d.Text())
	}
}
