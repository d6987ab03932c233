package importer

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/report"
)

// When a page's cells are run together (640020470 is 64|0|0|2|0|4|70) or a
// stray space cuts a cell (230 000023), a row's numbers cannot be told
// apart by their printing. Only the report's arithmetic can cut them: a
// cut is a way to split the row's digits into its cells, every number
// without a leading zero; in section 三 a row's cut must make its total
// the sum of the six before it, and the rows' cuts together must make
// every column's （七）总计 the sum of its results and 一+二=（七）+四 hold;
// in section 四 each group's 总计 must be the sum of its four. Where one
// way fits, it is read (certain: no other reading agrees with the
// arithmetic); where several do, the cells they disagree on stay blank and
// the note says which readings were possible; where none does (a table
// that does not add up as printed), the row stays blank. Section 二 has no
// arithmetic: a run is read only when it can be cut one way (000).

// pendingRow is a row whose run of values did not fit its cells.
type pendingRow struct {
	tb    *report.Table
	row   *report.Row
	cells []cell
}

// maxCuts bounds the cuts kept per row, and cutBudget the steps spent
// finding them: a row that can be cut in more ways than that is not read.
const (
	maxCuts   = 64
	cutBudget = 200000
)

// group is part of a row's cells: n numbers, of which the last is the sum
// of the others when sum is set.
type group struct {
	n   int
	sum bool
}

// rowGroups is how a row's cells add up.
func rowGroups(tb *report.Table, row *report.Row) []group {
	n := len(row.Cells)
	switch tb.Key {
	case "requests", "reviews":
		return []group{{n, true}}
	}
	return []group{{n, false}}
}

// runDigits joins the printed values of a run into one digit string, or
// "" when one of them is not a whole number (a decimal, a 不适用 mark) or a
// cell is blank.
func runDigits(cells []cell) string {
	var b strings.Builder
	for _, c := range cells {
		if c.tok == nil {
			return ""
		}
		for _, r := range c.tok.text {
			switch {
			case r >= '0' && r <= '9':
				b.WriteRune(r)
			case r >= '０' && r <= '９':
				b.WriteRune('0' + r - '０')
			default:
				return ""
			}
		}
	}
	return b.String()
}

// printedBounds are the places in a run's digits where one printed
// number ends and the next begins. In a text with its line structure the
// spaces between numbers are real: a cut may split a printed number
// (640020470) but not join two. In text that came run together they are
// strays, and there are none.
func (rd *reader) printedBounds(vals []cell) []int {
	if rd.inline {
		return nil
	}
	var bounds []int
	n := 0
	for _, c := range vals[:len(vals)-1] {
		n += len(runDigits([]cell{c}))
		bounds = append(bounds, n)
	}
	return bounds
}

// cutsWithin returns the ways (at most maxCuts) to cut digits into the
// groups where no number runs across one of bounds.
func cutsWithin(digits string, groups []group, bounds []int) [][]int64 {
	crosses := func(from, to int) bool {
		for _, b := range bounds {
			if from < b && b < to {
				return true
			}
		}
		return false
	}
	var out [][]int64
	budget := cutBudget
	var parts []int64
	var walk func(pos, g, k int, sum int64)
	walk = func(pos, g, k int, sum int64) {
		if budget--; budget < 0 || len(out) >= maxCuts {
			return
		}
		if g == len(groups) {
			if pos == len(digits) {
				out = append(out, append([]int64(nil), parts...))
			}
			return
		}
		gr := groups[g]
		if k == gr.n-1 && gr.sum { // the total: the digits must be the sum
			s := strconv.FormatInt(sum, 10)
			if strings.HasPrefix(digits[pos:], s) && !crosses(pos, pos+len(s)) {
				parts = append(parts, sum)
				walk(pos+len(s), g+1, 0, 0)
				parts = parts[:len(parts)-1]
			}
			return
		}
		if k == gr.n {
			walk(pos, g+1, 0, 0)
			return
		}
		for l := 1; l <= 12 && pos+l <= len(digits); l++ {
			w := digits[pos : pos+l]
			if l > 1 && w[0] == '0' || crosses(pos, pos+l) {
				break
			}
			v, _ := strconv.ParseInt(w, 10, 64)
			parts = append(parts, v)
			walk(pos+l, g, k+1, sum+v)
			parts = parts[:len(parts)-1]
		}
	}
	walk(0, 0, 0, 0)
	return out
}

