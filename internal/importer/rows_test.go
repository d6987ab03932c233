package importer_test

import (
	"errors"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// withLine returns seed text with its 1-based line n replaced.
func withLine(text string, n int, line string) string {
	lines := strings.Split(text, "\n")
	lines[n-1] = line
	return strings.Join(lines, "\n")
}

const blank = "空"

// TestRowShapes: one printed row of seed 002 (line 35, （一）予以公开, as
// printed 39 2 0 0 0 2 43) in the shapes real texts take, and what the
// importer makes of it: the values it reads (空 for blank, 不适用) and the
// kind of note it writes on that line ("" for none).
func TestRowShapes(t *testing.T) {
	const prefix = "三、本年度办理结果 | (一)予以公开 | "
	tests := []struct {
		name, row string
		want      [7]string
		note      importer.NoteKind
	}{
		{"as printed", "39 | 2 | 0 | 0 | 0 | 2 | 43 | |", [7]string{"39", "2", "0", "0", "0", "2", "43"}, ""},
		{"full-width digits", "３９ | ２ | ０ | ０ | ０ | ２ | ４３", [7]string{"39", "2", "0", "0", "0", "2", "43"}, ""},
		{"space separated", "39 2 0 0 0 2 43", [7]string{"39", "2", "0", "0", "0", "2", "43"}, ""},
		{"&nbsp; decoded in the wrong charset before numbers", "? 39 | ？2 | \ufffd 0 | 0 | 0 | ?? 2 | 43", [7]string{"39", "2", "0", "0", "0", "2", "43"}, ""},
		{"a cell of a question mark alone is no number", "39 | ? | 0 | 0 | 0 | 2 | 43", [7]string{blank, blank, blank, blank, blank, blank, blank}, importer.Unreadable},
		{"thousands and units", "1,039件 | 2 | 0 | 0 | 0 | 2 | 1，043", [7]string{"1039", "2", "0", "0", "0", "2", "1043"}, ""},
		{"not applicable", "39 | — | / | 不适用 | 0 | 2 | 41", [7]string{"39", "不适用", "不适用", "不适用", "0", "2", "41"}, ""},
		{"empty cell between values", "39 |  | 0 | 0 | 0 | 2 | 43", [7]string{"39", blank, "0", "0", "0", "2", "43"}, importer.Info},
		{"six values, other four zero, total = natural", "39 | 0 | 0 | 0 | 0 | 39", [7]string{"39", "0", "0", "0", "0", "0", "39"}, importer.Repaired},
		{"six values, total ≠ natural", "39 | 0 | 0 | 0 | 0 | 43", [7]string{blank, blank, blank, blank, blank, blank, blank}, importer.Unreadable},
		{"six values, a 法人 value not zero", "39 | 2 | 0 | 0 | 2 | 43", [7]string{blank, blank, blank, blank, blank, blank, blank}, importer.Unreadable},
		{"eight values, subtotal after 自然人", "39 | 4 | 2 | 0 | 0 | 0 | 2 | 43", [7]string{"39", "2", "0", "0", "0", "2", "43"}, importer.Repaired},
		{"eight values, subtotal before 总计", "39 | 2 | 0 | 0 | 0 | 2 | 4 | 43", [7]string{"39", "2", "0", "0", "0", "2", "43"}, importer.Repaired},
		{"eight values, no subtotal", "39 | 2 | 0 | 0 | 0 | 2 | 5 | 43", [7]string{blank, blank, blank, blank, blank, blank, blank}, importer.Unreadable},
		{"five values", "39 | 2 | 0 | 2 | 43", [7]string{blank, blank, blank, blank, blank, blank, blank}, importer.Unreadable},
		{"negative value", "-39 | 2 | 0 | 0 | 0 | 2 | 43", [7]string{blank, "2", "0", "0", "0", "2", "43"}, importer.Unreadable},
		{"fraction", "39.5 | 2 | 0 | 0 | 0 | 2 | 43", [7]string{blank, "2", "0", "0", "0", "2", "43"}, importer.Unreadable},
		{"total misprinted", "39 | 2 | 0 | 0 | 0 | 2 | 44", [7]string{"39", "2", "0", "0", "0", "2", "44"}, importer.Unsure},
	}
	seed := readSeed(t, "002")
	cols := report.T2021.Table("requests").Row("granted").Cells
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustImport(t, withLine(seed, 35, prefix+tt.row))
			for i, id := range cols {
				v := res.Report.Values[id]
				got := report.FormatValue(report.Count, v)
				if v.State == report.Blank {
					got = blank
				}
				if got != tt.want[i] {
					t.Errorf("%s = %s, want %s", report.T2021.Cell(id).ColKey, got, tt.want[i])
				}
			}
			if kind := noteKindAt(res, 35); kind != tt.note {
				t.Errorf("note on line 35: %q, want %q (notes %v)", kind, tt.note, res.Notes)
			}
		})
	}
}

// noteKindAt returns the most serious kind of note on a line.
func noteKindAt(res *importer.Result, line int) importer.NoteKind {
	rank := map[importer.NoteKind]int{"": 0, importer.Info: 1, importer.Repaired: 2, importer.Unsure: 3, importer.Unreadable: 4}
	kind := importer.NoteKind("")
	for _, n := range res.Notes {
		if n.Line == line && rank[n.Kind] > rank[kind] {
			kind = n.Kind
		}
	}
	return kind
}

