package importer

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"nianbao/internal/report"
)

// cell is one position of a run of values: a printed value, or (tok nil)
// an empty cell between two values on one line, which may be a blank cell.
type cell struct {
	tok *token
	at  int
}

// valueRun collects the run of values starting at toks[i], up to the next
// text; it returns the run and the index after it. Empty cells count only
// between two values on the same line: elsewhere they are the padding of
// merged label cells.
func valueRun(toks []token, i int) ([]cell, int) {
	var cells []cell
	lastAt, empties := -1, 0
	for ; i < len(toks); i++ {
		t := &toks[i]
		switch t.kind {
		case tText:
			return cells, i
		case tEmpty:
			if t.at == lastAt {
				empties++
			}
		case tBlank:
			for ; empties > 0; empties-- {
				cells = append(cells, cell{at: t.at})
			}
			lastAt = t.at
			cells = append(cells, cell{at: t.at})
		case tValue:
			for ; t.at == lastAt && empties > 0; empties-- {
				cells = append(cells, cell{at: t.at})
			}
			empties, lastAt = 0, t.at
			cells = append(cells, cell{tok: t, at: t.at})
		}
	}
	return cells, i
}

// readRows reads the rows of table tb (section 二 of 2021, or 三) from its
// tokens: each run of values belongs to the row whose anchor ends the text
// before it. heading is the 0-based line of the section heading.
func (rd *reader) readRows(tb *report.Table, toks []token, heading int) {
	found := map[*report.Row]bool{}
	labelFrom := 0
	for i := 0; i < len(toks); {
		if !toks[i].isValue() {
			i++
			continue
		}
		cells, next := valueRun(toks, i)
		if row := rd.readRow(tb, toks[labelFrom:i], tailText(toks, next), cells, found); row != nil {
			rd.suspectSplit(row, toks, i, next)
		}
		labelFrom, i = next, next
	}
	rd.missingRows(tb, found, heading)
}

// readRow assigns one run of values to the row its label names, and
// returns that row (nil when none).
func (rd *reader) readRow(tb *report.Table, label []token, tail string, cells []cell, found map[*report.Row]bool) *report.Row {
	k := labelKey(label)
	row := matchRow(tb, k)
	for _, try := range []func(*report.Table, string) *report.Row{matchRow, matchRowLoose} {
		if row != nil {
			break
		}
		for _, s := range []string{k, k + tail} {
			if row = try(tb, s); row != nil {
				k = s
				break
			}
		}
	}
	at := cells[0].at
	if len(printedOnly(cells)) == 0 && (row == nil || found[row]) {
		return nil // blank cells under a header, or a repeated blank row: nothing was printed
	}
	switch {
	case row == nil:
		rd.note(at, Unreadable, "读到%d个数（%s），但前面没有可以识别的行名，未读入", len(cells), printed(cells))
		return nil
	case found[row]:
		rd.note(at, Unreadable, "“%s”行再次出现，这次的数字（%s）未读入，以第一次为准", rd.rowName(row), printed(cells))
		return nil
	}
	if rows := labelRows(tb, k); len(cells) > len(row.Cells) && rd.readBlock(tb, rows, row, cells, found) {
		return row
	}
	found[row] = true
	if official := officialKeys[row]; !strings.Contains(k, official) {
		rd.note(at, Info, "行名“%s”与官方表述“%s”不同，按“%s”行读取", printedLabel(label, row), row.Label, rd.rowName(row))
	}
	rd.fit(tb, row, cells)
	return row
}

// suspectSplit marks a row's first or last value unsure when the run of
// values toks[from:to] touches a text cell made of digits ("43767." before
// it, ".7146" after it): a number broken over two lines or cells, of which
// only a part was read as the value.
func (rd *reader) suspectSplit(row *report.Row, toks []token, from, to int) {
	if i := prevText(toks, from); i >= 0 && isDigitDebris(toks[i]) {
		rd.markSplit(row, toks[i], true)
	}
	if to < len(toks) && isDigitDebris(toks[to]) {
		rd.markSplit(row, toks[to], false)
	}
}

// prevText returns the text cell right before toks[i] (past empty cells),
// or -1.
func prevText(toks []token, i int) int {
	for i--; i >= 0; i-- {
		switch toks[i].kind {
		case tText:
			return i
		case tValue, tBlank:
			return -1
		}
	}
	return -1
}

// isDigitDebris: a text cell with digits and no Chinese character.
func isDigitDebris(t token) bool {
	return t.kind == tText && strings.ContainsAny(t.key, "0123456789") && !strings.ContainsFunc(t.key, isHan)
}

func (rd *reader) markSplit(row *report.Row, t token, first bool) {
	ids := row.Cells
	for k := range ids {
		id := ids[k]
		if !first {
			id = ids[len(ids)-1-k]
		}
		if src := &rd.res.Cells[id]; src.Read() {
			src.Unsure = true
			rd.note(src.Line-1, Unsure, "%s读到“%s”，旁边的“%s”也是数字，可能是一个数被拆开了，请对照原文核对",
				rd.rep.Template().Cell(id).Name(), src.Text, t.text)
			return
		}
	}
}

