package importer

import (
	"nianbao/internal/report"
)

// A PDF read in its text's own order (pdftotext without -layout) keeps a
// table's numbers in row order but may print labels away from them: a
// run of 28 numbers after one label, the labels of those rows after the
// next. Where the label reading of section 三 leaves rows unread, the
// numbers are read by position instead — the table's values in the
// official order — but only when their count is exactly the table's and
// every relation of the table (each row's total, each column's sum, 一+二=
// （七）+四) holds for them: the arithmetic, not the position, makes the
// reading certain. A table whose arithmetic does not hold keeps its label
// reading and its notes.

// positionalValues returns the table's values in printed order, or nil.
func positionalValues(tb *report.Table, toks []token) []cell {
	want := 0
	for _, row := range tb.Rows {
		want += len(row.Cells)
	}
	var cells []cell
	for i := range toks {
		switch toks[i].kind {
		case tValue:
			cells = append(cells, cell{tok: &toks[i], at: toks[i].at})
		case tBlank:
			cells = append(cells, cell{at: toks[i].at})
		}
		if len(cells) > want {
			return nil
		}
	}
	if len(cells) != want {
		return nil
	}
	return cells
}

// positional is a reading of tb by position: the cells in printed order
// with the values and where they were printed; nil when the count is not
// the table's or the arithmetic does not confirm it.
type positional struct {
	ids   []report.CellID
	cells []cell
	vals  []report.Value // by CellID
}

func readPositional(t *report.Template, tb *report.Table, toks []token) *positional {
	cells := positionalValues(tb, toks)
	if cells == nil {
		return nil
	}
	p := &positional{cells: cells, vals: make([]report.Value, len(t.Cells))}
	for _, row := range tb.Rows {
		p.ids = append(p.ids, row.Cells...)
	}
	for k, id := range p.ids {
		if cells[k].tok == nil {
			return nil // a blank cell cannot be confirmed by a sum
		}
		v, problem := parseValue(t, id, cells[k].tok.text)
		if problem != "" || v.State != report.Number {
			return nil
		}
		p.vals[id] = v
	}
	if !relationsHold(t, tb, p.vals) {
		return nil
	}
	return p
}

// apply stores the reading.
func (rd *reader) applyPositional(p *positional) {
	for k, id := range p.ids {
		rd.set(id, p.vals[id], Source{Line: p.cells[k].at + 1, Text: p.cells[k].tok.text})
	}
}

// relationsHold: tb has relations, and every one of them among its cells
// holds for vals.
func relationsHold(t *report.Template, tb *report.Table, vals []report.Value) bool {
	n := 0
	for _, rel := range t.Relations {
		if !inTable(t, tb, rel) {
			continue
		}
		n++
		if residual(rel, vals) != 0 {
			return false
		}
	}
	return n > 0
}

// residual is Plus − Minus of a relation over vals (0: it holds).
func residual(rel report.Relation, vals []report.Value) int64 {
	var sum int64
	for _, id := range rel.Plus {
		sum += vals[id].N
	}
	for _, id := range rel.Minus {
		sum -= vals[id].N
	}
	return sum
}

func inTable(t *report.Template, tb *report.Table, rel report.Relation) bool {
	for _, ids := range [][]report.CellID{rel.Plus, rel.Minus} {
		for _, id := range ids {
			if t.Cell(id).Table != tb {
				return false
			}
		}
	}
	return len(rel.Plus)+len(rel.Minus) > 0
}

// clearTable forgets what was read into tb, and the notes since mark.
func (rd *reader) clearTable(tb *report.Table, mark int) {
	for _, row := range tb.Rows {
		for _, id := range row.Cells {
			rd.set(id, report.Value{}, Source{})
		}
	}
	rd.res.Notes = rd.res.Notes[:mark]
}

// unreadableSince: a note since mark says something was not read.
func (rd *reader) unreadableSince(mark int) bool {
	for _, n := range rd.res.Notes[mark:] {
		if n.Kind == Unreadable {
			return true
		}
	}
	return false
}
