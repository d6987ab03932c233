package report

// Placed is a grid cell at the grid row and column where it starts. The
// Layout lists a row's cells as an HTML table does (a cell spanned from a
// row above is left out); formats that address cells by position — a Word
// table with its vMerge continuations, a spreadsheet's merged ranges — need
// that position.
type Placed struct {
	GridCell
	Row, Col int
}

// Place puts every cell of rows (a Layout's Head or Body) in its grid row
// and column, skipping columns a row span from above occupies. Spans are
// clipped to the grid, and a malformed row's cells beyond the last column
// are dropped, so that a caller can never address a cell outside it.
func Place(rows [][]GridCell, cols int) [][]Placed {
	out := make([][]Placed, len(rows))
	taken := make([][]bool, len(rows))
	for i := range taken {
		taken[i] = make([]bool, cols)
	}
	for ri, row := range rows {
		col := 0
		for _, gc := range row {
			for col < cols && taken[ri][col] {
				col++
			}
			if col >= cols {
				break
			}
			gc.RowSpan = min(max(gc.RowSpan, 1), len(rows)-ri)
			gc.ColSpan = min(max(gc.ColSpan, 1), cols-col)
			for r := ri; r < ri+gc.RowSpan; r++ {
				for c := col; c < col+gc.ColSpan; c++ {
					taken[r][c] = true
				}
			}
			out[ri] = append(out[ri], Placed{GridCell: gc, Row: ri, Col: col})
			col += gc.ColSpan
		}
	}
	return out
}

// CellText is what a grid cell prints for a report: a label's text, or
// the value as the published report prints it (blank "", 不适用, counts,
// 万元 with four decimals).
func (r *Report) CellText(g GridCell) string {
	if !g.IsValue() {
		return g.Label
	}
	return FormatValue(r.Template().Cell(g.Cell).Kind, r.Values[g.Cell])
}
