package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Matching works on a folded form of the text, never on the text itself:
// what the importer outputs (titles, narrative, legacy cells) is always the
// published text as it is.
//
// fold maps rune for rune, so that an index into the folded runes is an
// index into the original ones (the title's org name is cut out that way):
//   - word variants first, on the original characters: 檔案→文件 (行政規範性檔案),
//     資訊→信息, and 覆→复 in 反覆, 答覆, 覆核;
//   - full-width ASCII (digits, brackets, colon, comma…) to ASCII and the
//     ideographic space to a space, the part of NFKC that matters here;
//   - traditional characters to simplified (t2s.go).
//
// key folds and then drops what the printed labels vary in but the official
// ones do not depend on: spaces, quotes (straight or curly), cell
// separators; and it writes "1、" as "1.".

// wordVariants are same-length word substitutions applied before the
// character mapping; each pair is two runes to two runes.
var wordVariants = [][2][]rune{
	{[]rune("檔案"), []rune("文件")}, // Taiwan usage: 行政規範性檔案 (seed 000)
	{[]rune("資訊"), []rune("信息")},
	{[]rune("反覆"), []rune("反复")}, // 大量反覆申請 (覆 is also a simplified character)
	{[]rune("答覆"), []rune("答复")},
	{[]rune("覆核"), []rune("复核")},
}

// foldRunes returns the folded runes of s; len(result) == len([]rune(s)).
func foldRunes(s string) []rune {
	rs := []rune(s)
	for _, wv := range wordVariants {
		for i := 0; i+1 < len(rs); i++ {
			if rs[i] == wv[0][0] && rs[i+1] == wv[0][1] {
				rs[i], rs[i+1] = wv[1][0], wv[1][1]
			}
		}
	}
	for i, r := range rs {
		rs[i] = foldRune(r)
	}
	return rs
}

// foldRune maps one character: full-width ASCII and spaces, then
// traditional to simplified.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return r
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000' || r == '\u00a0':
		return ' '
	case r == '｜':
		return '|'
	}
	return simplified(r)
}

// fold returns the folded text (see above).
func fold(s string) string {
	if isASCII(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)), s, false))
}

// key returns the matching form of a label: folded, without spaces,
// quotes and separators, with "、" after a digit written as ".".
func key(s string) string { return string(appendFold(make([]byte, 0, len(s)), s, true)) }

// appendFold appends the folded form of s (the key form if asKey) to b in
// one pass; it is what fold and key do, without foldRunes's rune slice,
// because every table cell goes through it.
func appendFold(b []byte, s string, asKey bool) []byte {
	prev := rune(0)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if to, m := wordVariantAt(s[i:], r); m > 0 {
			b, i, prev = append(b, to...), i+m, 0
			continue
		}
		i += n
		r = foldRune(r)
		if asKey {
			switch {
			case unicode.IsSpace(r) || r == '|' || isQuote(r):
				continue
			case r == '、' && prev >= '0' && prev <= '9':
				r = '.'
			}
		}
		b, prev = utf8.AppendRune(b, r), r
	}
	return b
}

// wordVariantAt returns the replacement of a word variant starting s (whose
// first rune is r) and its length in bytes, or 0.
func wordVariantAt(s string, r rune) (string, int) {
	switch r {
	case '檔', '資', '反', '答', '覆': // the first characters of wordVariants
	default:
		return "", 0
	}
	for _, wv := range wordVariants {
		if wv[0][0] == r && strings.HasPrefix(s, string(wv[0])) {
			return string(wv[1]), len(string(wv[0]))
		}
	}
	return "", 0
}

func isQuote(r rune) bool {
	switch r {
	case '"', '\'', '“', '”', '‘', '’', '「', '」', '『', '』', '〝', '〞':
		return true
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// trim removes surrounding whitespace of every kind (strings.TrimSpace
// covers the ideographic and no-break spaces too).
func trim(s string) string { return strings.TrimSpace(s) }
