package sheet

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"nianbao/internal/report"
)

// styles are the cell styles of a workbook, made once.
type styles struct {
	title, heading            int
	head, label, group, note  int
	count, amount, text, lead int
}

func newStyles(f *excelize.File) (styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	font := func(bold bool, size float64) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	align := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: true}
	}
	fourDecimals := "0.0000"
	defs := []*excelize.Style{
		{Font: &excelize.Font{Family: "宋体", Size: 16, Bold: true}, Alignment: align("center")},
		{Font: &excelize.Font{Family: "黑体", Size: 12}, Alignment: &excelize.Alignment{Vertical: "center"}},
		{Font: &excelize.Font{Family: "黑体", Size: 10}, Alignment: align("center"), Border: border},
		{Font: font(false, 10), Alignment: align("left"), Border: border},
		{Font: font(false, 10), Alignment: align("center"), Border: border},
		{Font: font(false, 9), Alignment: align("left"), Border: border},
		{Font: font(false, 10), Alignment: align("center"), Border: border, NumFmt: 1},
		{Font: font(false, 10), Alignment: align("center"), Border: border, CustomNumFmt: &fourDecimals},
		{Font: font(false, 10), Alignment: align("center"), Border: border},
		{Font: font(true, 10), Alignment: align("left"), Border: border},
	}
	ids := make([]int, len(defs))
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return styles{}, fmt.Errorf("xlsx style: %w", err)
		}
		ids[i] = id
	}
	return styles{ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], ids[6], ids[7], ids[8], ids[9]}, nil
}

// labelStyle is the style of a label cell, as the Word and PDF tables:
// column headers in 黑体, row labels left, group labels centred.
func (st styles) labelStyle(g report.GridCell) int {
	switch {
	case g.Note:
		return st.note
	case g.Scope == "col" || g.Scope == "colgroup":
		return st.head
	case g.Scope == "row":
		return st.label
	}
	return st.group
}

// valueStyle is the style of a value cell: 不适用 is text, a fee has four
// decimals, a count none.
func (st styles) valueStyle(k report.Kind, v report.Value) int {
	switch {
	case v.State == report.NotApplicable:
		return st.text
	case k == report.AmountWan:
		return st.amount
	}
	return st.count
}

// Layout rows of a report sheet: the title, the section's heading, then
// the table's grid.
const (
	titleRow   = 1
	headingRow = 2
	gridTop    = 3
	// sheetWidth is the width of a table in Excel's character units,
	// shared by its columns as report.Layout.Widths says.
	sheetWidth = 120
)

// AddReport adds one sheet per table of r (二、三 and 四; a 2019-format
// report has no section 二 table), each with the report's title, the
// section heading and the table in the official layout: the merged
// headers of report.Layout as merged cells.
func (b *Book) AddReport(r *report.Report) error {
	t := r.Template()
	for _, s := range t.Sections {
		if s.Table == nil {
			continue
		}
		if err := b.addTable(r, s); err != nil {
			return err
		}
	}
	return nil
}

func (b *Book) addTable(r *report.Report, s report.Section) error {
	tb := s.Table
	name, err := b.sheet(s.Heading)
	if err != nil {
		return err
	}
	f, lay := b.f, tb.Layout
	last, _ := excelize.ColumnNumberToName(lay.Cols)
	set := func(fn func() error) {
		if err == nil {
			err = fn()
		}
	}
	set(func() error { return f.SetCellValue(name, cellName(1, titleRow), r.DisplayTitle()) })
	set(func() error { return f.MergeCell(name, "A1", last+"1") })
	set(func() error { return f.SetCellStyle(name, "A1", last+"1", b.st.title) })
	set(func() error { return f.SetRowHeight(name, titleRow, 30) })
	set(func() error { return f.SetCellValue(name, cellName(1, headingRow), s.Heading) })
	set(func() error {
		return f.SetCellStyle(name, cellName(1, headingRow), cellName(1, headingRow), b.st.heading)
	})
	for i, w := range lay.Widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		set(func() error { return f.SetColWidth(name, col, col, w*sheetWidth) })
	}
	top := gridTop
	for _, rows := range [][][]report.GridCell{lay.Head, lay.Body} {
		for _, row := range report.Place(rows, lay.Cols) {
			for _, p := range row {
				set(func() error { return b.putCell(name, r, p, top) })
			}
		}
		top += len(rows)
	}
	set(func() error {
		return f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: new(9), Orientation: new("portrait"), FitToWidth: new(1)})
	})
	if err != nil {
		return fmt.Errorf("xlsx %s: %w", name, err)
	}
	return nil
}

// putCell writes one placed grid cell, merged over its spans, with its
// style; top is the sheet row of the grid's first row.
func (b *Book) putCell(name string, r *report.Report, p report.Placed, top int) error {
	f := b.f
	from := cellName(p.Col+1, top+p.Row)
	to := cellName(p.Col+p.ColSpan, top+p.Row+p.RowSpan-1)
	style := b.st.labelStyle(p.GridCell)
	var v any = p.Label
	if p.IsValue() {
		def := r.Template().Cell(p.Cell)
		val := r.Values[p.Cell]
		v, style = cellValue(def.Kind, val), b.st.valueStyle(def.Kind, val)
	}
	if v != nil {
		if err := f.SetCellValue(name, from, v); err != nil {
			return err
		}
	}
	if from != to {
		if err := f.MergeCell(name, from, to); err != nil {
			return err
		}
	}
	return f.SetCellStyle(name, from, to, style)
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}
