package report

// Layout is how a table is printed: a grid of rows whose cells may span
// rows and columns, as in the official template. The form, the HTML page and
// the PDF all draw this one grid, so the merged headers are defined once.
type Layout struct {
	// Cols is the number of grid columns.
	Cols int
	// Head holds the header rows; a table that continues on another page
	// repeats them. Section 二 has none: each block carries its own.
	Head [][]GridCell
	// Body holds the rows below the header.
	Body [][]GridCell
	// Widths are the relative widths of the grid columns (they sum to 1).
	Widths []float64
}

// GridCell is one printed cell: a label (header, caption, row label) or a
// value cell.
type GridCell struct {
	// Label is the printed text of a label cell; empty for a value cell.
	Label string
	// Cell is the value cell drawn here, or NoCell for a label.
	Cell             CellID
	RowSpan, ColSpan int
	// ID identifies a label cell within the page (for headers="…").
	ID string
	// Scope is the HTML scope of a label cell: col, colgroup, row, rowgroup.
	Scope string
	// Headers lists the IDs of every label cell that describes a value cell:
	// its column headers first, then its row headers.
	Headers []string
	// Note marks a cell whose text is an explanatory note (section 三's
	// 勾稽关系), printed smaller.
	Note bool
}

// IsValue reports whether the grid cell holds a number.
func (g GridCell) IsValue() bool { return g.Cell != NoCell }

func label(id, text, scope string, rowSpan, colSpan int) GridCell {
	return GridCell{Label: text, Cell: NoCell, RowSpan: rowSpan, ColSpan: colSpan, ID: id, Scope: scope}
}

func value(id CellID, colSpan int, headers ...string) GridCell {
	return GridCell{Cell: id, RowSpan: 1, ColSpan: colSpan, Headers: headers}
}
