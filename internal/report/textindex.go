package report

import "strings"

// containsText is strings.Contains for Chinese text, which the narrative
// checks ask of every paragraph and sentence for dozens of words.
// strings.Contains looks for the first byte of sub, which a CJK
// character shares with a good share of all others (the first bytes of
// U+4E00–U+9FFF are E4–E9); containsText looks for its last byte, one of
// 64 continuation bytes, and compares the rest only there.
func containsText(s, sub string) bool {
	n := len(sub)
	if n == 0 {
		return true
	}
	last := sub[n-1]
	for off := n - 1; off < len(s); {
		i := strings.IndexByte(s[off:], last)
		if i < 0 {
			return false
		}
		end := off + i + 1
		if s[end-n:end] == sub {
			return true
		}
		off = end
	}
	return false
}
