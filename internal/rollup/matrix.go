package rollup

import "nianbao/internal/report"

// Matrix is a roll-up as supervisors' spreadsheets lay it out: a row per
// body in scope, with its state and whether it counts, and a column per
// cell of the template; the last row is the sum. It is what the .xlsx of a
// roll-up (internal/sheet, from the board and from the summary) writes,
// beside one sheet per table in the official layout.
type Matrix struct {
	T    *report.Template
	Rows []MatrixRow
	// Sum is the sums, cell by cell.
	Sum []report.Value
}

// MatrixRow is one body: Values are its counted numbers (nil when its
// report does not count, or counts through a summary above it).
type MatrixRow struct {
	Entry  Entry
	Values []report.Value
}

// NewMatrix lays out a coverage and its sum; the numbers of each counted
// body are its part's.
func NewMatrix(cov Coverage, sum *Sum) (*Matrix, error) {
	m := &Matrix{T: sum.T, Sum: sum.Values}
	parts := make(map[int64]*Part, len(sum.Parts))
	for i := range sum.Parts {
		parts[sum.Parts[i].Body] = &sum.Parts[i]
	}
	for _, e := range cov.Entries {
		row := MatrixRow{Entry: e}
		if p := parts[e.ID]; p != nil && e.Status == Counted {
			v, err := Decode(sum.T, p.Cells)
			if err != nil {
				return nil, err
			}
			row.Values = v
		}
		m.Rows = append(m.Rows, row)
	}
	return m, nil
}
