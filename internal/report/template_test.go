package report_test

import (
	"strings"
	"testing"

	"nianbao/internal/report"
)

func TestTemplateShape(t *testing.T) {
	tests := []struct {
		table      string
		rows, cols int // data-model rows, cells per row (of the first row)
	}{
		{"active", 6, 3},
		{"requests", 25, 7},
		{"reviews", 3, 5},
	}
	total := 0
	for _, tc := range tests {
		tb := report.T2021.Table(tc.table)
		if tb == nil {
			t.Fatalf("no table %s", tc.table)
		}
		if len(tb.Rows) != tc.rows || len(tb.Rows[0].Cells) != tc.cols {
			t.Errorf("%s: %d rows × %d cells, want %d × %d", tc.table, len(tb.Rows), len(tb.Rows[0].Cells), tc.rows, tc.cols)
		}
		for _, r := range tb.Rows {
			total += len(r.Cells)
		}
	}
	if total != 200 || len(report.T2021.Cells) != 200 {
		t.Errorf("cells: %d in rows, %d defined; want 10 + 175 + 15 = 200", total, len(report.T2021.Cells))
	}
	leaves := 0
	for _, r := range report.T2021.Table("requests").Rows {
		if r.Leaf {
			leaves++
		}
	}
	if leaves != 21 {
		t.Errorf("section 三 has %d result rows, want 21", leaves)
	}
}

func TestSectionsInOrder(t *testing.T) {
	want := []string{"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"}
	for i, s := range report.T2021.Sections {
		if s.Heading != want[i] {
			t.Errorf("section %d: %q, want %q", i+1, s.Heading, want[i])
		}
		if (s.Table == nil) == (s.Narrative == "") {
			t.Errorf("section %s must be either a table or a narrative", s.Heading)
		}
	}
}

// TestComputedCells: the 总计 column and （七） row of 三, and 四's 总计.
func TestComputedCells(t *testing.T) {
	var computed []string
	for _, c := range report.T2021.Cells {
		if c.Computed {
			computed = append(computed, c.Path)
		}
	}
	if len(computed) != 25+6+3 {
		t.Errorf("%d computed cells, want 34: %v", len(computed), computed)
	}
	for _, p := range []string{"requests.granted.total", "requests.handled_total.natural_person", "requests.handled_total.total", "reviews.litigation_direct.total"} {
		if !report.T2021.Cell(report.T2021.Lookup(p)).Computed {
			t.Errorf("%s should be computed", p)
		}
	}
}

// TestLayoutGrids: every grid row fills exactly Cols columns once the cells
// spanning down from rows above are counted, every value cell appears once,
// and every headers reference names a label cell of the same table.
func TestLayoutGrids(t *testing.T) {
	for _, tmpl := range []*report.Template{report.T2021, report.T2019} {
		for _, tb := range tmpl.Tables {
			t.Run(tmpl.Format+"/"+tb.Key, func(t *testing.T) {
				lay := tb.Layout
				ids := map[string]bool{}
				seen := map[report.CellID]int{}
				rows := append(append([][]report.GridCell{}, lay.Head...), lay.Body...)
				carry := make([]int, lay.Cols) // rows still covered from above, per column
				for ri, row := range rows {
					col := 0
					for _, g := range row {
						for col < lay.Cols && carry[col] > 0 {
							col++
						}
						for k := 0; k < g.ColSpan; k++ {
							if col+k >= lay.Cols {
								t.Fatalf("row %d overflows %d columns", ri, lay.Cols)
							}
							carry[col+k] = g.RowSpan
						}
						col += g.ColSpan
						if g.IsValue() {
							seen[g.Cell]++
						} else if g.ID != "" {
							if ids[g.ID] {
								t.Errorf("duplicate id %s", g.ID)
							}
							ids[g.ID] = true
						}
					}
					for c := range carry {
						if carry[c] == 0 {
							t.Errorf("row %d leaves column %d empty", ri, c)
						}
						carry[c]--
					}
				}
				for _, r := range tb.Rows {
					for _, id := range r.Cells {
						if seen[id] != 1 {
							t.Errorf("%s drawn %d times", tmpl.Cell(id).Path, seen[id])
						}
					}
				}
				for _, row := range rows {
					for _, g := range row {
						for _, h := range g.Headers {
							if !ids[h] {
								t.Errorf("cell %s refers to unknown header %s", tmpl.Cell(g.Cell).Path, h)
							}
						}
					}
				}
			})
		}
	}
}

// TestRequestsMergedHeaders pins the official merges of section 三.
func TestRequestsMergedHeaders(t *testing.T) {
	lay := report.T2021.Table("requests").Layout
	spans := map[string][2]int{}
	for _, row := range append(append([][]report.GridCell{}, lay.Head...), lay.Body...) {
		for _, g := range row {
			if !g.IsValue() {
				spans[g.Label] = [2]int{g.RowSpan, g.ColSpan}
			}
		}
	}
	want := map[string][2]int{
		"申请人情况": {1, 7}, "自然人": {2, 1}, "法人或其他组织": {1, 5}, "总计": {2, 1},
		"三、本年度办理结果": {22, 1}, "（三）不予公开": {8, 1}, "（四）无法提供": {3, 1},
		"（五）不予处理": {5, 1}, "（六）其他处理": {3, 1}, "（七）总计": {1, 2},
		"一、本年新收政府信息公开申请数量": {1, 3}, "四、结转下年度继续办理": {1, 3},
	}
	for label, w := range want {
		if spans[label] != w {
			t.Errorf("%s: rowspan,colspan %v, want %v", label, spans[label], w)
		}
	}
	if note := lay.Head[0][0]; !strings.HasPrefix(note.Label, "（本列数据的勾稽关系为") || note.RowSpan != 3 || note.ColSpan != 3 {
		t.Errorf("note cell: %+v", note)
	}
}

func TestCellNames(t *testing.T) {
	tests := []struct{ path, name, aria string }{
		{"requests.granted.natural_person", "第三部分 （一）予以公开 × 自然人", "三、本年度办理结果 （一）予以公开，申请人情况 自然人"},
		{"requests.withheld_inquiry.research", "第三部分 （三）不予公开 8.属于行政查询事项 × 科研机构",
			"三、本年度办理结果 （三）不予公开 8.属于行政查询事项，申请人情况 法人或其他组织 科研机构"},
		{"reviews.litigation_direct.pending", "第四部分 未经复议直接起诉·尚未审结", "行政诉讼 未经复议直接起诉 尚未审结"},
		{"active.fees.amount_wan", "第二部分 行政事业性收费 × 本年收费金额（单位：万元）", "第二十条第（八）项 行政事业性收费，本年收费金额（单位：万元）"},
	}
	for _, tc := range tests {
		def := report.T2021.Cell(report.T2021.Lookup(tc.path))
		if got := def.Name(); got != tc.name {
			t.Errorf("%s Name() = %q, want %q", tc.path, got, tc.name)
		}
		if got := def.AriaLabel(); got != tc.aria {
			t.Errorf("%s AriaLabel() = %q, want %q", tc.path, got, tc.aria)
		}
	}
}
