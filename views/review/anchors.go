package review

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/report"
	"nianbao/views/document"
	"nianbao/views/ui"
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

// Anchor is a comment anchor taken apart: at most one of Cell, Section and
// Narrative is set (none: the whole report); Para is the paragraph of
// Narrative.
type Anchor struct {
	Cell      string // dotted path
	Section   string // number 一 … 六, also of a paragraph's section
	Narrative string // narrative key of a paragraph
	Para      int
}

// ParseAnchor takes an anchor apart; Para is -1 when it is not a number.
func ParseAnchor(anchor string) Anchor {
	switch {
	case strings.HasPrefix(anchor, anchorCell):
		return Anchor{Cell: strings.TrimPrefix(anchor, anchorCell)}
	case strings.HasPrefix(anchor, anchorSection):
		return Anchor{Section: strings.TrimPrefix(anchor, anchorSection)}
	case strings.HasPrefix(anchor, anchorPara):
		key, idx, _ := strings.Cut(strings.TrimPrefix(anchor, anchorPara), ":")
		n, err := strconv.Atoi(idx)
		if err != nil {
			n = -1
		}
		return Anchor{Narrative: key, Section: sectionOf(key), Para: n}
	}
	return Anchor{}
}

// ValidAnchor reports whether an anchor names a place of report r.
func ValidAnchor(r *report.Report, anchor string) bool {
	_, link := anchorLabel(r, anchor)
	return anchor == "" || link != ""
}

// anchorLabel names an anchor in words and gives the document id it links
// to ("" for the whole report or an unknown place).
func anchorLabel(r *report.Report, anchor string) (string, string) {
	t, a := r.Template(), ParseAnchor(anchor)
	switch {
	case anchor == "":
		return "整个报告", ""
	case a.Cell != "":
		if id := t.Lookup(a.Cell); id != report.NoCell {
			return t.Cell(id).Name(), document.CellAnchor(a.Cell)
		}
	case a.Narrative != "":
		if a.Section != "" && a.Para >= 0 && a.Para < len(report.Paragraphs(r.Narrative.Text(a.Narrative))) {
			return fmt.Sprintf("%s 第%d段", report.FieldLabel(report.FieldNarrative+a.Narrative), a.Para+1),
				document.ParaAnchor(a.Narrative, a.Para)
		}
	case a.Section != "":
		for _, s := range t.Sections {
			if s.Number == a.Section {
				return s.Heading, document.SectionAnchor(a.Section)
			}
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
					fmt.Sprintf("第%d段：%s", i+1, ui.Excerpt(para, 16))})
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
	return ui.Excerpt(row.Label, 14)
}
