package importer

import (
	"strings"

	"nianbao/internal/report"
)

// rowAnchor is a row with its anchors.
type rowAnchor struct {
	row     *report.Row
	anchors []string
}

// tableAnchors lists the anchored rows (report.Row.Anchors) of each
// table of both templates, in printed order, so that matching a label does no map lookup per row.
var tableAnchors = func() map[*report.Table][]rowAnchor {
	m := map[*report.Table][]rowAnchor{}
	for _, t := range []*report.Template{report.T2021, report.T2019} {
		for _, tb := range t.Tables {
			for _, row := range tb.Rows {
				if as := row.Anchors; len(as) > 0 {
					m[tb] = append(m[tb], rowAnchor{row, as})
				}
			}
		}
	}
	return m
}()

// matchRow returns the row of tb whose anchor occurs last in the label
// text (the label nearest the numbers wins over headers and group cells
// before it), or nil.
func matchRow(tb *report.Table, label string) *report.Row {
	var best *report.Row
	bestEnd, bestLen := -1, 0
	for _, ra := range tableAnchors[tb] {
		row := ra.row
		for _, a := range ra.anchors {
			i := strings.LastIndex(label, a)
			if i < 0 {
				continue
			}
			if end := i + len(a); end > bestEnd || end == bestEnd && len(a) > bestLen {
				best, bestEnd, bestLen = row, end, len(a)
			}
		}
	}
	return best
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