// TestFeeShapes: the fee amount of seed 002 (line 28) as printed in 万元,
// with a unit, or in 元, which is not converted.
func TestFeeShapes(t *testing.T) {
	tests := []struct {
		cell string
		want string // 万元 as JSON writes it, 空 for blank
		note importer.NoteKind
	}{
		{"104.17", "104.17", ""},
		{"120,321.1863", "120321.1863", ""},
		{"3万元", "3", ""},
		{"251000元", blank, importer.Unreadable},
		{"1.23456", blank, importer.Unreadable},
		{"—", "不适用", ""},
	}
	seed := readSeed(t, "002")
	id := report.T2021.Lookup("active.fees.amount_wan")
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			res := mustImport(t, withLine(seed, 28, "行政事业性收费 | "+tt.cell+" |"))
			v := res.Report.Values[id]
			got := report.FormatValue(report.AmountWan, v)
			if v.State == report.Number {
				got = report.FormatWan(v.N, false)
			} else if v.State == report.Blank {
				got = blank
			}
			if got != tt.want {
				t.Errorf("amount %s, want %s", got, tt.want)
			}
			if kind := noteKindAt(res, 28); kind != tt.note {
				t.Errorf("note %q, want %q (notes %v)", kind, tt.note, res.Notes)
			}
		})
	}
}

// TestLabelVariants: rows are found by landmarks in label text that differs
// from the official wording, is split over cells, or carries the group.
func TestLabelVariants(t *testing.T) {
	tests := []struct {
		name, line string
		row        string
		note       importer.NoteKind
	}{
		{"variant wording", "2.其他法律法规禁止公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |", "withheld_law_prohibited", importer.Info},
		{"straight quotes", `3.危及"三安全一稳定" | 5 | 0 | 0 | 0 | 0 | 0 | 5 |`, "withheld_security_stability", ""},
		{"label over two cells", "2.其他法律行政 | 法规禁止公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |", "withheld_law_prohibited", ""},
		{"traditional", "2.其他法律行政法規禁止公開 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |", "withheld_law_prohibited", ""},
		{"full-width ordinal", "２．其他法律行政法规禁止公开 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |", "withheld_law_prohibited", ""},
	}
	seed := readSeed(t, "002")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Line 38 is （三）2; the seed has it 0 everywhere, so 5 proves
			// the row was read (and breaks R2, hence Unsure notes elsewhere).
			res := mustImport(t, withLine(seed, 38, tt.line))
			id := report.T2021.Lookup("requests." + tt.row + ".natural_person")
			if v := res.Report.Values[id]; v != report.Num(5) {
				t.Errorf("%s.natural_person = %+v, want 5", tt.row, v)
			}
			var kind importer.NoteKind
			for _, n := range res.Notes {
				if n.Line == 38 && n.Kind == importer.Info {
					kind = n.Kind
				}
			}
			if kind != tt.note {
				t.Errorf("note %q, want %q (notes %v)", kind, tt.note, res.Notes)
			}
		})
	}
}

// TestHeadingShapes: headings wrapped over two lines are found, a missing
// one is noted, a text with none is not a report.
func TestHeadingShapes(t *testing.T) {
	seed := readSeed(t, "002")
	wrapped := withLine(seed, 58, "四、政府信息公开行政复议、\n行政诉讼情况")
	if res := mustImport(t, wrapped); res.Headings[3] != 58 || res.Report.Values[report.T2021.Lookup("reviews.review.total")] != report.Num(16) {
		t.Errorf("wrapped heading: headings %v", res.Headings)
	}
	// A line that starts like a heading is not one; nor is a heading's
	// text again, after it was accepted.
	longer := mustImport(t, withLine(seed, 63, "五、存在的主要问题及改进情况说明如下：\n五、存在的主要问题及改进情况"))
	if longer.Headings[4] != 64 {
		t.Errorf("heading 五 at %d, want 64 (after a longer line)", longer.Headings[4])
	}
	again := mustImport(t, withLine(seed, 66, "二、主动公开政府信息情况"))
	if again.Headings[1] != 14 || !strings.Contains(again.Report.Narrative.Problems, "\n二、主动公开政府信息情况\n") {
		t.Errorf("heading 二 at %d, want 14; 五 reads %q", again.Headings[1], again.Report.Narrative.Problems)
	}
	missing := mustImport(t, withLine(seed, 14, "主动公开"))
	if missing.Headings[1] != 0 || missing.Notes[0].Kind != importer.Unreadable || missing.Notes[0].Line != 0 {
		t.Errorf("missing heading 二: headings %v, first note %v", missing.Headings, missing.Notes[0])
	}
	if _, err := importer.Import("这不是年度报告。\n一、前言\n正文"); !errors.Is(err, importer.ErrNotReport) {
		t.Errorf("a text without headings: err %v, want ErrNotReport", err)
	}
}

// TestSplitNumber: a number broken over two lines is not taken for a whole
// one silently: the part read as the value is marked unsure.
func TestSplitNumber(t *testing.T) {
	tests := []struct{ name, cell string }{
		{"point ends the first line", "43767.\n7146 |"},
		{"point starts the second line", "43767\n.7146 |"},
	}
	seed := readSeed(t, "002")
	id := report.T2021.Lookup("active.fees.amount_wan")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := mustImport(t, withLine(seed, 28, "行政事业性收费 | "+tt.cell))
			src := res.Cells[id]
			if !src.Unsure || noteKindAt(res, src.Line) != importer.Unsure {
				t.Errorf("source %+v, notes %v: want the amount marked unsure", src, res.Notes)
			}
		})
	}
}
