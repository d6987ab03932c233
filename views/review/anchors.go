package review

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/report"
	reportview "nianbao/views/report"
)

// Comment anchors say where a comment points:
//
//	""                          the whole report
//	"section:三"                a section
//	"para:overview:2"           the third paragraph of a narrative section
//	"cell:requests.granted.total" a cell
const (
	anchorSection = "section:"
	anchorPara    = "para:"
	anchorCell    = "cell:"
)

// ValidAnchor reports whether an anchor names a place of report r.
func ValidAnchor(r *report.Report, anchor string) bool {
	_, link := anchorLabel(r, anchor)
	return anchor == "" || link != ""
}

// anchorLabel names an anchor in words and gives the document id it links
// to ("" for the whole report or an unknown place).
func anchorLabel(r *report.Report, anchor string) (string, string) {
	t := r.Template()
	switch {
	case anchor == "":
		return "整个报告", ""
	case strings.HasPrefix(anchor, anchorSection):
		num := strings.TrimPrefix(anchor, anchorSection)
		for _, s := range t.Sections {
			if s.Number == num {
				return s.Heading, reportview.SectionAnchor(num)
			}
		}
	case strings.HasPrefix(anchor, anchorPara):
		key, idx, _ := strings.Cut(strings.TrimPrefix(anchor, anchorPara), ":")
		n, err := strconv.Atoi(idx)
		if num := sectionOf(key); num != "" && err == nil && n >= 0 && n < len(report.Paragraphs(r.Narrative.Text(key))) {
			return fmt.Sprintf("%s 第%d段", report.FieldLabel(report.FieldNarrative+key), n+1),
				fmt.Sprintf("%s-%d", reportview.ParaPrefix(key), n)
		}
	case strings.HasPrefix(anchor, anchorCell):
		path := strings.TrimPrefix(anchor, anchorCell)
		if id := t.Lookup(path); id != report.NoCell {
			return t.Cell(id).Name(), reportview.CellAnchor(path)
		}
	}
	return "（已不存在的位置）", ""
}

// targets are the places the comment form offers: the whole report, each
// section, each paragraph of the narratives, each cell by row.
func targets(r *report.Report) []TargetGroup {
	t := r.Template()
	whole := TargetGroup{Label: "整体", Options: []Option{{"", "整个报告"}}}
	for _, s := range t.Sections {
		whole.Options = append(whole.Options, Option{anchorSection + s.Number, s.Heading})
	}
	groups := []TargetGroup{whole}
	for _, s := range t.Sections {
		if s.Narrative != "" {
			g := TargetGroup{Label: s.Heading + "（段落）"}
			for i, para := range report.Paragraphs(r.Narrative.Text(s.Narrative)) {
				g.Options = append(g.Options, Option{fmt.Sprintf("%s%s:%d", anchorPara, s.Narrative, i),
					fmt.Sprintf("第%d段：%s", i+1, excerpt(para, 16))})
			}
			if len(g.Options) > 0 {
				groups = append(groups, g)
			}
			continue
		}
		for _, row := range s.Table.Rows {
			g := TargetGroup{Label: s.Number + "、" + strings.TrimSpace(row.Ref+" "+shortLabel(row))}
			for _, id := range row.Cells {
				def := t.Cell(id)
				g.Options = append(g.Options, Option{anchorCell + def.Path, def.ColName()})
			}
			groups = append(groups, g)
		}
	}
	return groups
}

func shortLabel(row *report.Row) string {
	if row.Ref == row.Label {
		return ""
	}
	return excerpt(row.Label, 14)
}

func excerpt(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
