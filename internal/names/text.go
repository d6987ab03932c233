package names

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Cleaned counts what CleanText took out of a text.
type Cleaned struct {
	NUL     int // NUL characters dropped
	Invalid int // runs of bytes that are not UTF-8, each now "\uFFFD"
}

// Any reports whether anything was taken out.
func (c Cleaned) Any() bool { return c.NUL > 0 || c.Invalid > 0 }

// CleanText drops NUL characters from s and replaces each run of bytes
// that are not UTF-8 by "\uFFFD". PostgreSQL refuses both in a text
// column, and neither is anything a person typed: a browser sends only
// UTF-8, and a NUL comes only with text pasted from a broken file. The
// rest of s is kept as it is.
func CleanText(s string) (string, Cleaned) {
	var c Cleaned
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s, c // nearly every text
	}
	var b strings.Builder
	b.Grow(len(s))
	bad := false // inside a run of bad bytes
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			if !bad {
				b.WriteRune(utf8.RuneError)
				c.Invalid++
			}
			bad = true
		case r == 0:
			c.NUL++
			bad = false
		default:
			b.WriteString(s[i : i+size])
			bad = false
		}
		i += size
	}
	return b.String(), c
}

// CleanedNote says in Chinese what CleanText took out of a field's text,
// or "" when nothing: the clerk is told, since the saved text differs from
// what the box holds.
func CleanedNote(c Cleaned) string {
	var parts []string
	if c.NUL > 0 {
		parts = append(parts, "已删去"+strconv.Itoa(c.NUL)+"个看不见的空字符")
	}
	if c.Invalid > 0 {
		parts = append(parts, strconv.Itoa(c.Invalid)+"处无法识别的编码已换成“\uFFFD”")
	}
	if parts == nil {
		return ""
	}
	return "文字中" + strings.Join(parts, "，") + "，其余文字已保存。"
}
