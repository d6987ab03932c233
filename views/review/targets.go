package review

import (
	"fmt"
	"strings"

	"nianbao/internal/report"
	"nianbao/views/ui"
)

// targets are the places the comment form offers: the whole report, each
// section, each paragraph of the narratives, each cell by row.
func targets(r *report.Report) []TargetGroup {
	t := r.Template()
	whole := TargetGroup{Label: "整体", Options: []Option{{"", "整个报告"}}}
	for _, s := range t.Sections {
		whole.Options = append(whole.Options, Option{report.SectionPlace(s.Number), s.Heading})
	}
	groups := []TargetGroup{whole}
	for _, s := range t.Sections {
		if s.Narrative != "" {
			g := TargetGroup{Label: s.Heading + "（段落）"}
			for i, para := range report.Paragraphs(r.Narrative.Text(s.Narrative)) {
				g.Options = append(g.Options, Option{report.ParaPlace(s.Narrative, i),
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
				g.Options = append(g.Options, Option{report.CellPlace(def.Path), def.ColName()})
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
