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
		return paragraphs(lines)
	}
	var paras []string
	var cur strings.Builder
	full, ended := false, false // the last line was full; it ended a sentence
	for _, l := range lines {
		t := squeezeWide(trim(l))
		if t == "" {
			full = full && !ended // a page break inside a sentence
			continue
		}
		join := full && !(startsItem(t) && endsPunct(cur.String()))
		if ended {
			join = join && ps.indents && !ps.indented(l)
		}
		if join {
			joinTo(&cur, t)
		} else {
			if cur.Len() > 0 {
				paras = append(paras, cur.String())
			}
			cur.Reset()
			cur.WriteString(t)
		}
		full, ended = ps.wraps(l, t), sentenceEnd(t)
	}
	if cur.Len() > 0 {
		paras = append(paras, cur.String())
	}
	return strings.Join(paras, "\n")
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
