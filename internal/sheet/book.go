// Package sheet writes reports as spreadsheets (.xlsx, with
// github.com/xuri/excelize/v2) and CSV files:
//
//   - a report's tables in the official layout, one sheet per table, the
//     merged headers taken from report.Layout (Book.AddReport) — any
//     report, a body's own or a region's 汇总;
//   - a matrix of many reports: a row per body (or body and year), a
//     column per cell of the template, after leading columns such as the
//     body and its state (Book.AddMatrix, Book.AddBodies, WriteMatrixCSV);
//   - one report's cells as CSV, a line per cell with its row and column
//     labels (WriteReportCSV).
//
// In every file a blank cell stays empty, 0 is the number 0 and 不适用 is
// the text 不适用: the three are never merged. Counts are numbers, fees
// are numbers in 万元 shown with four decimals.
package sheet

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"nianbao/internal/report"
)

// ContentType is the media type of an .xlsx file.
const ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

// Book is a workbook being built. Add sheets, then Write it once.
type Book struct {
	f      *excelize.File
	sheets int
	st     styles
	used   map[string]bool // sheet names taken, in lower case (Excel ignores case)
}

// NewBook starts an empty workbook.
func NewBook() (*Book, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &Book{f: f, st: st, used: map[string]bool{}}, nil
}

// sheet creates the next sheet (the first replaces excelize's Sheet1). A
// name already taken (a second report's tables in one book) gets a number:
// 三、收到和处理政府信息公开申请情况（2）.
func (b *Book) sheet(name string) (string, error) {
	base := SheetName(name)
	name = base
	for n := 2; b.used[strings.ToLower(name)]; n++ {
		suffix := "（" + strconv.Itoa(n) + "）"
		name = SheetName(string([]rune(base)[:min(len([]rune(base)), 31-len([]rune(suffix)))]) + suffix)
	}
	b.used[strings.ToLower(name)] = true
	b.sheets++
	if b.sheets == 1 {
		if err := b.f.SetSheetName("Sheet1", name); err != nil {
			return "", fmt.Errorf("sheet %q: %w", name, err)
		}
		return name, nil
	}
	if _, err := b.f.NewSheet(name); err != nil {
		return "", fmt.Errorf("sheet %q: %w", name, err)
	}
	return name, nil
}

// Write writes the workbook and releases it.
func (b *Book) Write(w io.Writer) error {
	defer b.f.Close()
	if err := b.f.Write(w); err != nil {
		return fmt.Errorf("xlsx: %w", err)
	}
	return nil
}

// WriteReportXLSX writes one report's tables as a workbook, the file
// `nianbao render --format xlsx` and the public page offer.
func WriteReportXLSX(w io.Writer, r *report.Report) error {
	b, err := NewBook()
	if err != nil {
		return err
	}
	if err := b.AddReport(r); err != nil {
		b.f.Close()
		return err
	}
	return b.Write(w)
}

// SheetName makes a valid sheet name: at most 31 characters, none of
// []:*?/\ (Excel refuses them).
func SheetName(s string) string {
	out := make([]rune, 0, 31)
	for _, r := range s {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			r = '_'
		}
		if len(out) == 31 {
			break
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		return "Sheet"
	}
	return string(out)
}

// cellValue is what a spreadsheet cell holds for a value: nil (empty) for
// blank, the text 不适用, a count as an integer, a fee as 万元.
func cellValue(k report.Kind, v report.Value) any {
	switch v.State {
	case report.Blank:
		return nil
	case report.NotApplicable:
		return report.NotApplicableJSON
	}
	if k == report.AmountWan {
		return float64(v.N) / report.YuanPerWan
	}
	return v.N
}
