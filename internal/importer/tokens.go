package importer

import (
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
		first := len(toks)
		start := 0
		for j, r := range line {
			if isSeparator(r) {
				toks = appendCell(toks, trim(line[start:j]), i)
				start = j + utf8.RuneLen(r)
			}
		}
		toks = appendCell(toks, trim(line[start:]), i)
		if i < len(grid) && grid[i] {
			markBlanks(toks[first:])
		}
	}
	return toks
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
		if w := cell[start:i]; w != "" && isValueWord(w) {
			flush()
			toks = append(toks, token{kind: tValue, text: w, at: at})
		} else if w != "" {
			if textFrom < 0 {
				textFrom = start
			}
			textTo = i
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

// isValueWord reports whether a word is a printed value: a number (ASCII
// or full-width digits, separators, a decimal point, a sign, a unit) or a
// 不适用 mark. "1." and "3、" are label ordinals, not values.
func isValueWord(w string) bool {
	if report.IsNotApplicable(w) {
		return true
	}
	core, _ := cutUnit(w)
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
