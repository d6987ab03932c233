package importer

import (
	"errors"
	"strings"

	"nianbao/internal/report"
)

// fit puts a run of values into a row's cells in the official column
// order. The run must have exactly the row's number of values, or make it
// up with empty cells between values on one line (blank cells); section 三
// rows one short or one long are repaired where that is certain (realign,
// dropSubtotal). Anything else is left blank with a note: values are never
// shifted silently.
func (rd *reader) fit(tb *report.Table, row *report.Row, cells []cell) {
	n := len(row.Cells)
	all := cells // with the empty cells before the first value
	cells = withoutLead(cells)
	vals := printedOnly(cells)
	switch {
	case rd.inline && n > 1 && len(vals) > 0 && runDigits(vals) != "":
		// run-together text: its spaces are not cell boundaries; the
		// arithmetic cuts the row (glued.go)
		rd.pending = append(rd.pending, pendingRow{tb, row, cells})
	case len(vals) == n:
		rd.assign(row, vals, false)
	case len(cells) == n:
		rd.assign(row, cells, false)
		rd.noteBlanks(row, cells)
	case tb.Key == "requests" && len(vals) == n-1 && rd.canRealign(row, vals):
		rd.realign(row, vals)
	case tb.Key == "requests" && len(vals) == n+1:
		rd.dropSubtotal(row, vals)
	case len(all) == n:
		// 二、上年结转… | | | | | | | 0 |: the empty cells after the label
		// are the row's blank cells, the only way it has its count
		rd.assign(row, all, false)
		rd.noteBlanks(row, all)
	default: // cut by the arithmetic, or noted, once the table is read (glued.go)
		rd.pending = append(rd.pending, pendingRow{tb, row, cells})
	}
}

// canRealign: a row one cell short is repaired by realign (§9.5).
func (rd *reader) canRealign(row *report.Row, vals []cell) bool {
	nums, ok := rd.numbers(row, vals)
	return ok && nums[0] == nums[5] && nums[1]+nums[2]+nums[3]+nums[4] == 0
}

// withoutLead drops the empty cells before a row's first value that
// its count does not need (label padding).
func withoutLead(cells []cell) []cell {
	out := cells[:0:0]
	for _, c := range cells {
		if !c.lead {
			out = append(out, c)
		}
	}
	return out
}

func printedOnly(cells []cell) []cell {
	out := make([]cell, 0, len(cells))
	for _, c := range cells {
		if c.tok != nil {
			out = append(out, c)
		}
	}
	return out
}

// assign reads cells into the row's cells one for one; an empty cell stays
// blank.
func (rd *reader) assign(row *report.Row, cells []cell, unsure bool) {
	for i, c := range cells {
		if c.tok != nil {
			rd.setPrinted(row.Cells[i], c.tok, unsure)
		}
	}
}

func (rd *reader) noteBlanks(row *report.Row, cells []cell) {
	t := rd.rep.Template()
	var cols []string
	for i, c := range cells {
		if c.tok == nil {
			cols = append(cols, t.Cell(row.Cells[i]).ColName())
		}
	}
	if len(cols) > 0 {
		rd.note(cells[0].at, Info, "“%s”行：原文%s这%d格是空的，读作空白（未填写，不是0）", rd.rowName(row), strings.Join(cols, "、"), len(cols))
	}
}

// setPrinted reads one printed value into a cell, or notes why it cannot.
func (rd *reader) setPrinted(id report.CellID, tok *token, unsure bool) {
	t := rd.rep.Template()
	v, problem := parseValue(t, id, tok.text)
	if problem != "" {
		rd.note(tok.at, Unreadable, "%s：读到“%s”，%s；该格留空", t.Cell(id).Name(), tok.text, problem)
		return
	}
	rd.set(id, v, Source{Line: tok.at + 1, Text: tok.text, Unsure: unsure})
}

// parseValue reads a printed value: 不适用 marks as NotApplicable, numbers
// (with an optional unit that fits the cell) by report's own input rules.
func parseValue(t *report.Template, id report.CellID, text string) (report.Value, string) {
	if report.IsNotApplicable(text) {
		return report.Value{State: report.NotApplicable}, ""
	}
	core, unit := cutUnit(text)
	kind := t.Cell(id).Kind
	switch {
	case unit == "", kind == report.AmountWan && unit == "万元", kind == report.Count && (unit == "件" || unit == "个"):
	case kind == report.AmountWan && unit == "元":
		return report.Value{}, "金额印的是元，本表以万元为单位，未换算"
	default:
		return report.Value{}, "单位“" + unit + "”与这一格不符"
	}
	v, err := t.ParseInput(id, core)
	if err != nil {
		var ie *report.InputError
		if errors.As(err, &ie) {
			return report.Value{}, ie.Problem()
		}
		return report.Value{}, err.Error()
	}
	return v, ""
}

