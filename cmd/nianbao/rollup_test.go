package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"nianbao/internal/demo"
	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/internal/store"
)

// writeJSON writes a seed with edits made to its decoded JSON.
func writeJSON(t *testing.T, seed string, edit func(m map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(seedPath(seed))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	edit(m)
	out, _ := json.Marshal(m)
	p := filepath.Join(t.TempDir(), seed+"-edited.json")
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRollupCommand(t *testing.T) {
	blank := writeJSON(t, "002", func(m map[string]any) {
		m["requests"].(map[string]any)["granted"].(map[string]any)["research"] = nil
	})
	legacy := filepath.Join("..", "..", "internal", "importer", "testdata", "001.json")
	tests := []struct {
		name   string
		args   []string
		code   int
		stderr []string
	}{
		{"two reports", []string{"rollup", "--year", "2024", "--org", "某市人民政府", seedPath("000"), seedPath("002")}, 0,
			[]string{"某市人民政府：汇总2份报告"}},
		{"a blank", []string{"rollup", "--year", "2024", seedPath("004"), blank}, 1,
			[]string{"第三部分 （一）予以公开 × 科研机构：无法汇总，002-edited.json（瑞安市人民政府办公室）未填", "共1个单元格无法汇总"}},
		{"years differ", []string{"rollup", seedPath("000"), seedPath("002")}, 2, []string{"请用 --year 指定年度"}},
		{"2019 format", []string{"rollup", "--year", "2020", legacy, seedPath("002")}, 2, []string{"2019年格式"}},
		{"bad scope", []string{"rollup", "--scope", "city", seedPath("002")}, 2, []string{"level（本级）或 region"}},
		{"nothing", []string{"rollup"}, 2, []string{"请给出要汇总的报告文件"}},
		{"body without year", []string{"rollup", "--body", "1"}, 2, []string{"--year"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %s", code, tc.code, stderr)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

// TestRollupSumsCellByCell: the output of two seeds is their sum, cell by
// cell, totals as printed; it is a 汇总 report of its scope.
func TestRollupSumsCellByCell(t *testing.T) {
	out := filepath.Join(t.TempDir(), "sum.json")
	if code, _, stderr := runCmd(t, "rollup", "--year", "2024", "--scope", "level", seedPath("000"), seedPath("004"), "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	sum := readJSONReport(t, out)
	a, b := readJSONReport(t, seedPath("000")), readJSONReport(t, seedPath("004"))
	for _, def := range report.T2021.Cells {
		if got, want := sum.Values[def.ID].N, a.Values[def.ID].N+b.Values[def.ID].N; got != want || !sum.Values[def.ID].Filled() {
			t.Errorf("%s: %v, want %d", def.Path, sum.Values[def.ID], want)
		}
	}
	if sum.Scope != report.ScopeLevel || sum.Year != 2024 || !strings.Contains(sum.Preface, "汇总本级") {
		t.Errorf("scope %q, year %d, preface %q", sum.Scope, sum.Year, sum.Preface)
	}
}

func readJSONReport(t *testing.T, path string) *report.Report {
	t.Helper()
	r, err := readReport(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRollupFromDatabase: the demo city's region from the database, with
// the bodies not counted named.
func TestRollupFromDatabase(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(context.Background(), st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	code, stdout, stderr := runCmd(t, "rollup", "--db", db, "--body", demo.City, "--year", strconv.Itoa(demo.ReportYear))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"示范市人民政府：汇总4份报告（本行政区域范围内7个单位）", "未计入 / not counted：示范市教育局（草稿）", demo.Housing} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	r, err := report.Decode([]byte(stdout))
	if err != nil || r.Org != demo.City || r.Scope != report.ScopeRegion {
		t.Fatalf("output: %v %+v", err, r)
	}
	var want int64
	for _, name := range demo.Counted {
		want += demo.RegionReportOf(name).Values[0].N
	}
	if r.Values[0].N != want {
		t.Errorf("first cell %v, want %d", r.Values[0], want)
	}
	if code, _, stderr := runCmd(t, "rollup", "--db", db, "--body", "没有这个机关", "--year", strconv.Itoa(demo.ReportYear)); code != 2 || !strings.Contains(stderr, "没有名为") {
		t.Errorf("unknown body: %d %s", code, stderr)
	}
	testRollupXLSX(t, db)
}

// testRollupXLSX: --xlsx writes the workbook beside the JSON; its bodies
// sheet has every body of the demo region, and a counted body's numbers
// are the demo's report of that body.
func testRollupXLSX(t *testing.T, db string) {
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	if code, _, stderr := runCmd(t, "rollup", "--db", db, "--body", demo.City, "--year", strconv.Itoa(demo.ReportYear), "--xlsx", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet.BodiesSheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2+7+1 || rows[len(rows)-1][0] != sheet.RowSum {
		t.Fatalf("%d rows, want 2 headers, the region's 7 bodies and the sums", len(rows))
	}
	first := report.T2021.Cells[0]
	seen := 0
	for _, line := range rows[2:9] {
		name := strings.TrimLeft(line[0], "　")
		if !slices.Contains(demo.Counted, name) {
			continue
		}
		seen++
		if want := strconv.FormatInt(demo.RegionReportOf(name).Values[0].N, 10); line[3] != want || rows[1][3] != first.Path {
			t.Errorf("%s %s: %q, want %s", name, rows[1][3], line[3], want)
		}
	}
	if seen != len(demo.Counted) {
		t.Errorf("%d counted bodies in the sheet, want %d", seen, len(demo.Counted))
	}
	if code, _, stderr := runCmd(t, "rollup", "--xlsx", out, seedPath("000")); code != 2 || !strings.Contains(stderr, "--xlsx 需要 --body") {
		t.Errorf("--xlsx with files: %d %s", code, stderr)
	}
}
