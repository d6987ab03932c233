package sheet_test

import (
	"bytes"
	"strings"
	"testing"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/sheet"
	"nianbao/internal/testenv"
	"nianbao/internal/workflow"
)

// TestRollupXLSXReadBack: a government with three seeds as its
// departments and a department whose report is still a draft. The
// workbook has the summary's tables and the bodies sheet, whose every
// cell is read back and compared with the seeds themselves: a row per
// body (the draft's row empty and named as not counted), the sums as the
// test adds them, and — the summary overriding one cell — the summary's
// figures in a last row.
func TestRollupXLSXReadBack(t *testing.T) {
	seeds := []string{"000", "002", "004"}
	members := []rollup.Member{{ID: 1, Name: "某市人民政府", Kind: org.LocalGovernment}}
	byName := map[string]*report.Report{}
	for i, name := range seeds {
		r := testenv.Seed(t, name)
		id := int64(i + 2)
		byName[r.Org] = r
		members = append(members, rollup.Member{ID: id, Parent: 1, Name: r.Org, Kind: org.Department,
			State: workflow.Published, Source: rollup.Source{Report: id, Version: 2}, Cells: rollup.Encode(r.Values)})
	}
	members = append(members, rollup.Member{ID: 9, Parent: 1, Name: "某市统计局", Kind: org.Department, State: workflow.Draft})
	cov, sum, err := rollup.Take(members, 1, report.ScopeRegion)
	if err != nil {
		t.Fatal(err)
	}
	m, err := rollup.NewMatrix(cov, sum)
	if err != nil {
		t.Fatal(err)
	}
	tp := report.T2021
	summary := rollup.Summary("某市人民政府", 2024, report.ScopeRegion, sum)
	joint := tp.Lookup("active.normative_docs.issued")
	summary.Values[joint].N-- // a document two departments issued jointly, counted once

	var buf bytes.Buffer
	if err := sheet.WriteRollupXLSX(&buf, summary, m); err != nil {
		t.Fatal(err)
	}
	f := open(t, buf.Bytes())
	if names := f.GetSheetList(); len(names) != 4 || names[3] != sheet.BodiesSheet {
		t.Fatalf("sheets %q, want the three tables and %s", names, sheet.BodiesSheet)
	}
	if got, _ := f.GetCellValue(f.GetSheetList()[0], "A1"); got != summary.DisplayTitle() {
		t.Errorf("first sheet's title %q", got)
	}
	rows, err := f.GetRows(sheet.BodiesSheet)
	if err != nil {
		t.Fatal(err)
	}
	const lead = 3
	if len(rows) != 2+4+2 {
		t.Fatalf("%d rows, want 2 headers, 4 bodies, the sums and the summary", len(rows))
	}
	col := map[string]int{}
	for j, p := range rows[1] {
		col[p] = j
	}
	counted := 0
	for _, line := range rows[2:6] {
		line = pad(line, lead+len(tp.Cells))
		r := byName[line[0]]
		if r == nil {
			if line[0] != "某市统计局" || line[1] != "草稿" || !strings.Contains(line[2], "尚未审核") {
				t.Errorf("the draft's row %q", line[:lead])
			}
		} else {
			counted++
			if line[1] != "已发布" || line[2] != "已计入" {
				t.Errorf("%s: %q", line[0], line[:lead])
			}
		}
		for _, def := range tp.Cells {
			if want := expected(r, tp, int(def.ID)); line[col[def.Path]] != want {
				t.Errorf("%s %s: %q, want %q", line[0], def.Path, line[col[def.Path]], want)
			}
		}
	}
	if counted != 3 {
		t.Errorf("%d bodies counted, want 3", counted)
	}
	sums, own := pad(rows[6], lead+len(tp.Cells)), pad(rows[7], lead+len(tp.Cells))
	if sums[0] != sheet.RowSum || own[0] != sheet.RowSummary || own[2] != "1个单元格与合计不同" {
		t.Errorf("closing rows %q / %q", sums[:lead], own[:lead])
	}
	for _, def := range tp.Cells {
		var n int64
		for _, name := range seeds {
			v, _ := testenv.Seed(t, name).Get(def.Path)
			n += v.N
		}
		want := report.FormatValue(def.Kind, report.Num(n))
		if got := sums[col[def.Path]]; got != want {
			t.Errorf("合计 %s: %q, want %q", def.Path, got, want)
		}
		if def.ID == joint {
			want = report.FormatValue(def.Kind, report.Num(n-1))
		}
		if got := own[col[def.Path]]; got != want {
			t.Errorf("汇总报告所填 %s: %q, want %q", def.Path, got, want)
		}
	}
}
