package docx

import (
	"bytes"
	"encoding/xml"
	"math"
	"strconv"

	"nianbao/internal/report"
)

// The page, in twentieths of a point (twips): A4 with the margins of
// GB/T 9704 公文 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
const (
	pageW, pageH       = 11906, 16838
	marginT, marginB   = 2098, 1984
	marginL, marginR   = 1588, 1474
	textWidth          = pageW - marginL - marginR
	footerFromPageEdge = 1134
	headerFromPageEdge = 851
)

// Paragraph styles of styles.xml.
const (
	styleTitle     = "Title"
	styleSubtitle  = "Subtitle"
	styleHeading   = "Heading1"
	styleBody      = "" // Normal
	styleCell      = "TableText"
	styleCellHead  = "TableHead"
	styleCellLabel = "TableLabel"
	styleCellNote  = "TableNote"
)

// writeDocument writes word/document.xml: the document as the public page
// shows it (internal/report's words only), in the official order.
func writeDocument(b *bytes.Buffer, r *report.Report) {
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	para(b, styleTitle, r.DisplayTitle())
	if line := r.RevisionLine(); line != "" {
		para(b, styleSubtitle, line)
	}
	if c := report.Paragraphs(r.Correction()); len(c) > 0 {
		para(b, styleHeading, report.CorrectionHeading)
		paras(b, c)
	}
	paras(b, report.Paragraphs(r.Preface))
	t := r.Template()
	endsWithTable := false
	for _, s := range t.Sections {
		para(b, styleHeading, s.Heading)
		endsWithTable = s.Table != nil
		if s.Table != nil {
			writeTable(b, r, s.Table, t.Caption(s.Table))
			continue
		}
		paras(b, report.Paragraphs(r.Narrative.Text(s.Narrative)))
	}
	if org, date := r.Signature(); org != "" {
		// The 落款: after a blank line, right-aligned two characters in
		// (the body's indent rule is cleared).
		const right = `<w:ind w:firstLine="0" w:right="640"/><w:jc w:val="right"/>`
		para(b, styleBody, "")
		paraWith(b, styleBody, right, org)
		if date != "" {
			paraWith(b, styleBody, right, date)
		}
	} else if endsWithTable {
		para(b, styleBody, "") // Word ends a body with a paragraph, not a table
	}
	b.WriteString(`<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>`)
	b.WriteString(`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>`)
	b.WriteString(`<w:pgMar w:top="` + strconv.Itoa(marginT) + `" w:right="` + strconv.Itoa(marginR) +
		`" w:bottom="` + strconv.Itoa(marginB) + `" w:left="` + strconv.Itoa(marginL) +
		`" w:header="` + strconv.Itoa(headerFromPageEdge) + `" w:footer="` + strconv.Itoa(footerFromPageEdge) + `" w:gutter="0"/>`)
	b.WriteString(`<w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr></w:body></w:document>`)
}

func paras(b *bytes.Buffer, texts []string) {
	for _, p := range texts {
		para(b, styleBody, p)
	}
}

// para writes one paragraph of a style ("" is Normal).
func para(b *bytes.Buffer, style, text string) {
	paraWith(b, style, "", text)
}

// paraWith writes a paragraph with extra paragraph properties.
func paraWith(b *bytes.Buffer, style, props, text string) {
	b.WriteString(`<w:p>`)
	if style != "" || props != "" {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		b.WriteString(props)
		b.WriteString(`</w:pPr>`)
	}
	if text != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">`)
		escape(b, text)
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`</w:p>`)
}

// escape writes text as XML character data; characters XML cannot hold
// become U+FFFD.
func escape(b *bytes.Buffer, s string) {
	_ = xml.EscapeText(b, []byte(s)) // a bytes.Buffer does not fail
}

