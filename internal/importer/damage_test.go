package importer_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// A damage does to a seed what real pages do to a report's text. It gets
// the text and the 1-based heading lines of its clean import (the tables
// lie between 二 and 五).
type damage struct {
	name string
	fn   func(text string, h [6]int) string
}

var damages = []damage{
	{"pipes to tabs", pipesToTabs},
	{"tabs to pipes", tabsToPipes},
	{"one cell per line", inTables(oneCellPerLine)},
	{"labels wrapped", inTables(wrapLabel)},
	{"script swapped", swapScript},
	{"full-width digits", fullWidthDigits},
	{"blank lines", blankLines},
	{"page debris", pageDebris},
	{"CR line ends", func(s string, _ [6]int) string { return strings.ReplaceAll(s, "\n", "\r") }},
	{"CRLF line ends", func(s string, _ [6]int) string { return strings.ReplaceAll(s, "\n", "\r\n") }},
	{"all, tabs", compose(pipesToTabs, inTables(wrapLabel), swapScript, fullWidthDigits, blankLines, pageDebris)},
	{"all, one per line", compose(tabsToPipes, inTables(oneCellPerLine), inTables(wrapLabel), swapScript, fullWidthDigits, blankLines, pageDebris)},
}

func pipesToTabs(s string, _ [6]int) string     { return strings.ReplaceAll(s, "|", "\t") }
func tabsToPipes(s string, _ [6]int) string     { return strings.ReplaceAll(s, "\t", " | ") }
func fullWidthDigits(s string, _ [6]int) string { return strings.Map(fullWidthDigit, s) }

// inTables applies f to every line of the tables (sections 二 to 四), each
// line becoming one or more lines.
func inTables(f func(string) []string) func(string, [6]int) string {
	return func(s string, h [6]int) string {
		lines := strings.Split(s, "\n")
		var out []string
		for i, l := range lines {
			if n := i + 1; n > h[1] && n < h[4] && !isHeadingLine(n, h) {
				out = append(out, f(l)...)
				continue
			}
			out = append(out, l)
		}
		return strings.Join(out, "\n")
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

func isHeadingLine(n int, h [6]int) bool {
	for _, at := range h {
		if at == n {
			return true
		}
	}
	return false
}

func splitCells(l string) []string {
	return strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '\t' })
}

// oneCellPerLine puts every non-empty cell on a line of its own (seed 000).
func oneCellPerLine(l string) []string {
	var out []string
	for _, c := range splitCells(l) {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		return []string{l}
	}
	return out
}

// wrapLabel breaks a line's first cell, when it is a label of six or more
// characters, in the middle: 一、本年新收政府信 / 息公开申请数量 | 125 | ….
func wrapLabel(l string) []string {
	trimmed := strings.TrimLeft(l, "\t |")
	lead := l[:len(l)-len(trimmed)]
	end := strings.IndexAny(trimmed, "|\t")
	if end < 0 {
		end = len(trimmed)
	}
	label := []rune(strings.TrimSpace(trimmed[:end]))
	if len(label) < 6 || !strings.ContainsFunc(string(label), isHan) {
		return []string{l}
	}
	half := len(label) / 2
	return []string{lead + string(label[:half]), string(label[half:]) + trimmed[end:]}
}

// swapScript writes the labels and headings of a simplified seed in
// traditional characters, and folds the traditional seed 000 to simplified.
func swapScript(s string, h [6]int) string {
	if strings.Contains(s, "政府信息公開") {
		return importer.Fold(s)
	}
	s2t := importer.S2T()
	toTrad := func(r rune) rune {
		if t, ok := s2t[r]; ok {
			return t
		}
		return r
	}
	lines := strings.Split(s, "\n")
	for i := range lines {
		if n := i + 1; n >= h[1] && n <= h[4] {
			lines[i] = strings.Map(toTrad, lines[i])
		}
	}
	return strings.Join(lines, "\n")
}

func fullWidthDigit(r rune) rune {
	if r >= '0' && r <= '9' {
		return r - '0' + '０'
	}
	return r
}

