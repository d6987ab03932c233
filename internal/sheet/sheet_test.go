package sheet_test

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/internal/testenv"
)

// awkward is seed 003 with a blank, a 不适用 and a fee with decimals.
func awkward(t *testing.T) *report.Report {
	r := testenv.Seed(t, "003")
	tp := r.Template()
	r.Values[tp.Lookup("requests.granted.research")] = report.Value{}
	r.Values[tp.Lookup("requests.carried_over.other")] = report.Value{State: report.NotApplicable}
	r.Values[tp.Lookup("active.fees.amount_wan")] = report.Num(1041700)
	return r
}

func cases(t *testing.T) map[string]*report.Report {
	m := map[string]*report.Report{"awkward": awkward(t)}
	for _, name := range testenv.Seeds {
		m[name] = testenv.Seed(t, name)
	}
	return m
}

func open(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("not an xlsx: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestReportXLSXReadBack: each table is a sheet named by its section,
// every cell of report.Layout at its place with its merge, and every
// value as printed — blank empty, 0, 不适用, fees with four decimals.
func TestReportXLSXReadBack(t *testing.T) {
	for name, r := range cases(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := sheet.WriteReportXLSX(&buf, r); err != nil {
				t.Fatal(err)
			}
			f := open(t, buf.Bytes())
			var want []string
			for _, s := range r.Template().Sections {
				if s.Table != nil {
					want = append(want, s.Heading)
				}
			}
			if got := f.GetSheetList(); !slices.Equal(got, want) {
				t.Fatalf("sheets %q, want %q", got, want)
			}
			for _, s := range r.Template().Sections {
				if s.Table != nil {
					compareSheet(t, f, r, s, s.Heading)
				}
			}
		})
	}
}

func compareSheet(t *testing.T, f *excelize.File, r *report.Report, s report.Section, name string) {
	t.Helper()
	if got, _ := f.GetCellValue(name, "A1"); got != r.DisplayTitle() {
		t.Errorf("%s: title %q", name, got)
	}
	if got, _ := f.GetCellValue(name, "A2"); got != s.Heading {
		t.Errorf("%s: heading %q", name, got)
	}
	merges, err := f.GetMergeCells(name)
	if err != nil {
		t.Fatal(err)
	}
	gotMerges := map[string]string{}
	for _, m := range merges {
		gotMerges[m.GetStartAxis()] = m.GetEndAxis()
	}
	wantMerges := map[string]string{"A1": cell(s.Table.Layout.Cols, 1)}
	top := 3
	lay := s.Table.Layout
	for _, rows := range [][][]report.GridCell{lay.Head, lay.Body} {
		for _, row := range report.Place(rows, lay.Cols) {
			for _, p := range row {
				from := cell(p.Col+1, top+p.Row)
				if p.RowSpan > 1 || p.ColSpan > 1 {
					wantMerges[from] = cell(p.Col+p.ColSpan, top+p.Row+p.RowSpan-1)
				}
				got, err := f.GetCellValue(name, from)
				if err != nil {
					t.Fatal(err)
				}
				if want := r.CellText(p.GridCell); got != want {
					t.Errorf("%s %s: %q, want %q", name, from, got, want)
				}
			}
		}
		top += len(rows)
	}
	for from, to := range wantMerges {
		if gotMerges[from] != to {
			t.Errorf("%s: merge from %s to %q, want %s", name, from, gotMerges[from], to)
		}
	}
	if len(gotMerges) != len(wantMerges) {
		t.Errorf("%s: %d merges, want %d", name, len(gotMerges), len(wantMerges))
	}
}

func cell(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// readCSV reads a CSV written by sheet, which starts with a BOM.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\ufeff")) {
		t.Error("no byte-order mark: Excel would misread the Chinese")
	}
	lines, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// TestReportCSVReadBack: a line per cell, every cell once, each with its
// path and its value as printed, and row and column named as the
// template names them.
func TestReportCSVReadBack(t *testing.T) {
	for name, r := range cases(t) {
		t.Run(name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := sheet.WriteReportCSV(&buf, r); err != nil {
				t.Fatal(err)
			}
			lines := readCSV(t, buf.Bytes())
			tp := r.Template()
			if len(lines) != len(tp.Cells)+1 {
				t.Fatalf("%d lines, want %d", len(lines), len(tp.Cells)+1)
			}
			for _, l := range lines[1:] {
				id := tp.Lookup(l[3])
				if id == report.NoCell {
					t.Errorf("unknown path %q", l[3])
					continue
				}
				c := tp.Cell(id)
				if want := report.FormatValue(c.Kind, r.Values[id]); l[4] != want {
					t.Errorf("%s: %q, want %q", l[3], l[4], want)
				}
				if l[1] != c.RowName() || l[2] != c.ColName() {
					t.Errorf("%s: named %q × %q", l[3], l[1], l[2])
				}
			}
		})
	}
}

