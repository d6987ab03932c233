package pdf

import (
	"strings"
	"unicode/utf8"
)

// Our own line breaking, because gofpdf's MultiCell and SplitText drop a
// Chinese character at every automatic break and cannot justify CJK text.

type unitKind uint8

const (
	ideo  unitKind = iota // one Chinese character or full-width mark
	word                  // a run of Latin letters, digits, ASCII punctuation
	space                 // a run of ASCII spaces: a break opportunity
)

// unit is a piece of text that a line never splits (except an over-long
// word, which is cut where it must).
type unit struct {
	text  string
	width float64
	kind  unitKind
	// join marks a piece of a word after a break opportunity inside it
	// (www.|ruian.|gov.|cn): a line may break before it, but justification
	// adds no space before it.
	join bool
}

// line is one broken line; width is its natural width without trailing
// spaces, which it never holds.
type line struct {
	units []unit
	width float64
}

// text returns the characters of the line.
func (l line) text() string {
	var b strings.Builder
	for _, u := range l.units {
		b.WriteString(u.text)
	}
	return b.String()
}

// gaps is the number of places where justification may add space.
func (l line) gaps() int {
	n := 0
	for _, u := range l.units[min(1, len(l.units)):] {
		if !u.join {
			n++
		}
	}
	return n
}

// widthFunc gives the advance of a character in the current font and size.
type widthFunc func(rune) float64

// slack absorbs rounding when comparing widths.
const slack = 1e-6

// breakLines breaks text into lines no wider than width, the first one
// indent narrower. Chinese may break between any two characters, words
// stay together unless longer than a line, the spaces at a break are
// dropped, and 禁则 holds where it can (a line of nothing but opening
// brackets cannot satisfy it). A unit wider than the line goes alone.
func breakLines(text string, w widthFunc, width, indent float64) []line {
	units := tokenize(text, w)
	var lines []line
	for s := 0; s < len(units); {
		if units[s].kind == space {
			s++
			continue
		}
		avail := width
		if len(lines) == 0 {
			avail -= indent
		}
		e := fill(&units, s, avail, w)
		e = kinsoku(units, s, e)
		lines = append(lines, makeLine(units[s:e]))
		s = e
	}
	return lines
}

// fill returns the end of the longest run of units from s that fits avail,
// cutting an over-long word in place so that its head fills the line.
func fill(units *[]unit, s int, avail float64, w widthFunc) int {
	us := *units
	x, e := 0.0, s
	for ; e < len(us); e++ {
		u := us[e]
		if x+u.width <= avail+slack {
			x += u.width
			continue
		}
		if u.kind == word && (u.width > avail || e == s) {
			if head, rest, ok := cutWord(u, avail-x, e == s, w); ok {
				us = append(us[:e], append([]unit{head, rest}, us[e+1:]...)...)
				*units = us
				e++
			}
		}
		break
	}
	return max(e, s+1)
}

// cutWord splits a word so that head fits room (at least one character
// when force is set, so that every line makes progress).
func cutWord(u unit, room float64, force bool, w widthFunc) (head, rest unit, ok bool) {
	x, cut := 0.0, 0
	for i, r := range u.text {
		rw := w(r)
		if x+rw > room+slack && (cut > 0 || !force) {
			break
		}
		x += rw
		cut = i + utf8.RuneLen(r)
	}
	if cut == 0 || cut == len(u.text) {
		return u, unit{}, false
	}
	head = unit{text: u.text[:cut], width: x, kind: word, join: u.join}
	rest = unit{text: u.text[cut:], width: u.width - x, kind: word, join: true}
	return head, rest, true
}

// kinsoku moves the break at e earlier until no line starts with a
// closing mark, none ends with an opening one and no doubled dash or
// ellipsis is split. Where that would empty the line, the break stays.
func kinsoku(us []unit, s, e int) int {
	for b := e; b > s && b < len(us); {
		next := b
		for next < len(us) && us[next].kind == space {
			next++
		}
		if next == len(us) {
			return b
		}
		prev := b - 1
		for prev > s && us[prev].kind == space {
			prev--
		}
		if !badBreak(us[prev].text, us[next].text) {
			return b
		}
		b = prev
	}
	return e
}

// badBreak reports whether a line may not end with a and the next begin
// with b.
func badBreak(a, b string) bool {
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	return isNoEnd(last) || isNoStart(first) || last == first && strings.ContainsRune(noSplit, last)
}

func makeLine(us []unit) line {
	for len(us) > 0 && us[len(us)-1].kind == space {
		us = us[:len(us)-1]
	}
	l := line{units: us}
	for _, u := range us {
		l.width += u.width
	}
	return l
}

// tokenize cuts text into units and measures them.
func tokenize(text string, w widthFunc) []unit {
	out := make([]unit, 0, utf8.RuneCountInString(text)) // a unit a character, in Chinese
	start, kind, width, join := 0, space, 0.0, false
	flush := func(end int) {
		if end > start {
			out = append(out, unit{text: text[start:end], width: width, kind: kind, join: join})
		}
		start, width, join = end, 0, false
	}
	prev := rune(0)
	for i, r := range text {
		k := word
		switch {
		case r == ' ':
			k = space
		case isIdeo(r):
			k = ideo
		}
		switch {
		case k != kind || k == ideo:
			flush(i)
			kind = k
		case k == word && breaksAfter(prev, r):
			flush(i)
			join = true
		}
		width += w(r)
		prev = r
	}
	flush(len(text))
	return out
}

// breaksAfter reports whether a word may break between a and b: after a
// slash, a hyphen, closing or separating punctuation, or a full stop not
// inside a number, as in web addresses (www.|ruian.|gov.|cn/|xxgk).
func breaksAfter(a, b rune) bool {
	digit := func(r rune) bool { return r >= '0' && r <= '9' }
	switch a {
	case '/', '-', ')', ']', ';', '?', '!', '&', '=':
		return true
	case '.', ',', ':':
		return !digit(b)
	}
	return false
}
