package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Some sites write the article with JavaScript: the whole report is a
// string literal (content = "<p>…<table align=\"center\">…"), in a .js
// data file or a <script> of the page. The literals that hold markup are
// unescaped as JavaScript does and read as a web page.

// hasScriptMarkup: the text has a JavaScript string literal holding a
// paragraph or a table — its markup as printed, or escaped as a portal's
// JSON data file escapes it (\u003ctable\u003e, as Go and Java encoders
// write it by default).
func hasScriptMarkup(s string) bool {
	if !strings.Contains(s, "<") && !hasEscapedLT(s) {
		return false
	}
	for _, lit := range scriptStrings(s, 1) {
		if markupLiteral(lit) {
			return true
		}
	}
	return false
}

// hasEscapedLT: the text has "<" escaped in a string literal.
func hasEscapedLT(s string) bool {
	for _, e := range []string{`\u003c`, `\u003C`, `\x3c`, `\x3C`} {
		if strings.Contains(s, e) {
			return true
		}
	}
	return false
}

func markupLiteral(lit string) bool {
	l := strings.ToLower(lit)
	return strings.Contains(l, "<table") || strings.Contains(l, "<p") || strings.Contains(l, "<div")
}

// readScript reads the markup held in the text's string literals, in
// order; nil when there is none.
func readScript(s string) *Document {
	var parts []string
	for _, lit := range scriptStrings(s, -1) {
		if markupLiteral(lit) {
			parts = append(parts, lit)
		}
	}
	if len(parts) == 0 {
		return nil
	}
	d := readHTML("<html><body>" + strings.Join(parts, "\n") + "</body></html>")
	d.Kind = Script
	return d
}

// minLiteral is the shortest literal worth reading: a report's markup is
// long, a class name or a URL is not.
const minLiteral = 40

// scriptStrings returns the unescaped string literals ("…", '…', `…`) of
// JavaScript source longer than minLiteral that contain '<', at most max
// of them (max < 0: all). Comments are skipped; a literal that does not
// end is taken to the end of the text.
func scriptStrings(s string, max int) []string {
	var out []string
	for i := 0; i < len(s) && (max < 0 || len(out) < max); {
		c := s[i]
		switch {
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
				i += j
			} else {
				i = len(s)
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			if j := strings.Index(s[i+2:], "*/"); j >= 0 {
				i += j + 4
			} else {
				i = len(s)
			}
		case c == '"' || c == '\'' || c == '`':
			lit, next := jsLiteral(s, i)
			if len(lit) > minLiteral && strings.Contains(lit, "<") {
				out = append(out, lit)
			}
			i = next
		default:
			i++
		}
	}
	return out
}

// jsLiteral unescapes the literal opening at s[i] and returns the index
// after its closing quote.
func jsLiteral(s string, i int) (string, int) {
	q := s[i]
	var b strings.Builder
	for j := i + 1; j < len(s); {
		c := s[j]
		switch {
		case c == q:
			return b.String(), j + 1
		case c == '\n' && q != '`':
			return b.String(), j + 1 // an unterminated literal ends at its line
		case c == '\\' && j+1 < len(s):
			r, n := jsEscape(s[j+1:])
			b.WriteString(r)
			j += 1 + n
		default:
			_, n := utf8.DecodeRuneInString(s[j:])
			b.WriteString(s[j : j+n])
			j += n
		}
	}
	return b.String(), len(s)
}

// jsEscape reads the escape after a backslash: its text and its length.
func jsEscape(s string) (string, int) {
	switch s[0] {
	case 'n':
		return "\n", 1
	case 't':
		return "\t", 1
	case 'r':
		return "", 1
	case 'b', 'f', 'v':
		return " ", 1
	case 'u':
		if len(s) >= 5 {
			if v, err := strconv.ParseUint(s[1:5], 16, 32); err == nil {
				return string(rune(v)), 5
			}
		}
	case 'x':
		if len(s) >= 3 {
			if v, err := strconv.ParseUint(s[1:3], 16, 32); err == nil {
				return string(rune(v)), 3
			}
		}
	case '\n':
		return "", 1 // a line continuation
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n], n
}
