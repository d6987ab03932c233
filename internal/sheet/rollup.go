package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"nianbao/internal/report"
	"nianbao/internal/rollup"
)

// BodiesSheet is the name of a roll-up's sheet with a row per body.
const BodiesSheet = "各单位"

// Closing rows of a roll-up's bodies sheet.
const (
	RowSum     = "合计（各单位逐格相加）"
	RowSummary = "汇总报告所填"
)

// WriteRollupXLSX writes a region's 汇总 as supervisors ask for it: the
// summary's tables in the official layout (its figures as the office
// publishes them, overrides included), then the sheet 各单位 with a row
// per body in scope — indented by its place in the tree, the state of its
// report, whether and how it counts, and the numbers counted — closed by
// the sums cell by cell and, when the summary's figures differ from them
// (an override), a row with those figures, so that every difference can
// be seen where it is.
func WriteRollupXLSX(w io.Writer, summary *report.Report, m *rollup.Matrix) error {
	b, err := NewBook()
	if err != nil {
		return err
	}
	if err := b.AddReport(summary); err != nil {
		return err
	}
	if err := b.AddBodies(BodiesSheet, m.T, RollupRows(summary, m)); err != nil {
		return err
	}
	return b.Write(w)
}

// RollupRows are the lines of a roll-up's bodies sheet: a row per body,
// the sums, and the summary's own figures where they differ from the sums.
func RollupRows(summary *report.Report, m *rollup.Matrix) []BodyRow {
	rows := make([]BodyRow, 0, len(m.Rows)+2)
	counted := 0
	for _, mr := range m.Rows {
		row := BodyRow{Body: strings.Repeat("　", mr.Entry.Depth) + mr.Entry.Name,
			State: mr.Entry.State.Label(), Counted: mr.Entry.Why()}
		if mr.Values != nil {
			row.Report = withValues(m.T, mr.Values)
			counted++
		}
		rows = append(rows, row)
	}
	rows = append(rows, BodyRow{Body: RowSum, Counted: strconv.Itoa(counted) + "个单位计入",
		Report: withValues(m.T, m.Sum)})
	if n := differing(summary.Values, m.Sum); n > 0 {
		rows = append(rows, BodyRow{Body: RowSummary, State: summary.Org,
			Counted: fmt.Sprintf("%d个单元格与合计不同", n), Report: summary})
	}
	return rows
}

func withValues(t *report.Template, v []report.Value) *report.Report {
	r := report.New(t)
	copy(r.Values, v)
	return r
}

func differing(a, b []report.Value) int {
	n := 0
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			n++
		}
	}
	return n
}
