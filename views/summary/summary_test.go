package summary_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/workflow"
	"nianbao/views/layout"
	"nianbao/views/summary"
)

// input is a summary of two departments, one approved (7 in every cell
// it fills),
// one a draft, with one cell overridden.
func input(t *testing.T, canEdit bool) summary.Input {
	t.Helper()
	part := report.New(report.T2021)
	for i := range part.Values {
		part.Values[i] = report.Num(7)
	}
	report.FillTotals(part)
	vals := part.Values
	ms := []rollup.Member{
		{ID: 2, Parent: 1, Name: "甲局", Kind: org.Department, State: workflow.Approved,
			Source: rollup.Source{Report: 5, Version: 2}, Cells: rollup.Encode(vals)},
		{ID: 3, Parent: 1, Name: "乙局", Kind: org.Department, State: workflow.Draft},
	}
	cov, sum, err := rollup.Take(ms, 1, report.ScopeRegion)
	if err != nil {
		t.Fatal(err)
	}
	r := report.New(report.T2021)
	r.Scope = report.ScopeRegion
	rollup.Refresh(r, nil, sum.Values)
	r.Values[issued()] = report.Num(6)
	return summary.Input{Report: r, Version: 3, Taken: sum, TakenAt: time.Date(2025, 3, 1, 2, 0, 0, 0, time.UTC),
		Coverage: cov, CanEdit: canEdit, CSRF: "tok", Reasons: map[string]string{"W40:active.normative_docs.issued": "联合发文"},
		URLs: summary.URLs{Page: "/reports/9/rollup", Refresh: "/r", Override: "/o",
			Cell: func(p string) string { return "/reports/9/rollup?cell=" + p }}}
}

func issued() report.CellID { return report.T2021.Lookup("active.normative_docs.issued") }

func doc(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var b bytes.Buffer
	if err := c.Render(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSumsPage: every summed cell names its row and column, points at its
// headers and links to its parts; a cell that differs shows its sum; the
// open cell's parts list the counted body with the reason; the reader who
// may not edit gets no forms.
func TestSumsPage(t *testing.T) {
	in := input(t, false)
	d := doc(t, summary.SumsPage(summary.NewPage(layout.Page{Title: "汇总"}, in, issued(), nil)))
	cells := d.Find("table.sum-grid td")
	if cells.Length() != len(report.T2021.Cells) {
		t.Fatalf("%d summed cells, want %d", cells.Length(), len(report.T2021.Cells))
	}
	cells.Each(func(_ int, td *goquery.Selection) {
		for _, h := range strings.Fields(td.AttrOr("headers", "")) {
			if d.Find("#"+h).Length() != 1 {
				t.Errorf("headers=%q names no header", h)
			}
		}
		a := td.Find("a")
		if !strings.Contains(a.AttrOr("aria-label", ""), "：") || !strings.Contains(a.AttrOr("href", ""), "?cell=") {
			t.Errorf("cell link %v", a.Nodes)
		}
	})
	if got := d.Find("td.differs small.sum").Text(); got != "之和7" {
		t.Errorf("the overridden cell shows %q", got)
	}
	parts := d.Find("#parts").Text()
	for _, want := range []string{"甲局", "各单位之和7", "本报告发布数6", "调整原因：联合发文"} {
		if !strings.Contains(compact(parts), want) {
			t.Errorf("parts lack %q: %s", want, compact(parts))
		}
	}
	if d.Find("form").Length() != 0 {
		t.Error("a reader who may not edit is offered a form")
	}
	if got := compact(d.Find(".rollup-missing").Text()); got != "乙局草稿" {
		t.Errorf("missing %q", got)
	}
}

// TestPanelForTheClerk: the clerk's panel offers the refresh, and the
// parts the override form with the reason given.
func TestPanelForTheClerk(t *testing.T) {
	in := input(t, true)
	in.Changes = []rollup.Change{{Body: 2, Name: "甲局", Kind: rollup.Revised,
		Cells: []rollup.CellChange{{Cell: issued(), Old: report.Num(6), New: report.Num(7)}, {Cell: report.T2021.Lookup("requests.handled_total.total"), New: report.Num(1)}}}}
	d := doc(t, summary.CoveragePanel(summary.NewPanel(in, "edit")))
	if got := compact(d.Find(".rollup-stale li li").Text()); got != compact("第二部分 行政规范性文件 × 本年制发件数：6 → 7") {
		t.Errorf("the changed cells (totals left out): %q", got)
	}
	if d.Find(`form[action="/r"] input[name=back][value=edit]`).Length() != 1 || d.Find("#rollup-parts").Length() != 1 {
		t.Error("no refresh form or parts region in the editor's panel")
	}
	p := doc(t, summary.CellParts(summary.NewParts(in, issued(), "edit", &summary.Override{Figure: "5", ReasonError: "请写明原因"})))
	if p.Find("#override-figure").AttrOr("value", "") != "5" || p.Find("#override-reason-error").Text() != "请写明原因" {
		t.Error("a refused override is not brought back")
	}
}

func compact(s string) string { return strings.Join(strings.Fields(s), "") }
