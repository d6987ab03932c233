package sheet

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/internal/report"
)

// Matrix is many reports side by side: a row per report, a column per
// cell of the template, after the leading columns (the body, its state,
// the year …) and, when Rates is set, the rates of report.Rates.
type Matrix struct {
	Template *report.Template
	// Lead are the headers of the leading columns; each row has as many
	// Lead values.
	Lead  []string
	Rates bool
	// Tables, when set, keeps the columns of these tables only (by key:
	// active, requests, reviews).
	Tables []string
	Rows   []MatrixRow
}

// MatrixRow is one row: its leading values and its report (nil for a body
// without one: every cell empty).
type MatrixRow struct {
	Lead   []string
	Report *report.Report
}

// BodyRow is a body's line in a supervisor's matrix: its name, the state
// of its report, whether (and how) its numbers count, and those numbers
// (nil: every cell empty).
type BodyRow struct {
	Body, State, Counted string
	Report               *report.Report
}

// Leading column headers of AddBodies.
const (
	HeadBody    = "机关"
	HeadState   = "状态"
	HeadCounted = "计入情况"
)

// AddBodies adds the supervisor's matrix: a row per body with its state
// and whether it counts, then every cell of its report.
func (b *Book) AddBodies(name string, t *report.Template, rows []BodyRow) error {
	m := Matrix{Template: t, Lead: []string{HeadBody, HeadState, HeadCounted}, Rows: make([]MatrixRow, len(rows))}
	for i, r := range rows {
		m.Rows[i] = MatrixRow{Lead: []string{r.Body, r.State, r.Counted}, Report: r.Report}
	}
	return b.AddMatrix(name, m)
}

// header returns the two header lines of a matrix: the Chinese names
// (第三部分 （一）予以公开 × 自然人) and the JSON paths, which a program
// reads; leading columns and rates have no path.
func (m Matrix) header() (names, paths []string) {
	names = append(names, m.Lead...)
	paths = append(paths, m.Lead...)
	if m.Rates {
		names = append(names, report.RateNames...)
		paths = append(paths, report.RateNames...)
	}
	for _, j := range m.columns() {
		c := &m.Template.Cells[j]
		names = append(names, c.Name())
		paths = append(paths, c.Path)
	}
	return names, paths
}

// columns are the indexes of the template's cells the matrix shows.
func (m Matrix) columns() []int {
	out := make([]int, 0, len(m.Template.Cells))
	for j := range m.Template.Cells {
		if len(m.Tables) == 0 || slices.Contains(m.Tables, m.Template.Cells[j].Table.Key) {
			out = append(out, j)
		}
	}
	return out
}

// AddMatrix adds a matrix sheet: the names of the columns in row 1, their
// JSON paths in row 2, the reports below, panes frozen at the first
// report cell. It streams, so a matrix of thousands of bodies stays small
// in memory.
func (b *Book) AddMatrix(name string, m Matrix) error {
	name, err := b.sheet(name)
	if err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("xlsx %s: %w", name, err)
	}
	if err := b.streamMatrix(sw, m); err != nil {
		return fmt.Errorf("xlsx %s: %w", name, err)
	}
	return nil
}

