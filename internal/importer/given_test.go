package importer_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/org"
	"nianbao/internal/report"
)

// seedJSONData is a seed's hand-made JSON (internal/report's fixtures).
func seedJSONData(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "report", "testdata", "seeds", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestReadGiven: a given report is JSON by its name or, without a name
// that says, by its first character; a published text is imported, with
// its reading; each refusal says what is wrong in Chinese.
func TestReadGiven(t *testing.T) {
	text, js := readSeed(t, "003"), seedJSONData(t, "003")
	for _, tc := range []struct {
		name, file string
		data       []byte
		imported   bool
		err        string
	}{
		{"JSON by content", "", js, false, ""},
		{"JSON with a BOM and spaces", "", append([]byte("\ufeff \n"), js...), false, ""},
		{"JSON by name", "上年.JSON", js, false, ""},
		{"text by content", "", []byte(text), true, ""},
		{"a .txt that starts with {", "上年.txt", []byte("{" + text), true, ""},
		{"broken JSON", "", []byte("{\n  \"year\": \"二〇二三\"\n}"), false, "不是有效的报告JSON：第2行"},
		{"not a report", "", []byte("去年的报告在档案室。"), false, "没有找到年度报告的任何一个部分标题"},
		{"empty", "上年.txt", []byte(" \n"), false, "文件是空的"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, res, err := importer.ReadGiven(tc.file, tc.data)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want one with %q", err, tc.err)
				}
				if tc.err == "没有找到年度报告的任何一个部分标题" && !errors.Is(err, importer.ErrNotReport) {
					t.Errorf("%v is not ErrNotReport", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if (res != nil) != tc.imported {
				t.Errorf("read as imported %v, want %v", res != nil, tc.imported)
			}
			if r.Org != "濮阳市人民政府" || r.Year != 2022 {
				t.Errorf("read %q %d", r.Org, r.Year)
			}
		})
	}
}

// TestCheckOptions: the kind given decides the 规章 row, else the name the
// report is signed with; a text's headings as printed are checked, a
// JSON's not; last year's report is passed on.
func TestCheckOptions(t *testing.T) {
	r, res, err := importer.ReadGiven("", []byte(readSeed(t, "003")))
	if err != nil {
		t.Fatal(err)
	}
	last := r.Clone()
	for _, tc := range []struct {
		name     string
		res      *importer.Result
		kind     org.Kind
		last     *report.Report
		noRules  bool
		headings bool
	}{
		{"a text, kind from its name (濮阳市人民政府)", res, "", nil, false, true},
		{"a text of a department", res, org.Department, last, true, true},
		{"JSON of a 乡镇", nil, org.Other, nil, true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opt := importer.CheckOptions(r, tc.res, true, tc.kind, tc.last)
			if !opt.Final || opt.NoRules != tc.noRules || (opt.Headings != nil) != tc.headings || opt.LastYear != tc.last {
				t.Errorf("options %+v", opt)
			}
		})
	}
}

// BenchmarkCheckGiven is the work of /check and `nianbao check` on seed
// 003's published text: read and check it alone, with last year's report
// as a text (read too), and as JSON.
func BenchmarkCheckGiven(b *testing.B) {
	text, js := []byte(readSeed(b, "003")), seedJSONData(b, "003")
	for _, bc := range []struct {
		name string
		last []byte
	}{{"alone", nil}, {"last-year-text", text}, {"last-year-json", js}} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				r, res, err := importer.ReadGiven("", text)
				if err != nil {
					b.Fatal(err)
				}
				var last *report.Report
				if bc.last != nil {
					if last, _, err = importer.ReadGiven("", bc.last); err != nil {
						b.Fatal(err)
					}
				}
				report.Check(r, importer.CheckOptions(r, res, true, "", last))
			}
		})
	}
}

// TestLastYearMismatch: last year's report of another year than the one
// before is said, with both years; the year before, or a year unknown, is
// not.
func TestLastYearMismatch(t *testing.T) {
	of := func(year int) *report.Report { r := report.New(report.T2021); r.Year = year; return r }
	for _, tc := range []struct {
		this, last int
		want       string
	}{
		{2024, 2023, ""},
		{2024, 2024, "所给的上年报告是2024年度的，不是2023年度的"},
		{2024, 2022, "所给的上年报告是2022年度的，不是2023年度的"},
		{2024, 0, ""},
		{0, 2023, ""},
	} {
		got := importer.LastYearMismatch(of(tc.this), of(tc.last))
		if tc.want == "" && got != "" || !strings.Contains(got, tc.want) {
			t.Errorf("%d with %d as last year's: %q, want %q", tc.this, tc.last, got, tc.want)
		}
	}
	if got := importer.LastYearMismatch(of(2024), nil); got != "" {
		t.Errorf("no last year's report: %q", got)
	}
}
