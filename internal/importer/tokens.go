package importer

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/report"
)

// Table text comes one cell per line (000), as "a | b | c" with runs of
// empty cells (001, 002), tab-separated with leading empty cells (003, 004),
// or space-separated as PDF text often is. The tokenizer turns every shape
// into one sequence of cells: text (labels, headers), values (numbers and
// 不适用 marks) and empty cells, each with its line. Blank lines carry no
// cell, so inserted blank lines change nothing; an empty cell between two
// values on one line is kept, because it may be a blank cell.

type tokKind uint8

const (
	tText tokKind = iota
	tValue
	tEmpty
	// tBlank is an empty cell of a table row read from a grid (a web page,
	// a Word table) after the row's label: a blank value cell, where the
	// grid leaves no doubt that it is one.
	tBlank
	// tLead is an empty cell of a line of text between a label and the
	// row's first value: a blank cell when the row's count needs it (二、
	// 上年结转… | | | | | | | 0 |), else the padding of a label column.
	tLead
)

type token struct {
	kind tokKind
	text string // as printed, trimmed: a cell, or a run of its words
	key  string // matching form, for text
	at   int    // 0-based line
}

// tableSections are the sections with a table: 二, 三, 四.
var tableSections = [3]int{1, 2, 3}

// tokenizeTables tokenizes the bodies of sections 二, 三 and 四.
func (rd *reader) tokenizeTables() {
	for i, j := range tableSections {
		if from, to, ok := rd.section(j); ok {
			if rd.inline {
				rd.lines = squeezeDigitSpaces(rd.lines, from, to)
			}
			rd.toks[i] = tokenize(rd.lines, rd.grid, from, to)
		}
	}
}

// tokenize splits lines [from, to) into cells. On a grid line (grid[i]),
// the empty cells after the row's last text cell are blank value cells.
func tokenize(lines []string, grid []bool, from, to int) []token {
	var toks []token
	for i := from; i < to; i++ {
		line := lines[i]
		if trim(line) == "" {
			continue
		}
		if loneBlank(lines, i, from, to) {
			toks = append(toks, token{kind: tBlank, at: i})
			continue
		}
		first := len(toks)
		start := 0
		for j, r := range line {
			if isSeparator(r) {
				toks = appendCell(toks, trim(line[start:j]), i)
				start = j + utf8.RuneLen(r)
			}
		}
		toks = appendCell(toks, trim(line[start:]), i)
		toks = append(toks[:first], joinDecimals(toks[first:])...)
		if i < len(grid) && grid[i] {
			markBlanks(toks[first:])
		} else {
			markLeadingBlanks(toks[first:])
		}
	}
	return toks
}

// digitSpaceRE is white space between two parts of a number.
var digitSpaceRE = regexp.MustCompile(`([0-9０-９.．])[ \t\x{3000}]+([0-9０-９.．])`)

// squeezeDigitSpaces drops, in lines [from, to), the spaces between
// digits: in text that came run together they are strays (230 000023,
// 43767. 7146), not cell boundaries; the arithmetic cuts the numbers.
func squeezeDigitSpaces(lines []string, from, to int) []string {
	out := append([]string(nil), lines...)
	for i := from; i < to; i++ {
		for s := ""; s != out[i]; {
			s = out[i]
			out[i] = digitSpaceRE.ReplaceAllString(s, "$1$2")
		}
	}
	return out
}

// decimalTailRE is the decimals of a number cut off by a space (.7146).
var decimalTailRE = regexp.MustCompile(`^[.．][0-9０-９]+$`)

// joinDecimals puts together, on one line, a number that a stray space
// cut at its decimal point: 43767. 7146 or 43767 .7146.
func joinDecimals(row []token) []token {
	out := row[:0]
	for i := 0; i < len(row); i++ {
		t := row[i]
		if t.kind == tValue && i+1 < len(row) && row[i+1].kind == tText {
			next := row[i+1].text
			switch {
			case decimalTailRE.MatchString(next):
				t.text += next
				i++
			case (next == "." || next == "．") && i+2 < len(row) && row[i+2].kind == tValue && !strings.ContainsAny(row[i+2].text, ".．"):
				t.text += next + row[i+2].text
				i += 2
			}
		}
		out = append(out, t)
	}
	return out
}

