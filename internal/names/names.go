// Package names checks the names people give things in nianbao — body
// names, usernames, display names — and makes download filenames safe.
//
// A name is shown on pages, printed in reports, compared by people and
// used as a key: it must look like what it is. So it refuses what a reader
// cannot see or that changes how text around it is read: NUL and other
// control characters, invalid UTF-8, bidirectional overrides and
// isolates (which can make "a-admin" display as something else), and
// zero-width and other invisible format characters (so that "a-admin"
// and "a-admin" followed by a zero-width space cannot both exist).
package names

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Problem says in Chinese what is wrong with name as a what (机关名称,
// 用户名 …) of at most max characters, or "" when it is fine. An empty
// name is a problem too: every name is required.
func Problem(what, name string, max int) string {
	switch {
	case name == "":
		return "请填写" + what
	case !utf8.ValidString(name):
		return what + "含有无法识别的字符，请重新输入"
	case utf8.RuneCountInString(name) > max:
		return what + "最多" + strconv.Itoa(max) + "个字"
	}
	for _, r := range name {
		if p := runeProblem(r); p != "" {
			return what + "不能含" + p + "，请删去后重新输入（从别处复制的文字常带有看不见的字符）"
		}
	}
	return ""
}

// runeProblem names the kind of character r is when a name may not hold
// it.
func runeProblem(r rune) string {
	switch {
	case r == 0:
		return "空字符"
	case r == utf8.RuneError: // what a form's bytes that are not UTF-8 became (CleanText)
		return "无法识别的字符（�）"
	case r == '\t' || r == '\n' || r == '\r':
		return "换行或制表符"
	case unicode.IsControl(r):
		return "控制字符"
	case isBidi(r):
		return "改变文字方向的控制字符"
	case unicode.Is(unicode.Cf, r) || r == '\u3164' || r == '\uFFA0' || r == '\u115F' || r == '\u1160':
		return "看不见的字符（如零宽空格）"
	case unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r) || isNonCharacter(r):
		return "无法显示的字符"
	case r != ' ' && unicode.IsSpace(r) && r != '\u3000':
		return "特殊空白字符"
	}
	return ""
}

// isBidi reports the explicit directional formatting characters (which
// unicode.Cf includes too; named apart for a clearer message).
func isBidi(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200E' || r == '\u200F' || r == '\u061C'
}

func isNonCharacter(r rune) bool {
	return (r >= '\uFDD0' && r <= '\uFDEF') || r&0xFFFE == 0xFFFE
}

// Filename makes s safe as a download's file name, keeping its Chinese:
// what a name may not hold, path separators and the characters Windows
// refuses in file names become "_", leading and trailing dots and spaces
// go, and it is cut to 120 characters keeping its extension. An empty
// result is "download".
func Filename(s string) string {
	s = strings.ToValidUTF8(s, "_")
	var b strings.Builder
	for _, r := range s {
		switch {
		case runeProblem(r) != "" && r != ' ':
			b.WriteByte('_')
		case strings.ContainsRune(`/\:*?"<>|`, r):
			b.WriteByte('_')
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Trim(b.String(), ". ")
	if rs := []rune(out); len(rs) > 120 {
		ext := ""
		if i := strings.LastIndexByte(out, '.'); i > 0 && len(out)-i <= 6 {
			ext = out[i:]
		}
		out = string(rs[:120-utf8.RuneCountInString(ext)]) + ext
	}
	if out == "" {
		return "download"
	}
	return out
}