// labelRows are the rows of tb whose anchors occur in the label text, in
// the order they occur.
func labelRows(tb *report.Table, label string) []*report.Row {
	type at struct {
		i   int
		row *report.Row
	}
	var ats []at
	for _, ra := range tableAnchors[tb] {
		first := -1
		for _, a := range ra.anchors {
			if i := strings.Index(label, a); i >= 0 && (first < 0 || i < first) {
				first = i
			}
		}
		if first >= 0 {
			ats = append(ats, at{first, ra.row})
		}
	}
	sort.SliceStable(ats, func(a, b int) bool { return ats[a].i < ats[b].i })
	rows := make([]*report.Row, len(ats))
	for i, a := range ats {
		rows[i] = a.row
	}
	return rows
}

// readBlock reads a block of rows printed as their labels followed by all
// their numbers (规章 行政规范性文件 … 1 0 6 100 31 817, in a PDF's text
// order): when the labels name rows not yet read, in the template's order,
// ending with row, and the numbers are exactly theirs. The values are
// marked to check — nothing but their order says which row they are of —
// unless each row's total confirms them (section 三).
func (rd *reader) readBlock(tb *report.Table, rows []*report.Row, row *report.Row, cells []cell, found map[*report.Row]bool) bool {
	if len(rows) < 2 || rows[len(rows)-1] != row {
		return false
	}
	n, last := 0, -1
	for _, r := range rows {
		i := slices.Index(tb.Rows, r)
		if found[r] || i <= last {
			return false
		}
		n, last = n+len(r.Cells), i
	}
	if n != len(cells) {
		return false
	}
	unsure := tb.Key != "requests" || !rd.rowTotalsHold(rows, cells)
	k := 0
	var names []string
	for _, r := range rows {
		found[r] = true
		rd.assign(r, cells[k:k+len(r.Cells)], unsure)
		k += len(r.Cells)
		names = append(names, "“"+rd.rowName(r)+"”")
	}
	if unsure {
		rd.note(cells[0].at, Unsure, "%s这%d行的行名都在前面，后面跟着%d个数（%s）；已按行名的顺序依次读入，请对照原文核对", strings.Join(names, ""), len(rows), len(cells), printed(cells))
	} else {
		rd.note(cells[0].at, Repaired, "%s这%d行的行名都在前面，后面跟着%d个数；按行名的顺序依次读入，每行的总计都成立", strings.Join(names, ""), len(rows), len(cells))
	}
	return true
}

// rowTotalsHold: read row by row, every row's last value is the sum of
// the others.
func (rd *reader) rowTotalsHold(rows []*report.Row, cells []cell) bool {
	k := 0
	for _, r := range rows {
		nums, ok := rd.numbers(r, printedOnly(cells[k:k+len(r.Cells)]))
		if !ok || len(nums) != len(r.Cells) {
			return false
		}
		var sum int64
		for _, v := range nums[:len(nums)-1] {
			sum += v
		}
		if sum != nums[len(nums)-1] {
			return false
		}
		k += len(r.Cells)
	}
	return true
}

// tailText is the text that ends a wrapped label after its numbers: the
// text cell at toks[i] (right after a run) when its line has no values —
// in a PDF's layout the numbers stand on a label's middle line
// (2.其他法律行政法规禁止 / 0 0 0 … / 公开).
func tailText(toks []token, i int) string {
	if i >= len(toks) || toks[i].kind != tText {
		return ""
	}
	at := toks[i].at
	for j := i; j < len(toks) && toks[j].at == at; j++ {
		if toks[j].isValue() {
			return ""
		}
	}
	return toks[i].key
}

// isValue: a printed value or a blank value cell of a grid row.
func (t token) isValue() bool { return t.kind == tValue || t.kind == tBlank }

// labelKey joins the matching forms of the last text cells before a run:
// enough for a group cell and a label wrapped over several lines, without
// the header rows that precede a table's first row.
func labelKey(label []token) string {
	const maxCells = 8
	from, n := len(label), 0
	for from > 0 && n < maxCells {
		from--
		if label[from].kind == tText {
			n++
		}
	}
	var b strings.Builder
	for _, t := range label[from:] {
		if t.kind == tText {
			b.WriteString(t.key)
		}
	}
	return b.String()
}

// printedLabel is the printed text of the label cells from the one that
// holds the row's anchor on (at most the last four), as it stood in the text.
func printedLabel(label []token, row *report.Row) string {
	var texts []string
	k := ""
	for i := len(label) - 1; i >= 0 && len(texts) < 4; i-- {
		if label[i].kind != tText {
			continue
		}
		texts = append([]string{label[i].text}, texts...)
		k = label[i].key + k
		if matchAnchor(k, row) {
			break
		}
	}
	return strings.Join(texts, "")
}

func matchAnchor(k string, row *report.Row) bool {
	for _, a := range row.Anchors {
		if strings.Contains(k, a) {
			return true
		}
	}
	return false
}

// printed lists a run's values as printed, for a message.
func printed(cells []cell) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = "空"
		if c.tok != nil {
			parts[i] = c.tok.text
		}
	}
	return strings.Join(parts, " ")
}

// rowName names a row as a clerk would: （三）不予公开 1.属于国家秘密.
func (rd *reader) rowName(row *report.Row) string {
	return rd.rep.Template().Cell(row.Cells[0]).RowName()
}

// missingRows notes the rows of tb that the text did not give.
func (rd *reader) missingRows(tb *report.Table, found map[*report.Row]bool, heading int) {
	if len(found) == 0 {
		rd.note(heading, Unreadable, "没有读到第%s部分表格中的任何一行，该表留空", tb.Section)
		return
	}
	for _, row := range tb.Rows {
		if !found[row] {
			rd.note(heading, Unreadable, "第%s部分表格中没有找到“%s”行，该行留空", tb.Section, rd.rowName(row))
		}
	}
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }
