package report

import (
	"fmt"
	"unicode/utf8"
)

// Lengths of a report's texts, in characters. A narrative section of the
// longest real reports is about 20,000 characters; 100,000 leaves room
// and bounds what one save can store.
const (
	MaxTitle     = 200
	MaxPreface   = 5000
	MaxNarrative = 100000
)

// TextLimit is the most characters field may hold.
func TextLimit(field string) int {
	switch field {
	case FieldTitle:
		return MaxTitle
	case FieldPreface:
		return MaxPreface
	}
	return MaxNarrative
}

// TextProblem says in Chinese why text cannot be field's, or "": it is
// longer than the field's limit. It names the length, so that the clerk
// knows how much to cut.
func TextProblem(field, text string) string {
	if len(text) <= TextLimit(field) { // bytes ≥ characters: most texts stop here
		return ""
	}
	n, max := utf8.RuneCountInString(text), TextLimit(field)
	if n <= max {
		return ""
	}
	return fmt.Sprintf("%s最多%d字，现有%d字（多%d字）：这一部分没有保存，请删减后再保存", FieldLabel(field), max, n, n-max)
}

// TextsTooLong checks the text fields get holds and returns each one over
// its limit with its problem.
func TextsTooLong(get func(field string) (string, bool)) map[string]string {
	var out map[string]string
	for _, f := range TextFields {
		text, ok := get(f)
		if !ok {
			continue
		}
		if p := TextProblem(f, text); p != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[f] = p
		}
	}
	return out
}
