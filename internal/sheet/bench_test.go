package sheet_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/internal/testenv"
)

// BenchmarkReportXLSX writes one report's tables as a workbook.
func BenchmarkReportXLSX(b *testing.B) {
	r := testenv.Seed(b, "003")
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := sheet.WriteReportXLSX(&buf, r); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len())/1024, "KiB")
}

// BenchmarkMatrix5000 writes the matrix of 5,000 bodies' reports, as a
// workbook and as CSV.
func BenchmarkMatrix5000(b *testing.B) {
	r := testenv.Seed(b, "003")
	rows := make([]sheet.BodyRow, 5000)
	for i := range rows {
		rows[i] = sheet.BodyRow{Body: fmt.Sprintf("单位%04d", i), State: "已发布", Report: r}
	}
	b.Run("xlsx", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			book, err := sheet.NewBook()
			if err != nil {
				b.Fatal(err)
			}
			if err := book.AddBodies("各机关", report.T2021, rows); err != nil {
				b.Fatal(err)
			}
			if err := book.Write(&buf); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len())/1024, "KiB")
	})
	b.Run("csv", func(b *testing.B) {
		m := sheet.Matrix{Template: report.T2021, Lead: []string{sheet.HeadBody, sheet.HeadState}, Rates: true}
		for _, br := range rows {
			m.Rows = append(m.Rows, sheet.MatrixRow{Lead: []string{br.Body, br.State}, Report: br.Report})
		}
		for b.Loop() {
			if err := sheet.WriteMatrixCSV(io.Discard, m); err != nil {
				b.Fatal(err)
			}
		}
	})
}
