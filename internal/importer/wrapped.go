package importer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A PDF's text breaks a paragraph wherever its line was full, so that a
// sentence — and the number in it that a narrative check reads — can sit
// on two lines, or on two pages (政府网站平台主动公开政府信息 1136 / 条。). The
// narrative of a PDF is read with its wrapped lines joined back: a line
// that reaches the right margin (its width within a little of the
// report's full lines) goes on in the next one, over the blank lines a
// page break leaves, unless it ends a sentence (。！？) — where only a
// -layout text's indents tell whether the paragraph goes on — or a list
// item begins (（二）… after a line ending in punctuation); a short line
// ends its paragraph. A paragraph split at a full stop keeps every
// sentence whole. Two numbers or words that meet at the join are kept apart by
// a space, and the spaces pdftotext puts beside Chinese characters (2023
// 年, 邮 编 ：), where the report printed none, are dropped.

// wrapSlack is how much narrower than the full lines a wrapped line may
// be, in half-width columns: three Chinese characters (the indent of a
// first line, justification).
const wrapSlack = 6

// pageShape is what the lines of a PDF's running text tell of its page:
// the width of a full line, and — in a -layout text, where a paragraph's
// first line is indented and the lines it wraps onto are not — the left
// margin. A full line ending a sentence then goes on in the next line
// unless that one is indented.
type pageShape struct {
	full    int // 0: too few lines to tell; nothing is joined
	margin  int // the spaces before an unindented line
	indents bool
}

// measurePage finds the shape of the page from the lines of running text.
func measurePage(lines []string) pageShape {
	var ws, leads []int
	for _, l := range lines {
		if t := trim(l); t != "" {
			ws = append(ws, width(strings.TrimRight(l, " \t")))
			leads = append(leads, len(l)-len(strings.TrimLeft(l, " ")))
		}
	}
	if len(ws) < 4 {
		return pageShape{}
	}
	slices.Sort(ws)
	slices.Sort(leads)
	ps := pageShape{full: ws[len(ws)*3/4], margin: leads[0]}
	indented := 0
	for _, n := range leads {
		if n >= ps.margin+2 {
			indented++
		}
	}
	ps.indents = indented > 0 && 2*indented < len(leads)
	return ps
}

// wraps: the line (t trimmed) went on in the next: it reaches the right
// margin, or it stops short inside a word (before a long word kept
// whole: 设置“助 / 企纾困…) at least two thirds of the way there — a
// heading is shorter, a paragraph's last line ends with punctuation.
func (ps pageShape) wraps(l, t string) bool {
	w := width(strings.TrimRight(l, " \t"))
	return w >= ps.full-wrapSlack || !endsPunct(t) && 3*w >= 2*ps.full
}

// indented: the line starts right of the margin, as a paragraph's first.
func (ps pageShape) indented(l string) bool {
	return len(l)-len(strings.TrimLeft(l, " ")) >= ps.margin+2
}

// pdfParagraphs is paragraphs for the lines of a PDF's text: its wrapped
// lines joined, its paragraphs one a line.
func pdfParagraphs(lines []string, ps pageShape) string {
	if ps.full == 0 {
		text, _ := lineParagraphs(lines, 0, len(lines))
		return text
	}
	text, _ := joinWrapped(ps.measure(lines, 0))
	return text
}

// pline is a line of running text with what its page says of it.
type pline struct {
	at    int    // its index among the lines read
	text  string // trimmed, pdftotext's spaces beside Chinese dropped
	wraps bool   // it goes on in the next line (pageShape.wraps)
	// indented: it starts right of the margin where the page indents
	// its paragraphs' first lines (pageShape.indents); false elsewhere
	indented, indents bool
}

// measure reads lines by the page's shape; the first is at index base.
func (ps pageShape) measure(lines []string, base int) []pline {
	out := make([]pline, len(lines))
	for i, l := range lines {
		out[i].at = base + i
		if t := trim(l); t != "" {
			out[i] = pline{at: base + i, text: squeezeWide(t), wraps: ps.wraps(l, t), indented: ps.indents && ps.indented(l), indents: ps.indents}
		}
	}
	return out
}

// joinWrapped joins the lines into paragraphs, one a line, and gives the
// index (pline.at) of each paragraph's first line.
func joinWrapped(lines []pline) (string, []int) {
	var paras []string
	var starts []int
	var cur strings.Builder
	full, ended := false, false // the last line was full; it ended a sentence
	for _, l := range lines {
		if l.text == "" {
			full = full && !ended // a page break inside a sentence
			continue
		}
		join := full && !(startsItem(l.text) && endsPunct(cur.String()))
		if ended {
			join = join && l.indents && !l.indented
		}
		if join {
			joinTo(&cur, l.text)
		} else {
			if cur.Len() > 0 {
				paras = append(paras, cur.String())
			}
			cur.Reset()
			cur.WriteString(l.text)
			starts = append(starts, l.at)
		}
		full, ended = l.wraps, sentenceEnd(l.text)
	}
	if cur.Len() > 0 {
		paras = append(paras, cur.String())
	}
	return strings.Join(paras, "\n"), starts
}

// width is a line's width in half-width columns, its indent included: a
// Chinese or full-width character takes two.
func width(s string) int {
	n := 0
	for _, r := range s {
		n++
		if isWide(r) {
			n++
		}
	}
	return n
}

