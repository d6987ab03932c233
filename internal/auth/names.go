package auth

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/names"
)

// Lengths of a user's names, in characters.
const (
	MaxUsername    = 64
	MaxDisplayName = 50
)

// UsernameProblem says in Chinese what is wrong with a new username, or
// "". A username is a key people type and compare: 2 to 64 characters,
// none invisible or direction-changing (names.Problem), no spaces, quotes,
// slashes or angle brackets.
func UsernameProblem(name string) string {
	if p := names.Problem("用户名", name, MaxUsername); p != "" {
		return p
	}
	switch {
	case utf8.RuneCountInString(name) < 2:
		return "用户名应为2到64个字符"
	case strings.ContainsAny(name, " \u3000/\\<>\"'"):
		return "用户名不能含空格、引号、斜杠或尖括号"
	}
	return ""
}

// DisplayNameProblem says what is wrong with a user's display name (姓名,
// optional), or "".
func DisplayNameProblem(name string) string {
	if name == "" {
		return ""
	}
	return names.Problem("姓名", name, MaxDisplayName)
}