// TestMatrix: the supervisor's matrix, as xlsx and as CSV — a row per
// body with its state, a column per cell, blank kept apart from 0 and
// 不适用, a body without a report all empty, a 2019 report under the 2021
// columns by path, and the rates.
func TestMatrix(t *testing.T) {
	rows := []sheet.BodyRow{
		{Body: "甲机关", State: "已发布", Report: awkward(t)},
		{Body: "乙机关", State: "草稿", Report: testenv.Seed(t, "002")},
		{Body: "丙机关", State: "未开始"},
		{Body: "丁机关", State: "已发布", Report: testenv.Seed(t, "001")},
	}
	tp := report.T2021
	b, err := sheet.NewBook()
	if err != nil {
		t.Fatal(err)
	}
	if err := b.AddBodies("各机关", tp, rows); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	got, err := f.GetRows("各机关")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(rows)+2 {
		t.Fatalf("%d rows, want %d", len(got), len(rows)+2)
	}
	if got[0][3] != tp.Cells[0].Name() || got[1][3] != tp.Cells[0].Path || got[0][2] != sheet.HeadCounted {
		t.Errorf("headers %q / %q", got[0][:4], got[1][:4])
	}
	for i, br := range rows {
		line := pad(got[i+2], 3+len(tp.Cells))
		if line[0] != br.Body || line[1] != br.State {
			t.Errorf("row %d: %q %q", i, line[0], line[1])
		}
		for j := range tp.Cells {
			if want := expected(br.Report, tp, j); line[3+j] != want {
				t.Errorf("%s %s: %q, want %q", br.Body, tp.Cells[j].Path, line[2+j], want)
			}
		}
	}

	m := sheet.Matrix{Template: tp, Lead: []string{sheet.HeadBody, sheet.HeadState}, Rates: true}
	for _, br := range rows {
		m.Rows = append(m.Rows, sheet.MatrixRow{Lead: []string{br.Body, br.State}, Report: br.Report})
	}
	buf.Reset()
	if err := sheet.WriteMatrixCSV(&buf, m); err != nil {
		t.Fatal(err)
	}
	lines := readCSV(t, buf.Bytes())
	head := append(append([]string{sheet.HeadBody, sheet.HeadState}, report.RateNames...), tp.Cells[0].Path)
	if !slices.Equal(lines[0][:len(head)], head) {
		t.Errorf("CSV header starts %q, want %q", lines[0][:len(head)], head)
	}
	lead := 2 + len(report.RateNames)
	for i, br := range rows {
		for j := range tp.Cells {
			if want := expected(br.Report, tp, j); lines[i+1][lead+j] != want {
				t.Errorf("CSV %s %s: %q, want %q", br.Body, tp.Cells[j].Path, lines[i+1][lead+j], want)
			}
		}
	}
	// Seed 002: (43 + 64) / 125 made public.
	if got := lines[2][2]; got != "0.8560" {
		t.Errorf("公开率 of seed 002: %q, want 0.8560", got)
	}
	if got := strings.Join(lines[3][2:lead], ","); got != ",," {
		t.Errorf("rates of a body without a report: %q", got)
	}
}

// expected is the text a matrix cell must hold.
func expected(r *report.Report, tp *report.Template, j int) string {
	if r == nil {
		return ""
	}
	v, ok := r.Get(tp.Cells[j].Path)
	if !ok {
		return ""
	}
	return report.FormatValue(tp.Cells[j].Kind, v)
}

func pad(line []string, n int) []string {
	for len(line) < n {
		line = append(line, "")
	}
	return line
}

// TestSheetName: Excel's limits on sheet names.
func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{
		"二、主动公开政府信息情况":          "二、主动公开政府信息情况",
		"a/b[c]:d*e?f\\g":       "a_b_c__d_e_f_g",
		"":                      "Sheet",
		strings.Repeat("长", 40): strings.Repeat("长", 31),
	} {
		if got := sheet.SheetName(in); got != want {
			t.Errorf("SheetName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTwoReportsInOneBook: a region's summed report and one of its parts
// in one workbook, each table on a sheet of its own, both read back.
func TestTwoReportsInOneBook(t *testing.T) {
	sum, part := testenv.Seed(t, "003"), awkward(t)
	b, err := sheet.NewBook()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*report.Report{sum, part} {
		if err := b.AddReport(r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := b.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	list := f.GetSheetList()
	if len(list) != 6 || list[3] != list[0]+"（2）" {
		t.Fatalf("sheets %q", list)
	}
	for i, s := range sum.Template().Sections[1:4] {
		compareSheet(t, f, sum, s, list[i])
		compareSheet(t, f, part, s, list[i+3])
	}
}

// TestCSVInjection: a body's name that a spreadsheet would take for a
// formula is written as text (a leading apostrophe); others as typed.
func TestCSVInjection(t *testing.T) {
	names := []struct{ in, want string }{
		{`=HYPERLINK("http://evil.example","点击")`, `'=HYPERLINK("http://evil.example","点击")`},
		{"+1+1", "'+1+1"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"示范市-教育局", "示范市-教育局"},
		{"", ""},
	}
	m := sheet.Matrix{Template: report.T2021, Lead: []string{sheet.HeadBody}}
	for _, n := range names {
		m.Rows = append(m.Rows, sheet.MatrixRow{Lead: []string{n.in}})
	}
	var buf bytes.Buffer
	if err := sheet.WriteMatrixCSV(&buf, m); err != nil {
		t.Fatal(err)
	}
	lines := readCSV(t, buf.Bytes())
	for i, n := range names {
		if got := lines[i+1][0]; got != n.want {
			t.Errorf("%q written as %q, want %q", n.in, got, n.want)
		}
	}
}