// realign repairs a section 三 row printed with one 法人或其他组织 cell
// missing (seed 004), where spec §9.5 finds it unambiguous: the first value
// is 自然人, the last 总计, the four between are 0 and 总计 equals 自然人, so
// every 法人 cell is 0 wherever the gap was. The four printed zeros go to
// the first four 法人 columns and a 0 is filled into the fifth, all marked
// unsure (the column is not known; the values are). Otherwise the row is
// left blank for a person.
func (rd *reader) realign(row *report.Row, vals []cell) {
	nums, ok := rd.numbers(row, vals)
	name, at := rd.rowName(row), vals[0].at
	if !ok || nums[0] != nums[5] || nums[1]+nums[2]+nums[3]+nums[4] != 0 {
		rd.note(at, Unreadable, "“%s”行只有6个数（%s），应为7个；缺的“法人或其他组织”单元格无法确定是哪一列、是多少，该行未读入，请对照原文填写",
			name, printed(vals))
		return
	}
	rd.assign(row, vals[:1], false)
	rd.assign(row, []cell{{}, vals[1], vals[2], vals[3], vals[4]}, true)
	rd.set(row.Cells[5], report.Num(0), Source{Line: at + 1, Unsure: true, Filled: true})
	rd.setPrinted(row.Cells[6], vals[5].tok, false)
	rd.realigned++
	rd.note(at, Repaired, "“%s”行只有6个数，缺1个“法人或其他组织”单元格；其余4个为0且总计(%d)等于自然人(%d)，已补0",
		name, nums[5], nums[0])
}

// dropSubtotal reads a section 三 row printed with a 法人或其他组织
// subtotal column (as some third-party templates add, spec §4.1), before
// or after the five 法人 columns. It is dropped where the column it could be
// is the sum of the five; where neither or both fit differently, the row is
// left blank.
func (rd *reader) dropSubtotal(row *report.Row, vals []cell) {
	nums, ok := rd.numbers(row, vals)
	name, at := rd.rowName(row), vals[0].at
	var picks [][]cell
	if ok && nums[1] == nums[2]+nums[3]+nums[4]+nums[5]+nums[6] {
		picks = append(picks, append([]cell{vals[0]}, vals[2:]...))
	}
	if ok && nums[6] == nums[1]+nums[2]+nums[3]+nums[4]+nums[5] {
		picks = append(picks, append(append([]cell{}, vals[:6]...), vals[7]))
	}
	if len(picks) == 0 || len(picks) == 2 && printed(picks[0]) != printed(picks[1]) {
		rd.note(at, Unreadable, "“%s”行有8个数（%s），应为7个，无法确定多出的是哪一个，该行未读入，请对照原文填写", name, printed(vals))
		return
	}
	rd.assign(row, picks[0], false)
	rd.note(at, Repaired, "“%s”行有8个数，多出的一个是“法人或其他组织”的小计（等于5类法人之和），已略去", name)
}

// numbers parses a run as counts; ok is false if any is not a number.
func (rd *reader) numbers(row *report.Row, vals []cell) ([]int64, bool) {
	t := rd.rep.Template()
	nums := make([]int64, len(vals))
	for i, c := range vals {
		v, problem := parseValue(t, row.Cells[0], c.tok.text)
		if problem != "" || v.State != report.Number {
			return nil, false
		}
		nums[i] = v.N
	}
	return nums, true
}

// realignSummary adds one note at section 三's heading when several rows
// were realigned, so that the log says it once before the row notes.
func (rd *reader) realignSummary(heading int) {
	if rd.realigned > 1 {
		rd.note(heading, Repaired, "第三部分有%d行各只有6个数，缺1个“法人或其他组织”单元格（见以下各行）。"+
			"这些行其余4个法人单元格都是0、总计等于自然人，缺的一格必为0，已补0；缺的是哪一列无法确定，不影响结果", rd.realigned)
	}
}
