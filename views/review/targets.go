package review

import (
	"fmt"

	"nianbao/internal/report"
	"nianbao/views/comments"
	"nianbao/views/ui"
)

// targets are the places the comment form offers: the whole report, each
// section, each paragraph of the narratives, and each table's cells named
// by row and column in the template's words (（一）予以公开 · 自然人,
// 行政复议 · 结果维持), never by their keys. Each option's Name is its
// place's full name as the comments list says it (comments.PlaceLabel),
// which the form says when a place is chosen from the document.
func targets(r *report.Report) []TargetGroup {
	t := r.Template()
	whole := TargetGroup{Label: "整体", Options: []Option{{Value: "", Label: "整个报告", Name: "整个报告"}}}
	for _, s := range t.Sections {
		whole.Options = append(whole.Options, Option{Value: report.SectionPlace(s.Number), Label: s.Heading, Name: s.Heading})
	}
	groups := []TargetGroup{whole}
	for _, s := range t.Sections {
		g := TargetGroup{Label: s.Heading + "（单元格）"}
		if s.Narrative != "" {
			g.Label = s.Heading + "（段落）"
			for i, para := range report.Paragraphs(r.Narrative.Text(s.Narrative)) {
				g.Options = append(g.Options, Option{Value: report.ParaPlace(s.Narrative, i), Label: paraName(i, para),
					Name: comments.ParaName(s.Narrative, i)})
			}
		} else {
			for _, row := range s.Table.Rows {
				for _, id := range row.Cells {
					def := t.Cell(id)
					g.Options = append(g.Options, Option{Value: report.CellPlace(def.Path), Label: cellName(def), Name: def.Name()})
				}
			}
		}
		if len(g.Options) > 0 {
			groups = append(groups, g)
		}
	}
	return groups
}

// cellName names a cell by its row and column, the row cut short where
// the template's label is long.
func cellName(def *report.CellDef) string {
	return ui.Excerpt(def.RowName(), 20) + " · " + def.ColLabel
}

func paraName(i int, para string) string {
	return fmt.Sprintf("第%d段：%s", i+1, ui.Excerpt(para, 16))
}
