package ui

// Excerpt cuts a text to its first n characters, marking the cut with ….
func Excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// OrEmpty shows an empty value as （空）, so that a change from or to
// nothing is visible.
func OrEmpty(s string) string {
	if s == "" {
		return "（空）"
	}
	return s
}
