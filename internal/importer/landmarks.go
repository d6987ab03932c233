package importer

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/report"
)

// rowLandmark is a row with its landmarks.
type rowLandmark struct {
	row       *report.Row
	landmarks []string
}

// tableLandmarks lists the landmarked rows (report.Row.Landmarks) of each
// table of both templates, in printed order, so that matching a label does no map lookup per row.
var tableLandmarks = func() map[*report.Table][]rowLandmark {
	m := map[*report.Table][]rowLandmark{}
	for _, t := range []*report.Template{report.T2021, report.T2019} {
		for _, tb := range t.Tables {
			for _, row := range tb.Rows {
				if as := row.Landmarks; len(as) > 0 {
					m[tb] = append(m[tb], rowLandmark{row, as})
				}
			}
		}
	}
	return m
}()

// matchRow returns the row of tb whose landmark occurs last in the label
// text (the label nearest the numbers wins over headers and group cells
// before it), or nil.
func matchRow(tb *report.Table, label string) *report.Row {
	return bestLandmark(tb, label, func(label, a string) int {
		if i := strings.LastIndex(label, a); i >= 0 {
			return i + len(a)
		}
		return -1
	})
}

// matchRowLoose is matchRow for a label that a PDF's layout has broken
// up: a landmark of four or more characters also matches with a few other
// characters between its own (逾期（六）不补正, where the vertical group
// cell of the next column was printed inside the label's line; 另行 果
// 无法提供 制作, a wrapped label with the group cell beside it).
func matchRowLoose(tb *report.Table, label string) *report.Row {
	return bestLandmark(tb, label, func(label, a string) int {
		if utf8.RuneCountInString(a) < 4 {
			return -1
		}
		return looseEnd(label, a, maxGap)
	})
}

// maxGap is how many foreign characters a loose landmark may have inside.
const maxGap = 8

// bestLandmark returns the row whose landmark ends last in label by find
// (which gives the byte offset after the landmark, or -1).
func bestLandmark(tb *report.Table, label string, find func(label, a string) int) *report.Row {
	var best *report.Row
	bestEnd, bestLen := -1, 0
	for _, ra := range tableLandmarks[tb] {
		for _, a := range ra.landmarks {
			end := find(label, a)
			if end < 0 {
				continue
			}
			if end > bestEnd || end == bestEnd && len(a) > bestLen {
				best, bestEnd, bestLen = ra.row, end, len(a)
			}
		}
	}
	return best
}

// looseEnd finds the last place where the runes of a occur in order in s
// with at most gap other runes between them, and returns the byte offset
// after it, or -1.
func looseEnd(s, a string, gap int) int {
	ar := []rune(a)
	last := string(ar[len(ar)-1])
	for end := len(s); end > 0; {
		i := strings.LastIndex(s[:end], last)
		if i < 0 {
			return -1
		}
		if looseMatch(s[:i], ar[:len(ar)-1], gap) {
			return i + len(last)
		}
		end = i
	}
	return -1
}

// looseMatch: the runes of a end s, in order, with at most gap others
// between them (and none after the last).
func looseMatch(s string, a []rune, gap int) bool {
	for k := len(a) - 1; k >= 0; k-- {
		for {
			r, n := utf8.DecodeLastRuneInString(s)
			if n == 0 {
				return false
			}
			s = s[:len(s)-n]
			if r == a[k] {
				break
			}
			if gap--; gap < 0 {
				return false
			}
		}
	}
	return true
}

// officialKeys are the rows' official labels in matching form, to notice a
// printed label that differs from the official one.
var officialKeys = func() map[*report.Row]string {
	m := map[*report.Row]string{}
	for _, t := range []*report.Template{report.T2021, report.T2019} {
		for _, tb := range t.Tables {
			for _, row := range tb.Rows {
				m[row] = key(row.Label)
			}
		}
	}
	return m
}()
