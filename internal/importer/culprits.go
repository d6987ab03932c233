package importer

import "nianbao/internal/report"

// markCulprits marks as unsure every value that report.Check names as the
// likely culprit of a broken sum (R1, R2, R3, R5): a digit misread by a
// PDF extractor, or misprinted in the report, shows up there. The value
// stays as printed; the note asks for a look at the text.
func (rd *reader) markCulprits() {
	t := rd.rep.Template()
	done := map[report.CellID]bool{}
	for _, f := range report.Check(rd.rep, report.Options{}) {
		id := f.Culprit
		if id == report.NoCell || done[id] || !rd.res.Cells[id].Read() {
			continue
		}
		done[id] = true
		src := &rd.res.Cells[id]
		src.Unsure = true
		rd.note(src.Line-1, Unsure, "%s读到%s，与勾稽关系不符（%s），按其他数字应为%d，请对照原文核对",
			t.Cell(id).Name(), report.FormatValue(t.Cell(id).Kind, rd.rep.Values[id]), f.Rule, f.Suggest)
	}
}