// writeTable writes a statistical table on the grid of its Layout: header
// rows repeat on every page the table runs over, and no row is split
// across pages.
func writeTable(b *bytes.Buffer, r *report.Report, tb *report.Table, caption string) {
	lay := tb.Layout
	widths := gridWidths(lay)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="` + strconv.Itoa(textWidth) + `" w:type="dxa"/>`)
	b.WriteString(`<w:jc w:val="center"/><w:tblLayout w:type="fixed"/><w:tblLook w:val="0000"/><w:tblCaption w:val="`)
	escapeAttr(b, caption)
	b.WriteString(`"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.WriteString(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.WriteString(`</w:tblGrid>`)
	// Section 二 has no header rows: its blocks are kept together instead.
	keep := len(lay.Head) == 0
	writeRows(b, r, report.Place(lay.Head, lay.Cols), widths, true, false)
	writeRows(b, r, report.Place(lay.Body, lay.Cols), widths, false, keep)
	b.WriteString(`</w:tbl>`)
}

// gridWidths turns the layout's relative widths into twips that add up to
// the text width exactly.
func gridWidths(lay report.Layout) []int {
	n := max(lay.Cols, 1)
	ws := lay.Widths
	if len(ws) != n {
		ws = make([]float64, n)
		for i := range ws {
			ws[i] = 1
		}
	}
	total := 0.0
	for _, w := range ws {
		total += w
	}
	out := make([]int, n)
	used := 0
	for i, w := range ws {
		out[i] = int(math.Round(w / total * textWidth))
		used += out[i]
	}
	out[n-1] += textWidth - used
	return out
}

// slot is what a row holds at a grid column: the cell that starts there,
// or the continuation of a cell that starts in a row above (a vMerge).
type slot struct {
	cell report.Placed
	cont bool
}

// writeRows writes placed rows. A cell spanning rows starts a vMerge; each
// row below it gets an empty continuation cell at its columns, as Word
// requires.
func writeRows(b *bytes.Buffer, r *report.Report, rows [][]report.Placed, widths []int, header, keep bool) {
	cols := len(widths)
	grid := make([][]*slot, len(rows))
	for i := range grid {
		grid[i] = make([]*slot, cols)
	}
	for _, row := range rows {
		for _, p := range row {
			grid[p.Row][p.Col] = &slot{cell: p}
			for k := 1; k < p.RowSpan; k++ {
				grid[p.Row+k][p.Col] = &slot{cell: p, cont: true}
			}
		}
	}
	for ri, line := range grid {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		last := ri == len(grid)-1
		for col := 0; col < cols; {
			s := line[col]
			if s == nil { // a malformed layout left a gap: fill it
				writeCell(b, widths[col], 1, "", styleCell, "", "")
				col++
				continue
			}
			p := s.cell
			w := 0
			for _, x := range widths[col : col+p.ColSpan] {
				w += x
			}
			merge := ""
			switch {
			case s.cont:
				merge = `<w:vMerge/>`
			case p.RowSpan > 1:
				merge = `<w:vMerge w:val="restart"/>`
			}
			text, style := "", cellStyle(p.GridCell)
			if !s.cont {
				text = r.CellText(p.GridCell)
			}
			props := ""
			if keep && !last {
				props = `<w:keepNext/>`
			}
			writeCell(b, w, p.ColSpan, merge, style, props, text)
			col += p.ColSpan
		}
		b.WriteString(`</w:tr>`)
	}
}

func writeCell(b *bytes.Buffer, width, span int, merge, style, props, text string) {
	b.WriteString(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
	if span > 1 {
		b.WriteString(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
	}
	b.WriteString(merge)
	b.WriteString(`<w:vAlign w:val="center"/></w:tcPr>`)
	paraWith(b, style, props, text)
	b.WriteString(`</w:tc>`)
}

// cellStyle sets column headers in 黑体 and centred, row labels left,
// numbers and group labels centred, the note smaller — as the template.
func cellStyle(g report.GridCell) string {
	switch {
	case g.IsValue():
		return styleCell
	case g.Note:
		return styleCellNote
	case g.Scope == "col" || g.Scope == "colgroup":
		return styleCellHead
	case g.Scope == "row":
		return styleCellLabel
	}
	return styleCell
}

func escapeAttr(b *bytes.Buffer, s string) {
	escape(b, s) // EscapeText also escapes quotes
}
