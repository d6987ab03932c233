package importer

import (
	"strings"
	"unicode/utf8"
)

// Text copied or crawled from a page often comes as one line (or a few):
// the headings inline in the paragraph flow, the table's cells run
// together. Where the headings are not found as lines, each line is cut
// before and after every heading text found in it (in order, each once),
// and the title is cut from the text after it, so that the sections can
// be found; the table's cells are cut by the tokenizer (gluedPieces) and
// its numbers by the arithmetic (glued.go).

// headingTexts are the printed headings (official and variants) of each
// section, folded.
var headingTexts = func() (texts [6][][]rune) {
	for i, h := range headingKeys {
		for _, k := range h {
			texts[i] = append(texts[i], []rune(k))
		}
	}
	return texts
}()

// splitInline cuts long lines at the headings in them; it reports whether
// it cut any.
func (rd *reader) splitInline() bool {
	var lines, where []string
	var grid []bool
	next, cut := 0, false
	for i, line := range rd.lines {
		parts := []string{line}
		if (i >= len(rd.grid) || !rd.grid[i]) && utf8.RuneCountInString(line) > 80 {
			parts, next = cutHeadings(line, next)
		}
		if len(parts) > 1 {
			cut = true
		}
		for _, p := range parts {
			lines = append(lines, p)
			if rd.grid != nil {
				grid, where = append(grid, rd.grid[i]), append(where, rd.where[i])
			}
		}
	}
	if cut {
		rd.lines, rd.grid, rd.where = cutTitle(lines), grid, where
		if rd.grid != nil && len(rd.lines) != len(rd.grid) { // the title was cut off the first line
			rd.grid, rd.where = append([]bool{false}, rd.grid...), append([]string{""}, rd.where...)
		}
	}
	return cut
}

// cutHeadings cuts a line before and after each heading from section next
// on that it holds, in order; it returns the parts and the next section.
func cutHeadings(line string, next int) ([]string, int) {
	rs := []rune(line)
	f := foldRunes(line)
	var parts []string
	from := 0
	for pos := 0; next < len(headingTexts); {
		at, end := -1, -1
		for _, h := range headingTexts[next] {
			if k := indexRunes(f[pos:], h); k >= 0 && (at < 0 || pos+k < at) {
				at, end = pos+k, pos+k+len(h)
			}
		}
		if at < 0 {
			break
		}
		if s := strings.TrimSpace(string(rs[from:at])); s != "" {
			parts = append(parts, s)
		}
		parts = append(parts, string(rs[at:end]))
		from, pos, next = end, end, next+1
	}
	if s := strings.TrimSpace(string(rs[from:])); s != "" || len(parts) == 0 {
		parts = append(parts, s)
	}
	return parts, next
}

// cutTitle cuts a title off the text run on after it on the first line
// that holds one (…工作年度报告本报告依据…).
func cutTitle(lines []string) []string {
	for i, l := range lines {
		if trim(l) == "" {
			continue
		}
		rs := []rune(l)
		f := string(foldRunes(l))
		for _, p := range titlePhrases {
			k := strings.Index(f, p)
			if k < 0 {
				continue
			}
			end := utf8.RuneCountInString(f[:k]) + utf8.RuneCountInString(p)
			if end > 60 || end >= len(rs) {
				return lines
			}
			out := append([]string{}, lines[:i]...)
			out = append(out, string(rs[:end]), string(rs[end:]))
			return append(out, lines[i+1:]...)
		}
		return lines
	}
	return lines
}

// indexRunes is strings.Index for rune slices.
func indexRunes(s, sub []rune) int {
	if len(sub) == 0 {
		return -1
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i] == sub[0] && runesEqual(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func runesEqual(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