// resolvePending reads the pending rows of tb by their cuts, and notes
// the ones it cannot.
func (rd *reader) resolvePending(tb *report.Table) {
	var rows []pendingRow
	rest := rd.pending[:0]
	for _, p := range rd.pending {
		if p.tb == tb {
			rows = append(rows, p)
		} else {
			rest = append(rest, p)
		}
	}
	rd.pending = rest
	if len(rows) == 0 {
		return
	}
	cands := make([][][]int64, len(rows))
	for i, p := range rows {
		if !countsOnly(rd.rep.Template(), p.row) {
			continue // an amount is not cut: its digits are not whole numbers of cells
		}
		vals := printedOnly(p.cells)
		if !rd.inline && tb.Key == "active" && len(vals) > 1 {
			continue // printed apart and no arithmetic: a cut would split or join printed numbers
		}
		if d := runDigits(vals); d != "" && len(vals) == len(p.cells) {
			cands[i] = cutsWithin(d, rowGroups(tb, p.row), rd.printedBounds(vals))
		}
	}
	picks := rd.solveCuts(tb, rows, cands)
	var cut []string
	for i, p := range rows {
		if rd.settleRow(p, cands[i], picks[i], len(rows) <= 3) {
			cut = append(cut, rd.rowName(p.row))
		}
	}
	if len(rows) > 3 && len(cut) > 0 {
		rd.note(rows[0].cells[0].at, Repaired, "第%s部分表格中有%d行的数字连在一起（如从网页复制或抓取的文字），已按%s切分，每行都只有一种切分成立：%s",
			tb.Section, len(cut), cutRule(tb), strings.Join(cut, "；"))
	}
}

// solveCuts chooses among the rows' cuts by the relations of tb: for each
// row, the cuts that are part of some reading under which every relation
// holds (all the row's cuts when the relations cannot decide, none when
// no reading makes them hold).
func (rd *reader) solveCuts(tb *report.Table, rows []pendingRow, cands [][][]int64) [][]int {
	t := rd.rep.Template()
	picks := make([][]int, len(rows))
	vals := append([]report.Value(nil), rd.rep.Values...)
	known := make([]bool, len(vals))
	for id, v := range vals {
		known[id] = v.State == report.Number
	}
	pendingOf := map[report.CellID]int{}
	for i, p := range rows {
		for _, id := range p.row.Cells {
			pendingOf[id] = i
		}
	}
	var rels []report.Relation
	for _, rel := range t.Relations {
		if !inTable(t, tb, rel) || rel.Rule == report.RuleRowTotal || rel.Rule == report.RuleReviewTotal {
			continue // row totals are in the cuts already
		}
		ok := true
		for _, ids := range [][]report.CellID{rel.Plus, rel.Minus} {
			for _, id := range ids {
				if _, pend := pendingOf[id]; !known[id] && !(pend && len(cands[pendingOf[id]]) > 0) {
					ok = false
				}
			}
		}
		if ok {
			rels = append(rels, rel)
		}
	}
	// each relation is checked as soon as the last of its pending rows has
	// its cut, which prunes the search to what the columns allow
	lastRow := make([][]report.Relation, len(rows)+1)
	for _, rel := range rels {
		last := -1
		for _, ids := range [][]report.CellID{rel.Plus, rel.Minus} {
			for _, id := range ids {
				if i, ok := pendingOf[id]; ok && !known[id] && i > last {
					last = i
				}
			}
		}
		lastRow[last+1] = append(lastRow[last+1], rel)
	}
	holds := func(rels []report.Relation) bool {
		for _, rel := range rels {
			if residual(rel, vals) != 0 {
				return false
			}
		}
		return true
	}
	seen := make([]map[int]bool, len(rows))
	for i := range seen {
		seen[i] = map[int]bool{}
	}
	choice := make([]int, len(rows))
	budget, solutions := cutBudget, 0
	var walk func(i int)
	walk = func(i int) {
		if budget--; budget < 0 {
			return
		}
		if i == len(rows) {
			solutions++
			for j, c := range choice {
				if c >= 0 {
					seen[j][c] = true
				}
			}
			return
		}
		if len(cands[i]) == 0 {
			choice[i] = -1
			walk(i + 1)
			return
		}
		for c, cut := range cands[i] {
			choice[i] = c
			for k, id := range rows[i].row.Cells {
				vals[id] = report.Num(cut[k])
			}
			if holds(lastRow[i+1]) {
				walk(i + 1)
			}
		}
	}
	if holds(lastRow[0]) {
		walk(0)
	}
	for i := range rows {
		switch {
		case budget < 0 || len(rels) == 0:
			picks[i] = allCuts(cands[i])
		case solutions > 0:
			for c := range cands[i] {
				if seen[i][c] {
					picks[i] = append(picks[i], c)
				}
			}
		default: // the table does not add up as printed: each row by its own total
			picks[i] = allCuts(cands[i])
		}
	}
	return picks
}

func allCuts(c [][]int64) []int {
	out := make([]int, len(c))
	for i := range out {
		out[i] = i
	}
	return out
}

