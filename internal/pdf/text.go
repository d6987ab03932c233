package pdf

import (
	"strings"
	"unicode"
)

// substitute is drawn in place of a character the PDF cannot show: one
// beyond U+FFFF (gofpdf encodes UTF-16 code units and panics on more), or
// one the typeface lacks (most emoji). 〓 is the customary mark for a
// missing character in Chinese print.
const substitute = '〓'

// clean makes clerk text drawable in face f: tabs become spaces, control and
// invisible format characters are dropped, and what f cannot draw becomes
// the substitute. It never fails.
func clean(s string, f *sfnt) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\u00a0':
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r):
			// invisible: drop
		case !f.has(r):
			b.WriteRune(substitute)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// paragraphs splits a narrative into its "\n"-separated lines, trims the
// spaces clerks type to indent (we indent ourselves) and skips blank ones.
func paragraphs(s string) []string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimFunc(line, unicode.IsSpace); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// isIdeo reports whether a line may break before and after r, as between
// any two Chinese characters. Other non-space characters (Latin letters,
// digits, ASCII punctuation) join into words that stay together.
func isIdeo(r rune) bool {
	switch {
	case r >= 0x2000 && r <= 0x206F, // general punctuation: “”‘’—…
		r >= 0x2E80 && r <= 0x33FF, // radicals, CJK symbols, kana, enclosed
		r >= 0x3400 && r <= 0x9FFF, // CJK ideographs
		r >= 0xAC00 && r <= 0xD7AF, // Hangul
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF: // full-width forms: ，：（）０-９
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// 禁则 (line-breaking rules of Chinese typesetting).
const (
	// noStart may not begin a line: closing brackets and quotes, the
	// punctuation that follows a word, and their ASCII forms.
	noStart = "，。、；：？！）》〉」』】〕〗｝］”’…·．,.;:?!)]}%％‰"
	// noEnd may not end a line: opening brackets and quotes.
	noEnd = "（《〈「『【〔〖｛［“‘([{"
	// noSplit pairs are written doubled (——, ……) and stay together.
	noSplit = "—…"
)

func isNoStart(r rune) bool { return strings.ContainsRune(noStart, r) }
func isNoEnd(r rune) bool   { return strings.ContainsRune(noEnd, r) }