// loneBlank: line i is a lone "|" that stands for a blank cell — in a
// page's text printed one cell a line (本年新收… | / | / | / 0 |), a chain
// of them after a label or a value that leads to a value. A lone "|"
// that ends a row (0 | / | / 规章 |) leads to a label and is not one.
func loneBlank(lines []string, i, from, to int) bool {
	if !isLonePipe(lines[i]) {
		return false
	}
	prev := i - 1
	for prev >= from && (trim(lines[prev]) == "" || isLonePipe(lines[prev])) {
		prev--
	}
	next := i + 1
	for next < to && (trim(lines[next]) == "" || isLonePipe(lines[next])) {
		next++
	}
	if prev < from || next >= to {
		return false
	}
	return strings.HasSuffix(trim(lines[prev]), "|") && isValueLine(lines[next])
}

func isLonePipe(line string) bool { t := trim(line); return t == "|" || t == "｜" }

// isValueLine: a line of one value cell (0 |).
func isValueLine(line string) bool {
	t := strings.TrimSpace(strings.TrimRight(trim(line), "|｜ "))
	return t != "" && isValueWord(t)
}

// markLeadingBlanks marks the empty cells of a line of text between its
// last text cell and its first value (tLead): 二、上年结转政府信息公开申请
// 数量 | | | | | | | 0 | prints six blank cells before its total, where
// seed 004 pads its label columns the same way. Empty cells before a
// label (its group's merged cells) or after the last value (the row's
// end) are not cells.
func markLeadingBlanks(row []token) {
	lastText := -1
	for k, t := range row {
		if t.kind == tText {
			lastText = k
		}
	}
	if lastText < 0 {
		return
	}
	for k := lastText + 1; k < len(row) && row[k].kind != tValue; k++ {
		if k+1 < len(row) && row[k].kind == tEmpty {
			if slices.ContainsFunc(row[k+1:], func(t token) bool { return t.kind == tValue }) {
				row[k].kind = tLead
			}
		}
	}
}

// markBlanks turns the empty cells of one grid row that follow its last
// text cell into blank value cells.
func markBlanks(row []token) {
	for k := len(row) - 1; k >= 0 && row[k].kind != tText; k-- {
		if row[k].kind == tEmpty {
			row[k].kind = tBlank
		}
	}
}

// isSeparator separates cells on a line; empty cells are kept.
func isSeparator(r rune) bool { return r == '|' || r == '｜' || r == '\t' }

// appendCell appends the tokens of one cell: an empty token, or its words
// grouped into text runs and single values.
func appendCell(toks []token, cell string, at int) []token {
	if cell == "" {
		return append(toks, token{kind: tEmpty, at: at})
	}
	textFrom, textTo := -1, -1 // the text run being gathered, as a span of cell
	flush := func() {
		if textFrom >= 0 {
			text := cell[textFrom:textTo]
			toks = append(toks, token{kind: tText, text: text, key: key(text), at: at})
			textFrom = -1
		}
	}
	for i := 0; i < len(cell); {
		start := i
		for i < len(cell) && !isSpaceAt(cell, i) {
			_, n := utf8.DecodeRuneInString(cell[i:])
			i += n
		}
		w := cell[start:i]
		pieces := []piece{{0, len(w), w != "" && isValueWord(w)}}
		lost := lostBlankBefore(w)
		switch {
		case isLostBlank(w) && hasValueWord(cell):
			pieces = nil // ? 0: the page's &nbsp; before the number, lost in a wrong decoding
		case lost > 0:
			pieces = []piece{{lost, len(w), true}} // ？2
		case w != "" && !pieces[0].value:
			pieces = gluedPieces(w)
		}
		for _, p := range pieces {
			if p.value {
				flush()
				toks = append(toks, token{kind: tValue, text: w[p.from:p.to], at: at})
				continue
			}
			if textFrom < 0 {
				textFrom = start + p.from
			}
			textTo = start + p.to
		}
		for i < len(cell) && isSpaceAt(cell, i) {
			_, n := utf8.DecodeRuneInString(cell[i:])
			i += n
		}
	}
	flush()
	return toks
}

func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

// isLostBlank reports a word of nothing but question marks or U+FFFD, what a
// non-breaking space becomes when a page is decoded in the wrong charset.
func isLostBlank(w string) bool {
	return w != "" && strings.Trim(w, "?？\ufffd") == ""
}

// lostBlankBefore is the length of the lost blank glued before a value
// (？2), 0 for none.
func lostBlankBefore(w string) int {
	rest := strings.TrimLeft(w, "?？\ufffd")
	if rest == w || rest == "" || !isValueWord(rest) {
		return 0
	}
	return len(w) - len(rest)
}

