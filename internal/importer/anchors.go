package importer

import (
	"strings"

	"nianbao/internal/report"
)

// anchors are the distinctive parts of each row's official label (spec
// §10.5), in matching form. A row is found where one of them occurs in the
// label text before its numbers, whatever else that text carries: a group
// cell, an ordinal, spaces, a line break, a variant wording around the
// anchor (2.其他法律法规禁止公开). Each anchor occurs in its own row's
// label and in no other row's of the same table (TestAnchors).
var anchors = map[string][]string{
	// section 二 (active)
	"rules":          {"规章"},
	"normative_docs": {"规范性文件"},
	"licensing":      {"行政许可"},
	"punishment":     {"行政处罚"},
	"enforcement":    {"行政强制"},
	"fees":           {"事业性收费"},
	// section 三 (requests)
	"new_received":                {"本年新收"},
	"carried_over":                {"上年结转"},
	"granted":                     {"予以公开"},
	"partly_granted":              {"部分公开"},
	"withheld_state_secret":       {"国家秘密"},
	"withheld_law_prohibited":     {"禁止公开"},
	"withheld_security_stability": {"三安全"},
	"withheld_third_party":        {"第三方合法权益"},
	"withheld_internal_affairs":   {"内部事务"},
	"withheld_process_info":       {"过程性信息"},
	"withheld_enforcement_file":   {"行政执法案卷"},
	"withheld_inquiry":            {"行政查询事项"},
	"unavailable_not_held":        {"不掌握"},
	"unavailable_needs_creation":  {"另行制作"},
	"unavailable_unclear":         {"仍不明确"},
	"not_processed_petition":      {"信访举报投诉"},
	"not_processed_duplicate":     {"重复申请"},
	"not_processed_publication":   {"公开出版物"},
	"not_processed_excessive":     {"大量反复"},
	"not_processed_confirm":       {"确认或重新出具"},
	"other_no_correction":         {"逾期不补正"},
	"other_no_fee":                {"缴纳费用"},
	"other_misc":                  {"3.其他"},
	"other_unsplit":               {"(六)其他处理"}, // 2019: a single （六） row
	"handled_total":               {"(七)"},
	"carried_forward":             {"结转下年度"},
}

// rowAnchor is a row with its anchors.
type rowAnchor struct {
	row     *report.Row
	anchors []string
}

// tableAnchors lists the anchored rows of each table of both templates, in
// printed order, so that matching a label does no map lookup per row.
var tableAnchors = func() map[*report.Table][]rowAnchor {
	m := map[*report.Table][]rowAnchor{}
	for _, t := range []*report.Template{report.T2021, report.T2019} {
		for _, tb := range t.Tables {
			for _, row := range tb.Rows {
				if as := anchors[row.Key]; len(as) > 0 {
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