// settleRow reads a pending row: the cells on which all its possible cuts
// agree, the others blank with the readings in a note. It reports whether
// the row was read whole; say notes it then.
func (rd *reader) settleRow(p pendingRow, cands [][]int64, picks []int, say bool) bool {
	name, at := rd.rowName(p.row), p.cells[0].at
	vals := printedOnly(p.cells)
	if len(picks) == 0 && p.tb.Key == "requests" {
		if handled, ok := rd.realignGlued(p); handled {
			return ok
		}
	}
	if len(picks) > 1 && len(vals) == len(p.row.Cells) && p.tb.Key == "active" {
		// no arithmetic; the spaces as printed are one of the cuts: read
		// so, to check
		rd.assign(p.row, vals, true)
		rd.note(at, Unsure, "“%s”行的数字之间的空格（%s）不一定是单元格的分界，也可以切分为%d种其他读法；已按空格读入，请对照原文核对", name, printed(p.cells), len(picks)-1)
		return false
	}
	if p.tb.Key == "active" && len(vals) > 1 && len(vals) < len(p.row.Cells) {
		// No arithmetic confirms a cut of this table, and the spaces as
		// printed separate fewer numbers than the row has cells: a cut
		// would have to split a printed number (20 8 is not 2|0|8).
		rd.note(at, Unreadable, "“%s”行应有%d个数，读到%d个（%s），无法确定各数属于哪一列，该行未读入，请对照原文填写",
			name, len(p.row.Cells), len(vals), printed(p.cells))
		return false
	}
	if len(picks) == 0 {
		what := "无法确定各数属于哪一列"
		if len(cands) > 0 {
			what = "数字连在一起，但没有一种切分能使本表的勾稽关系成立"
		}
		rd.note(at, Unreadable, "“%s”行应有%d个数，读到%d个（%s），%s，该行未读入，请对照原文填写",
			name, len(p.row.Cells), len(vals), printed(p.cells), what)
		return false
	}
	var open []string
	from := sourcesOf(vals, cands[picks[0]])
	for k, id := range p.row.Cells {
		v := cands[picks[0]][k]
		same := true
		for _, c := range picks[1:] {
			same = same && cands[c][k] == v
		}
		if same {
			rd.set(id, report.Num(v), Source{Line: from[k].at + 1, Text: from[k].tok.text})
		} else {
			open = append(open, rd.rep.Template().Cell(id).ColName())
		}
	}
	if len(open) == 0 {
		if say {
			rd.note(at, Repaired, "“%s”行的数字连在一起（%s），按%s切分为 %s；只有这一种切分成立", name, printed(p.cells), cutRule(p.tb), cutText(cands[picks[0]]))
		}
		return true
	}
	var readings []string
	for _, c := range picks[:min(len(picks), 5)] {
		readings = append(readings, cutText(cands[c]))
	}
	more := ""
	if len(picks) > 5 {
		more = fmt.Sprintf(" 等%d种", len(picks))
	}
	rd.note(at, Unreadable, "“%s”行的数字连在一起（%s），按%s可以切分为：%s%s；%s这%d格无法确定，留空，请对照原文填写",
		name, printed(p.cells), cutRule(p.tb), strings.Join(readings, "，或 "), more, strings.Join(open, "、"), len(open))
	return false
}

// sourcesOf gives each part of a cut the printed value it was cut from
// (the one its first digit is in).
func sourcesOf(vals []cell, cut []int64) []cell {
	out := make([]cell, len(cut))
	pos, k, end := 0, 0, len(runDigits(vals[:1]))
	for i, v := range cut {
		for k < len(vals)-1 && pos >= end {
			k++
			end += len(runDigits(vals[k : k+1]))
		}
		out[i] = vals[k]
		pos += len(strconv.FormatInt(v, 10))
	}
	return out
}

func cutRule(tb *report.Table) string {
	switch tb.Key {
	case "requests":
		return "每行总计、各列合计和“一+二=（七）+四”"
	case "reviews":
		return "各组总计"
	}
	return "每格不以0开头"
}

func cutText(cut []int64) string {
	parts := make([]string, len(cut))
	for i, v := range cut {
		parts[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(parts, "|")
}

// realignGlued reads a section 三 row run together with one 法人 cell
// missing (seed 004's rows, glued): its digits cut one way into six
// numbers whose last is the sum, then repaired as realign repairs them
// (or noted where it cannot). handled: a note was written; ok: the row
// was read.
func (rd *reader) realignGlued(p pendingRow) (handled, ok bool) {
	d := runDigits(printedOnly(p.cells))
	if d == "" {
		return false, false
	}
	cs := cutsWithin(d, []group{{len(p.row.Cells) - 1, true}}, rd.printedBounds(printedOnly(p.cells)))
	if len(cs) != 1 {
		return false, false
	}
	at := p.cells[0].at
	cells := make([]cell, len(cs[0]))
	for i, v := range cs[0] {
		cells[i] = cell{tok: &token{kind: tValue, text: strconv.FormatInt(v, 10), at: at}, at: at}
	}
	before := len(rd.res.Notes)
	rd.realign(p.row, cells)
	for _, n := range rd.res.Notes[before:] {
		if n.Kind == Unreadable {
			return true, false
		}
	}
	return true, true
}

func countsOnly(t *report.Template, row *report.Row) bool {
	for _, id := range row.Cells {
		if t.Cell(id).Kind != report.Count {
			return false
		}
	}
	return true
}
