package pdf

import (
	"slices"
	"strings"

	"nianbao/internal/report"
)

// grid is a table laid out for the page from its report.Layout: every
// cell placed in its grid column, its text broken for its width, and the
// height of every row.
type grid struct {
	key  string
	colX []float64 // left edge of each grid column, then the right edge
	head []*gridRow
	body []*gridRow
}

// gridRow holds the cells that start in it.
type gridRow struct {
	cells []*gridCell
	h     float64
	// keep ties a row to the next, so that a page never ends with it
	// (section 二's blocks; see markBlocks).
	keep bool
}

// gridCell is one cell of the layout, placed.
type gridCell struct {
	g        report.GridCell
	row, col int
	style    textStyle
	lines    []line
	need     float64 // the height its text needs, padding included
}

// newGrid lays out a table; text holds the cleaned text of each cell.
func (d *renderer) newGrid(tb *report.Table, text *tableText) *grid {
	g := &grid{key: tb.Key, colX: columns(tb.Layout)}
	g.head = d.gridRows(g, tb.Layout.Head, text.head)
	g.body = d.gridRows(g, tb.Layout.Body, text.body)
	markBlocks(g.body, pageBottom-marginTop)
	return g
}

// markBlocks ties together the rows of each block of a body that carries
// its own caption and header rows (section 二), so that a block is never
// split, or, if one is taller than half a page, its caption and header to
// its first data row.
func markBlocks(body []*gridRow, page float64) {
	for i := 0; i < len(body); {
		j, h := i+1, body[i].h
		for j < len(body) && !(isHeaderRow(body[j]) && !isHeaderRow(body[j-1])) {
			h += body[j].h
			j++
		}
		whole := isHeaderRow(body[i]) && h <= page/2
		for k := i; k < j-1; k++ {
			body[k].keep = whole || isHeaderRow(body[k])
		}
		i = j
	}
}

// columns turns the layout's relative widths into column edges across the
// type area (equal widths if the layout has none).
func columns(lay report.Layout) []float64 {
	n := max(lay.Cols, 1)
	ws := lay.Widths
	if len(ws) != n {
		ws = slices.Repeat([]float64{1}, n)
	}
	total := 0.0
	for _, w := range ws {
		total += w
	}
	x := []float64{marginLeft}
	for i, w := range ws {
		x = append(x, x[i]+w/total*textW)
	}
	return x
}

// gridRows places the cells of rows in grid columns, skipping columns that
// a row span from above occupies (as an HTML table does), breaks their
// text and sizes the rows.
func (d *renderer) gridRows(g *grid, rows [][]report.GridCell, text [][]string) []*gridRow {
	cols := len(g.colX) - 1
	out := make([]*gridRow, len(rows))
	taken := make([][]bool, len(rows)) // by a cell above or to the left
	for ri := range taken {
		taken[ri] = make([]bool, cols)
	}
	for ri, row := range rows {
		out[ri] = &gridRow{}
		col := 0
		for ci, gc := range row {
			for col < cols && taken[ri][col] {
				col++
			}
			if col >= cols {
				break // a malformed row: more cells than columns
			}
			gc.RowSpan = min(max(gc.RowSpan, 1), len(rows)-ri)
			gc.ColSpan = min(max(gc.ColSpan, 1), cols-col)
			for r := ri; r < ri+gc.RowSpan; r++ {
				for c := col; c < col+gc.ColSpan; c++ {
					taken[r][c] = true
				}
			}
			c := &gridCell{g: gc, row: ri, col: col, style: cellStyle(gc)}
			w := g.colX[col+gc.ColSpan] - g.colX[col] - 2*cellPadX
			c.lines = d.cellLines(c, text[ri][ci], w)
			c.need = float64(max(len(c.lines), 1))*lineHeight(c.style) + 2*cellPadY
			out[ri].cells = append(out[ri].cells, c)
			col += gc.ColSpan
		}
	}
	sizeRows(out)
	return out
}

// cellLines breaks a cell's text; a label that takes two lines and opens
// with a bracketed number is broken after it when both parts fit a line
// (（三）/不予公开 rather than （三）不/予公开).
func (d *renderer) cellLines(c *gridCell, text string, w float64) []line {
	lines := d.lines(c.style, text, w, 0)
	if c.g.IsValue() || len(lines) != 2 {
		return lines
	}
	if _, tail, ok := strings.Cut(text, "）"); ok && tail != "" {
		head := text[:len(text)-len(tail)]
		a, b := d.lines(c.style, head, w, 0), d.lines(c.style, tail, w, 0)
		if len(a) == 1 && len(b) == 1 {
			return append(a, b...)
		}
	}
	return lines
}

// cellStyle sets column headers in the sans face and centred, row labels
// left, group labels centred, numbers right and the note smaller.
func cellStyle(g report.GridCell) textStyle {
	switch {
	case g.IsValue():
		return textStyle{serif, tableSize, alignRight}
	case g.Note:
		return textStyle{serif, noteSize, alignJustify}
	case g.Scope == "col" || g.Scope == "colgroup":
		return textStyle{sans, tableSize, alignCentre}
	case g.Scope == "row":
		return textStyle{serif, tableSize, alignLeft}
	}
	return textStyle{serif, tableSize, alignCentre}
}

func lineHeight(st textStyle) float64 { return mm(st.size) * tableLead }

// sizeRows gives every row the height of its tallest one-row cell, then
// spreads what a spanning cell still lacks over the rows it spans.
func sizeRows(rows []*gridRow) {
	minH := lineHeight(textStyle{size: tableSize}) + 2*cellPadY
	var spans []*gridCell
	for _, r := range rows {
		r.h = minH
		for _, c := range r.cells {
			if c.g.RowSpan == 1 {
				r.h = max(r.h, c.need)
			} else {
				spans = append(spans, c)
			}
		}
	}
	slices.SortStableFunc(spans, func(a, b *gridCell) int { return a.g.RowSpan - b.g.RowSpan })
	for _, c := range spans {
		sum := 0.0
		for _, r := range rows[c.row : c.row+c.g.RowSpan] {
			sum += r.h
		}
		if extra := c.need - sum; extra > 0 {
			for _, r := range rows[c.row : c.row+c.g.RowSpan] {
				r.h += extra / float64(c.g.RowSpan)
			}
		}
	}
}

// isHeaderRow reports whether a body row holds only column labels.
func isHeaderRow(r *gridRow) bool {
	for _, c := range r.cells {
		if c.g.IsValue() || c.g.Scope != "col" && c.g.Scope != "colgroup" {
			return false
		}
	}
	return len(r.cells) > 0
}

// headHeight is the height of the header rows.
func (g *grid) headHeight() float64 {
	h := 0.0
	for _, r := range g.head {
		h += r.h
	}
	return h
}

// leadHeight is what must fit on a page for the table to start there: the
// header and the first body row with any caption rows tied to it.
func (g *grid) leadHeight() float64 {
	h := g.headHeight()
	for _, r := range g.body {
		h += r.h
		if !r.keep {
			break
		}
	}
	return h
}