// blankLines doubles every line break and adds a line of spaces now and then.
func blankLines(s string, _ [6]int) string {
	lines := strings.Split(s, "\n")
	var out []string
	for i, l := range lines {
		out = append(out, l, "")
		if i%3 == 0 {
			out = append(out, " \u3000 ")
		}
	}
	return strings.Join(out, "\n")
}

// pageDebris adds a web page's navigation before and its footer after.
func pageDebris(s string, _ [6]int) string {
	return "首页 > 政务公开 > 政府信息公开年报\n当前位置：首页\n\n" + strings.TrimRight(s, "\n") +
		"\n\n相关词条\n\n热门词条\n\n联系我们\n附件：年度报告.doc\n年度报告.pdf\n版权所有：某某市人民政府办公室　网站标识码：3203000001\n"
}

// compose applies damages in order, each to the headings of its input.
func compose(fns ...func(string, [6]int) string) func(string, [6]int) string {
	return func(s string, _ [6]int) string {
		for _, fn := range fns {
			s = apply(s, fn)
		}
		return s
	}
}

// apply damages a text, using the headings the importer finds in it.
func apply(s string, fn func(string, [6]int) string) string {
	res, err := importer.Import(s)
	if err != nil {
		panic("damaged text is no report: " + err.Error())
	}
	return fn(s, res.Headings)
}

// noop are the damages that leave a seed as it is, because the seed has
// that shape already.
var noop = map[string]bool{
	"000/pipes to tabs": true, "000/tabs to pipes": true, "000/one cell per line": true,
	"001/tabs to pipes": true, "002/tabs to pipes": true, "003/pipes to tabs": true, "004/pipes to tabs": true,
}

// TestDamagedSeeds: every seed, after each damage, imports to the same
// format, org, year and values, with no cell it could not read, and every
// value's source line is within the damaged text.
func TestDamagedSeeds(t *testing.T) {
	for _, name := range seedNames {
		want := expected(t, name)
		clean := readSeed(t, name)
		for _, d := range damages {
			t.Run(name+"/"+d.name, func(t *testing.T) {
				text := apply(clean, d.fn)
				if text == clean && !noop[name+"/"+d.name] {
					t.Fatalf("the damage changed nothing")
				}
				res := mustImport(t, text)
				for _, diff := range valueDiffs(want, res.Report) {
					t.Error(diff)
				}
				if res.Report.Org != want.Org || res.Report.Year != want.Year {
					t.Errorf("org %q year %d, want %q %d", res.Report.Org, res.Report.Year, want.Org, want.Year)
				}
				for _, n := range res.Notes {
					if n.Kind == importer.Unreadable {
						t.Errorf("note %s", n)
					}
				}
				checkSources(t, text, res)
			})
		}
	}
}

// checkSources: what the result says it read is what it outputs — every
// cell reported as read holds a value, every value has a source line in the
// text, and a printed value's text is on that line (bytes that are not
// UTF-8 read as U+FFFD, and a lone \r ends a line).
func checkSources(t *testing.T, text string, res *importer.Result) {
	t.Helper()
	text = strings.ToValidUTF8(text, "\ufffd")
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	lines := strings.Split(text, "\n")
	if len(res.Cells) != len(res.Report.Values) {
		t.Fatalf("%d sources for %d cells", len(res.Cells), len(res.Report.Values))
	}
	for id, v := range res.Report.Values {
		src, path := res.Cells[id], res.Report.Template().Cells[id].Path
		switch {
		case src.Read() && v.State == report.Blank:
			t.Errorf("%s: read from line %d but blank", path, src.Line)
		case v.State != report.Blank && (src.Line < 1 || src.Line > len(lines)):
			t.Errorf("%s: value from line %d, text has %d lines", path, src.Line, len(lines))
		case src.Read() && !src.Filled && (src.Text == "" || !strings.Contains(lines[src.Line-1], src.Text)):
			t.Errorf("%s: %q is not on line %d", path, src.Text, src.Line)
		}
	}
	for _, n := range res.Notes {
		if n.Line < 0 || n.Line > len(lines) || !utf8.ValidString(n.Msg) {
			t.Errorf("note outside the text: %s", n)
		}
	}
}