// hasValueWord: some word of the cell is a value.
func hasValueWord(cell string) bool {
	return slices.ContainsFunc(strings.Fields(cell), isValueWord)
}

// isValueWord reports whether a word is a printed value: a number (ASCII
// or full-width digits, separators, a decimal point, a sign, a unit) or a
// 不适用 mark. "1." and "3、" are label ordinals, not values.
func isValueWord(w string) bool {
	if report.IsNotApplicable(w) {
		return true
	}
	core, _ := cutUnit(w)
	for _, p := range changePrefixes { // 减4 in the 2019 format's 本年增/减 column
		if c, ok := strings.CutPrefix(core, p); ok && c != "" {
			core = c
			break
		}
	}
	if last, _ := utf8.DecodeLastRuneInString(core); !isDigit(last) {
		return false
	}
	for i, r := range core {
		switch {
		case isDigit(r):
		case strings.ContainsRune(",，.．", r) && i > 0:
		case strings.ContainsRune("+-＋－", r) && i == 0:
		default:
			return false
		}
	}
	return true
}

// changePrefixes mark a change printed in words (增3, 减4).
var changePrefixes = []string{"增加", "减少", "增", "减"}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// units that may follow a printed number.
var units = []string{"万元", "件", "个", "元"}

// cutUnit splits a trailing unit off a number.
func cutUnit(w string) (core, unit string) {
	for _, u := range units {
		if c, ok := strings.CutSuffix(w, u); ok {
			return c, u
		}
	}
	return w, ""
}

// piece is a span of a word: a value or text.
type piece struct {
	from, to int
	value    bool
}

// gluedPieces cuts a word of crawled text in which labels and numbers run
// together (一、本年新收政府信息公开申请数量640020470二、上年结转…) into its
// text and its digit runs. A digit that begins a row's ordinal (00000002.
// 其他…: the 2 of 2.) stays with the text after it; a number keeps its
// decimals and a unit after it (14件). A word without a Chinese character
// is left whole.
func gluedPieces(w string) []piece {
	if !strings.ContainsFunc(w, isHan) || !strings.ContainsFunc(w, isDigit) {
		return []piece{{0, len(w), false}}
	}
	var out []piece
	add := func(from, to int, value bool) {
		if from >= to {
			return
		}
		if n := len(out); n > 0 && !out[n-1].value && !value {
			out[n-1].to = to
			return
		}
		out = append(out, piece{from, to, value})
	}
	textFrom := 0
	for i := 0; i < len(w); {
		r, n := utf8.DecodeRuneInString(w[i:])
		if !isDigit(r) {
			i += n
			continue
		}
		from := i
		end := digitsEnd(w, i)
		if next, _ := utf8.DecodeRuneInString(w[end:]); strings.ContainsRune(".．、", next) && end+utf8.RuneLen(next) < len(w) {
			// an ordinal: its single digit starts the text after
			_, ln := utf8.DecodeLastRuneInString(w[from:end])
			add(textFrom, from, false)
			add(from, end-ln, true)
			textFrom, i = end-ln, end
			continue
		}
		if prev, _ := utf8.DecodeLastRuneInString(w[:from]); prev == '第' || startsWithAny(w[end:], textCounters) {
			i = end // 第3项, 保留4位小数, 2024年: part of the text
			continue
		}
		for _, u := range units {
			if strings.HasPrefix(w[end:], u) {
				end += len(u)
				break
			}
		}
		add(textFrom, from, false)
		add(from, end, true)
		textFrom, i = end, end
	}
	add(textFrom, len(w), false)
	return out
}

// textCounters after a number make it part of a label, not a value.
var textCounters = []string{"位", "年", "月", "日", "号", "条", "项", "类", "种", "%", "％", "个工作日", "天"}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// digitsEnd is the end of the number starting at w[i]: digits, with
// decimals after a point.
func digitsEnd(w string, i int) int {
	for i < len(w) {
		r, n := utf8.DecodeRuneInString(w[i:])
		if isDigit(r) {
			i += n
			continue
		}
		if strings.ContainsRune(".．", r) && i+n < len(w) {
			if r2, _ := utf8.DecodeRuneInString(w[i+n:]); isDigit(r2) {
				i += n
				continue
			}
		}
		break
	}
	return i
}