func isWide(r rune) bool { return r >= 0x2E80 }

// sentenceEnd: the text ends a sentence.
func sentenceEnd(t string) bool {
	t = strings.TrimRight(trim(t), "”’」』）)")
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune("。！？!?", r)
}

// endsPunct: the text ends with punctuation (a list item ends so).
func endsPunct(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	return unicode.IsPunct(r)
}

// startsItem: the line begins a heading or a list item: 一、 （一） (1)
// 1. 1、 ① 一是.
func startsItem(t string) bool {
	f := fold(t)
	r, n := utf8.DecodeRuneInString(f)
	rest := f[n:]
	switch {
	case strings.ContainsRune("一二三四五六七八九十", r):
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, "是")
	case r == '(':
		i := strings.IndexByte(rest, ')')
		return i >= 0 && i <= 12
	case r >= '0' && r <= '9':
		rest = strings.TrimLeft(rest, "0123456789")
		return strings.HasPrefix(rest, "、") || strings.HasPrefix(rest, ".") && !strings.HasPrefix(rest, ".0")
	case r >= '①' && r <= '⑳':
		return true
	}
	return false
}

// joinTo appends the next line of a paragraph, with a space where two
// numbers or words would otherwise run together (12 / 3个 is not 123个).
func joinTo(b *strings.Builder, t string) {
	last, _ := utf8.DecodeLastRuneInString(b.String())
	first, _ := utf8.DecodeRuneInString(t)
	if isASCIIAlnum(last) && isASCIIAlnum(first) {
		b.WriteByte(' ')
	}
	b.WriteString(t)
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z')
}

// squeezeWide drops the spaces beside a Chinese or full-width character.
func squeezeWide(t string) string {
	if !strings.Contains(t, " ") {
		return t
	}
	rs := []rune(t)
	out := rs[:0]
	for i, r := range rs {
		if r == ' ' && (len(out) > 0 && isWide(out[len(out)-1]) || i+1 < len(rs) && isWide(nextNonSpace(rs[i+1:]))) {
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

func nextNonSpace(rs []rune) rune {
	for _, r := range rs {
		if r != ' ' {
			return r
		}
	}
	return 0
}

// A page set in two columns comes out of pdftotext -layout a line of
// each column side by side (…坚持以习近   例》，不断完善…). Such a block —
// two or more lines with a gap of three or more spaces at the same
// place, and the lines beside them that stand wholly left or right of it
// — is read as its left column, then its right one, each measured as a
// page of its own width.

// minGap is the least run of spaces between two columns.
const minGap = 3

// columnLines reads the lines of a -layout text by the page's shape,
// each two-column block as its two columns.
func columnLines(lines []string, ps pageShape) []pline {
	var out []pline
	for i := 0; i < len(lines); {
		at, n := columnBlock(lines, i)
		if n < 2 {
			out = append(out, ps.measure(lines[i:i+1], i)...)
			i++
			continue
		}
		var left, right []string
		for _, l := range lines[i : i+n] {
			rs := []rune(l)
			cut := min(at, len(rs))
			left = append(left, strings.TrimRight(string(rs[:cut]), " "))
			right = append(right, string(rs[cut:]))
		}
		for _, col := range [][]string{left, right} {
			out = append(out, columnShape(col).measure(col, i)...)
		}
		i += n
	}
	return out
}

// columnBlock finds a two-column block starting at lines[i]: the column
// (in runes) where its right column starts — the least start of a right
// column's text, right of every left column's — and how many lines it
// has (0 or 1: none).
func columnBlock(lines []string, i int) (at, n int) {
	lo, hi, ok := gapAt(lines[i])
	if !ok {
		return 0, 0
	}
	n, gaps := 1, 1
	for _, l := range lines[i+1:] {
		t := strings.TrimRight(l, " ")
		lead := len([]rune(l)) - len([]rune(strings.TrimLeft(l, " ")))
		if gl, gh, ok := gapAt(l); ok && max(lo, gl) <= min(hi, gh) {
			lo, hi, gaps = max(lo, gl), min(hi, gh), gaps+1
		} else if !ok && trim(l) != "" && len([]rune(t)) > lo && lead < lo {
			break // a line across both columns: the block has ended
		}
		n++
	}
	if gaps < 2 {
		return 0, 0
	}
	for n > 0 && trim(lines[i+n-1]) == "" {
		n--
	}
	return hi, n
}

// gapAt finds a line's widest inner gap of minGap or more spaces: a
// right column may start from lo (after the left column's text) to hi
// (where the text after the gap starts), in runes.
func gapAt(l string) (lo, hi int, ok bool) {
	rs := []rune(strings.TrimRight(l, " "))
	bestLen, run := 0, 0
	seenText := false
	for i, r := range rs {
		if r == ' ' {
			run++
			continue
		}
		if seenText && run >= minGap && run > bestLen {
			lo, hi, bestLen, ok = i-run+1, i, run, true
		}
		seenText, run = true, 0
	}
	return lo, hi, ok
}

// columnShape measures a column: a full line is as wide as its widest.
func columnShape(lines []string) pageShape {
	ps := measurePage(lines)
	for _, l := range lines {
		ps.full = max(ps.full, width(strings.TrimRight(l, " \t")))
	}
	return ps
}