func (b *Book) streamMatrix(sw *excelize.StreamWriter, m Matrix) error {
	names, paths := m.header()
	lead := len(m.Lead)
	if m.Rates {
		lead += len(report.RateNames)
	}
	if err := sw.SetColWidth(1, 1, 28); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, len(names), 14); err != nil {
		return err
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: 1, YSplit: 2, TopLeftCell: cellName(2, 3), ActivePane: "bottomRight"}); err != nil {
		return err
	}
	for i, line := range [][]string{names, paths} {
		row := make([]any, len(line))
		for j, s := range line {
			row[j] = excelize.Cell{StyleID: b.st.head, Value: s}
		}
		if err := sw.SetRow(cellName(1, i+1), row); err != nil {
			return err
		}
	}
	cells, cols := m.Template.Cells, m.columns()
	for i, mr := range m.Rows {
		row := make([]any, 0, lead+len(cols))
		for _, s := range mr.Lead {
			row = append(row, excelize.Cell{StyleID: b.st.lead, Value: s})
		}
		if m.Rates {
			for _, q := range ratesOf(mr.Report) {
				var v any
				if q.OK {
					v = float64(q.Num) / float64(q.Den)
				}
				row = append(row, excelize.Cell{StyleID: b.st.amount, Value: v})
			}
		}
		for _, j := range cols {
			v := m.value(mr.Report, j)
			row = append(row, excelize.Cell{StyleID: b.st.valueStyle(cells[j].Kind, v), Value: cellValue(cells[j].Kind, v)})
		}
		if err := sw.SetRow(cellName(1, i+3), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// value is r's value of the matrix's j-th cell: blank for no report, and
// looked up by path for a report of another format (a 2019 report has no
// section 二 cells and other （六） rows).
func (m Matrix) value(r *report.Report, j int) report.Value {
	switch {
	case r == nil:
		return report.Value{}
	case r.Format == m.Template.Format:
		return r.Values[j]
	}
	v, _ := r.Get(m.Template.Cells[j].Path)
	return v
}

// ratesOf is a report's rates, all undefined for no report.
func ratesOf(r *report.Report) []report.Rate {
	if r == nil {
		return make([]report.Rate, len(report.RateNames))
	}
	return r.Rates()
}

// WriteMatrixCSV writes a matrix as CSV: UTF-8 with a byte-order mark (so
// that Excel and WPS read the Chinese), one header line of the column
// names — the leading headers, the rates, then each cell's JSON path,
// which is stable across years and documented in docs/report-json.md —
// and a line per report. A blank cell is empty, 不适用 is 不适用, a fee
// is in 万元 with four decimals, a rate a fraction with four decimals.
func WriteMatrixCSV(w io.Writer, m Matrix) error {
	mw, err := NewMatrixCSV(w, m)
	if err != nil {
		return err
	}
	for _, mr := range m.Rows {
		if err := mw.Write(mr); err != nil {
			return err
		}
	}
	return mw.Flush()
}

// MatrixCSV writes a matrix as CSV row by row (m.Rows is not used), for
// files of thousands of reports that should not sit in memory together.
type MatrixCSV struct {
	m    Matrix
	cols []int
	cw   *csv.Writer
	line []string
}

// NewMatrixCSV writes the byte-order mark and the header line.
func NewMatrixCSV(w io.Writer, m Matrix) (*MatrixCSV, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	mw := &MatrixCSV{m: m, cols: m.columns(), cw: csv.NewWriter(w)}
	_, paths := m.header()
	if err := mw.cw.Write(paths); err != nil {
		return nil, fmt.Errorf("csv: %w", err)
	}
	return mw, nil
}

// Write writes one row.
func (mw *MatrixCSV) Write(mr MatrixRow) error {
	line := mw.line[:0]
	for _, s := range mr.Lead {
		line = append(line, SafeCSVText(s))
	}
	if mw.m.Rates {
		for _, q := range ratesOf(mr.Report) {
			line = append(line, q.Decimal())
		}
	}
	for _, j := range mw.cols {
		line = append(line, report.FormatValue(mw.m.Template.Cells[j].Kind, mw.m.value(mr.Report, j)))
	}
	mw.line = line
	if err := mw.cw.Write(line); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// Flush writes what is buffered; call it at the end.
func (mw *MatrixCSV) Flush() error {
	mw.cw.Flush()
	if err := mw.cw.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}

// SafeCSVText keeps a text cell of a CSV file from being taken for a
// formula when the file is opened in Excel or WPS (CSV injection): a text
// that starts with =, +, -, @, a tab or a carriage return gets a leading
// apostrophe, which spreadsheets show as text and do not evaluate. Only
// texts people typed (body names …) pass here; numbers never start so.
func SafeCSVText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// bom is the UTF-8 byte-order mark.
const bom = "\ufeff"

// ReportCSV's header.
var reportCSVHeader = []string{"部分", "行", "列", "路径", "值"}

// WriteReportCSV writes one report's cells as CSV: a line per cell, in
// printed order, with its section, its row and column as the template
// names them, its JSON path and its value as printed (blank empty, 不适用,
// fees with four decimals).
func WriteReportCSV(w io.Writer, r *report.Report) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(reportCSVHeader); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	t := r.Template()
	for i := range t.Cells {
		c := &t.Cells[i]
		line := []string{"第" + c.Table.Section + "部分", c.RowName(), c.ColName(), c.Path, report.FormatValue(c.Kind, r.Values[i])}
		if err := cw.Write(line); err != nil {
			return fmt.Errorf("csv: %w", err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("csv: %w", err)
	}
	return nil
}
