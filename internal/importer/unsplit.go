package importer

import (
	"strings"

	"nianbao/internal/report"
)

// Some offices print the 2021 format with section 三's （六）其他处理 as a
// single row of seven numbers, as the 2019 format had it, instead of its
// three rows 1.逾期不补正 / 2.逾期未缴纳费用 / 3.其他 (the format is
// still told by its other landmarks, format.go). That row is the sum of
// the three: where all its numbers are 0, each of the three is 0 — the
// only split there is — and they are read so; otherwise nothing says how
// the sum divides, and the three rows stay blank with a note.

// readUnsplitOther reads such a row: label is its label text, cells its
// values. It reports whether the label was the unsplit （六） row of a
// 2021 table.
func (rd *reader) readUnsplitOther(tb *report.Table, label string, cells []cell, found map[*report.Row]bool) bool {
	if tb.Key != "requests" || rd.res.Format != report.Format2021 || !strings.HasSuffix(label, key("（六）其他处理")) {
		return false
	}
	var rows []*report.Row
	for _, r := range tb.Rows {
		if len(r.Groups) > 0 && key(r.Groups[len(r.Groups)-1]) == key("（六）其他处理") {
			rows = append(rows, r)
		}
	}
	vals := printedOnly(withoutLead(cells))
	if len(rows) == 0 || len(vals) != len(rows[0].Cells) || anyFound(rows, found) {
		return false
	}
	at := vals[0].at
	if !rd.allZero(rows[0], vals) {
		for _, r := range rows {
			found[r] = true
		}
		rd.note(at, Unreadable, "“（六）其他处理”印为一行（%s），没有分为2021年格式的“1.申请人无正当理由逾期不补正…”“2.申请人逾期未按收费通知要求缴纳费用…”“3.其他”三行；这一行是三行之和，无法知道如何分到三行，三行留空，请按原始记录填写", printed(vals))
		return true
	}
	for _, r := range rows {
		found[r] = true
		rd.assign(r, vals, false)
	}
	rd.note(at, Repaired, "“（六）其他处理”印为一行，没有分为2021年格式的三行；这一行的数字都是0，三行之和为0，所以三行（逾期不补正、逾期未缴纳费用、其他）都读作0")
	return true
}

// anyFound: one of rows was read already (the table printed the three
// sub-rows too), so the single row is not spread over them.
func anyFound(rows []*report.Row, found map[*report.Row]bool) bool {
	for _, r := range rows {
		if found[r] {
			return true
		}
	}
	return false
}

// allZero: every value reads as 0 in the row's cells.
func (rd *reader) allZero(row *report.Row, vals []cell) bool {
	for i, c := range vals {
		if v, problem := parseValue(rd.rep.Template(), row.Cells[i], c.tok.text); problem != "" || v != report.Num(0) {
			return false
		}
	}
	return true
}
