package importer

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"nianbao/internal/extract"
	"nianbao/internal/report"
)

// cell is one position of a run of values: a printed value, or (tok nil)
// an empty cell between two values on one line, which may be a blank cell.
type cell struct {
	tok *token
	at  int
	// lead marks an empty cell between the label and the first value
	// (tLead), a blank only when the row needs it.
	lead bool
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
		case tLead:
			cells = append(cells, cell{at: t.at, lead: true})
			lastAt = t.at
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
// tokens: each run of values belongs to the row whose landmark ends the text
// before it. heading is the 0-based line of the section heading.
func (rd *reader) readRows(tb *report.Table, toks []token, heading int) {
	found := map[*report.Row]bool{}
	runs := valueRunsAt(toks)
	after := labelsFollow(tb, toks, runs)
	if after {
		rd.note(toks[runs[0].from].at, Info, "第%s部分表格的行名印在各行数字之后（如OCR或PDF文字的顺序），按数字之后的行名读取", tb.Section)
	}
	skip := 0 // where the next label starts: after the text the last row took
	for k, r := range runs {
		cells, _ := valueRun(toks, r.from)
		var label []token
		var tail []int
		switch {
		case after:
			label = toks[r.next:runEnd(runs, k+1, len(toks))]
		case k == 0:
			label, tail = toks[:r.from], tailTexts(toks, r.next)
		default:
			label, tail = toks[max(runs[k-1].next, skip):r.from], tailTexts(toks, r.next)
		}
		row, took := rd.readRow(tb, label, tailKeys(toks, tail), cells, found)
		if row != nil && !after {
			rd.suspectSplit(row, toks, r.from, r.next)
		}
		skip = 0
		if took > 0 {
			skip = tail[took-1] + 1 // that text was this row's, not the next one's
		}
	}
	rd.missingRows(tb, found, heading, toks)
}

// span is a run of values: toks[from:next].
type span struct{ from, next int }

// valueRunsAt finds the runs of values of toks.
func valueRunsAt(toks []token) []span {
	var runs []span
	for i := 0; i < len(toks); {
		if !toks[i].isValue() {
			i++
			continue
		}
		_, next := valueRun(toks, i)
		runs = append(runs, span{i, next})
		i = next
	}
	return runs
}

func runEnd(runs []span, k, n int) int {
	if k < len(runs) {
		return runs[k].from
	}
	return n
}

// labelsFollow: the table's labels are printed after their numbers — the
// text after each run names strictly more rows than the text before it
// (with labels before, the text after a run names the next row, and the
// last run has none).
func labelsFollow(tb *report.Table, toks []token, runs []span) bool {
	if len(runs) == 0 || len(runs) > 4*len(tb.Rows) {
		return false // no table: a text of numbers
	}
	score := func(after bool) int {
		seen := map[*report.Row]bool{}
		for k, r := range runs {
			var label []token
			switch {
			case after:
				label = toks[r.next:runEnd(runs, k+1, len(toks))]
			case k == 0:
				label = toks[:r.from]
			default:
				label = toks[runs[k-1].next:r.from]
			}
			if row := matchRow(tb, labelKey(label)); row != nil {
				seen[row] = true
			}
		}
		return len(seen)
	}
	return score(true) > score(false)
}

// readRow reads one run of values into the row its label names; it
// returns the row (nil if none was read) and how many of the text cells
// after the numbers its label needed (a label wrapped around them in a
// PDF's layout: 3.补正后申请内容仍 / 0 0 0 … / 不明确, or its numbers on its
// first line: 2.申请人逾期未按收 / 0 0 0 … / 费通知要求缴纳费 / 用、…): the
// fewest that name a row, which then are not the next row's.
func (rd *reader) readRow(tb *report.Table, label []token, tail []string, cells []cell, found map[*report.Row]bool) (*report.Row, int) {
	k := labelKey(label)
	var row *report.Row
	took := 0
	for _, loose := range []bool{false, true} {
		with := k
		for n := 0; n <= len(tail) && row == nil; n++ {
			if n > 0 {
				with += tail[n-1]
			}
			if row = rd.match(tb, with, loose); row != nil {
				k, took = with, n
			}
		}
		if row != nil {
			break
		}
	}
	row = rd.readMatched(tb, row, k, label, cells, found)
	if row == nil {
		took = 0
	}
	return row, took
}

// readMatched reads the values into row, matched by the label key k.
func (rd *reader) readMatched(tb *report.Table, row *report.Row, k string, label []token, cells []cell, found map[*report.Row]bool) *report.Row {
	at := cells[0].at
	if len(printedOnly(cells)) == 0 && (row == nil || found[row]) {
		return nil // blank cells under a header, or a repeated blank row: nothing was printed
	}
	switch {
	case row == nil && rd.readGroupBlock(tb, k, cells, found):
		return nil
	case row == nil && rd.readUnsplitOther(tb, k, cells, found):
		return nil
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
		case tValue, tBlank, tLead:
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

// matchKey is a label matched against a table, exactly or loosely.
type matchKey struct {
	tb    *report.Table
	label string
	loose bool
}

// match is matchRow (or matchRowLoose), remembered for the import: a long
// text repeats its labels (a page's header rows, a pasted text twice).
func (rd *reader) match(tb *report.Table, label string, loose bool) *report.Row {
	mk := matchKey{tb, label, loose}
	if row, ok := rd.matched[mk]; ok {
		return row
	}
	var row *report.Row
	if loose {
		row = matchRowLoose(tb, label)
	} else {
		row = matchRow(tb, label)
	}
	if rd.matched == nil {
		rd.matched = map[matchKey]*report.Row{}
	}
	rd.matched[mk] = row
	return row
}

// labelRows are the rows of tb whose landmarks occur in the label text, in
// the order they occur.
func labelRows(tb *report.Table, label string) []*report.Row {
	type at struct {
		i   int
		row *report.Row
	}
	var ats []at
	for _, ra := range tableLandmarks[tb] {
		first := -1
		for _, a := range ra.landmarks {
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

// readGroupBlock reads the numbers printed after a group's label with
// the labels of its rows left out ((三)不予公开 | 0 | 0 | … 56 numbers):
// when the label ends with the group's name, none of its rows was read,
// and the numbers are exactly theirs. They are read in the official
// order of the rows; unless every row's numbers are the same (the order
// then does not matter), they are marked to check.
func (rd *reader) readGroupBlock(tb *report.Table, label string, cells []cell, found map[*report.Row]bool) bool {
	for _, g := range groupRows(tb) {
		if !strings.HasSuffix(label, g.key) {
			continue
		}
		n := 0
		for _, r := range g.rows {
			if found[r] {
				return false
			}
			n += len(r.Cells)
		}
		if n != len(cells) || len(printedOnly(cells)) != n {
			return false
		}
		same := true
		width := len(g.rows[0].Cells)
		for i, c := range cells {
			same = same && c.tok.text == cells[i%width].tok.text
		}
		k := 0
		for _, r := range g.rows {
			found[r] = true
			rd.assign(r, cells[k:k+len(r.Cells)], !same)
			k += len(r.Cells)
		}
		if same {
			rd.note(cells[0].at, Repaired, "“%s”之后没有各行的行名，只有%d个数，正好是它的%d行；各行的数都相同，已依次读入", g.label, n, len(g.rows))
		} else {
			rd.note(cells[0].at, Unsure, "“%s”之后没有各行的行名，只有%d个数（%s），正好是它的%d行；已按官方表格的行序依次读入，请对照原文核对", g.label, n, printed(cells), len(g.rows))
		}
		return true
	}
	return false
}

// tableGroup is a merged group cell of a table and its rows in order.
type tableGroup struct {
	label, key string
	rows       []*report.Row
}

// groupRows lists tb's groups of more than one row ((三)不予公开 …).
func groupRows(tb *report.Table) []tableGroup { return tableGroups[tb] }

// tableGroups are the groups of the tables of both templates.
var tableGroups = func() map[*report.Table][]tableGroup {
	m := map[*report.Table][]tableGroup{}
	for _, t := range []*report.Template{report.T2021, report.T2019} {
		for _, tb := range t.Tables {
			m[tb] = buildGroups(tb)
		}
	}
	return m
}()

func buildGroups(tb *report.Table) []tableGroup {
	var out []tableGroup
	for _, r := range tb.Rows {
		if len(r.Groups) < 2 {
			continue
		}
		g := r.Groups[len(r.Groups)-1]
		if len(out) == 0 || out[len(out)-1].label != g {
			out = append(out, tableGroup{label: g, key: key(g)})
		}
		out[len(out)-1].rows = append(out[len(out)-1].rows, r)
	}
	return out
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

// tailTexts are the text cells that may end a wrapped label after its
// numbers: from toks[i] (right after a run) on, those on lines without
// values, up to the next run — in a PDF's layout the numbers stand on a
// label's middle line (2.其他法律行政法规禁止 / 0 0 0 … / 公开) or on its
// first. It returns their indices, at most maxTail of them.
func tailTexts(toks []token, i int) []int {
	const maxTail = 8
	var out []int
	for ; i < len(toks) && len(out) < maxTail; i++ {
		switch {
		case toks[i].isValue():
			return out
		case toks[i].kind == tText:
			if lineHasValue(toks, i) {
				return out
			}
			out = append(out, i)
		}
	}
	return out
}

// lineHasValue: the line of toks[i] holds a value.
func lineHasValue(toks []token, i int) bool {
	at := toks[i].at
	for j := i; j >= 0 && toks[j].at == at; j-- {
		if toks[j].isValue() {
			return true
		}
	}
	for j := i; j < len(toks) && toks[j].at == at; j++ {
		if toks[j].isValue() {
			return true
		}
	}
	return false
}

// tailKeys are the matching forms of the text cells at the indices.
func tailKeys(toks []token, idx []int) []string {
	keys := make([]string, len(idx))
	for n, i := range idx {
		keys[n] = toks[i].key
	}
	return keys
}

// isValue: a printed value or a blank value cell of a grid row.
func (t token) isValue() bool { return t.kind == tValue || t.kind == tBlank || t.kind == tLead }

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
// holds the row's landmark on (at most the last four), as it stood in the text.
func printedLabel(label []token, row *report.Row) string {
	var texts []string
	k := ""
	for i := len(label) - 1; i >= 0 && len(texts) < 4; i-- {
		if label[i].kind != tText {
			continue
		}
		texts = append([]string{label[i].text}, texts...)
		k = label[i].key + k
		if matchLandmark(k, row) {
			break
		}
	}
	return strings.Join(texts, "")
}

func matchLandmark(k string, row *report.Row) bool {
	for _, a := range row.Landmarks {
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
func (rd *reader) missingRows(tb *report.Table, found map[*report.Row]bool, heading int, toks []token) {
	if len(found) == 0 {
		if at := rd.imageIn(heading); at >= 0 {
			rd.note(at, Unreadable, imageTableMsg, tb.Section)
			return
		}
		rd.note(heading, Unreadable, "没有读到第%s部分表格中的任何一行，该表留空", tb.Section)
		return
	}
	for _, row := range tb.Rows {
		if found[row] {
			continue
		}
		if at := labelWithoutValues(toks, row); at >= 0 {
			rd.note(at, Unreadable, "第%s部分表格中“%s”行印出了行名，但没有读到它的数字（网页上的空白格在复制或抓取的文字中会丢失），该行留空，请对照原文填写", tb.Section, rd.rowName(row))
			continue
		}
		rd.note(heading, Unreadable, "第%s部分表格中没有找到“%s”行，该行留空", tb.Section, rd.rowName(row))
	}
}

// labelWithoutValues is the line of a text token that names row (its
// landmark) though no numbers were read for it — a div grid's blank cell,
// lost with its markup — or -1.
func labelWithoutValues(toks []token, row *report.Row) int {
	for _, t := range toks {
		if t.kind == tText && matchLandmark(t.key, row) {
			return t.at
		}
	}
	return -1
}

func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// imageTableMsg says that a section's table is a picture on the page.
const imageTableMsg = "第%s部分的表格在原文中是图片，图片中的数字无法读取，该表留空，请对照原文填写"

// imageIn is the first image mark in the section whose heading is at
// line heading, or -1.
func (rd *reader) imageIn(heading int) int {
	for j, at := range rd.head {
		if at != heading || at < 0 {
			continue
		}
		from, to, _ := rd.section(j)
		for i := from; i < to; i++ {
			if trim(rd.lines[i]) == extract.ImageMark {
				return i
			}
		}
	}
	return -1
}
