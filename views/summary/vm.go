// Package summary shows a 汇总 report's sums: the coverage panel beside the
// editor's tables (every body in scope, its state, whether it is counted,
// what changed since the sums were taken, and the button that takes new
// ones), the parts of a cell (which body gave what) with the form that sets
// a figure differing from its sum, with its reason; the page of the summed
// tables; and the choice of a new report's kind and scope. It takes
// internal/rollup's results and knows nothing of Echo or the store.
package summary

import (
	"fmt"
	"strings"
	"time"

	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/workflow"
	"nianbao/views/layout"
)

// Input is what every part of this package is built from.
type Input struct {
	Report *report.Report // the summary as it stands
	// Version is the summary's stored version (the forms act on it).
	Version int
	// Taken are the sums as last taken (Sum nil: never), TakenAt when.
	Taken   *rollup.Sum
	TakenAt time.Time
	// Coverage is who is in scope now; Changes what changed in the parts
	// since the sums were taken.
	Coverage rollup.Coverage
	Changes  []rollup.Change
	// Reasons are the reasons given for the summary's warnings, by key.
	Reasons map[string]string
	// CanEdit: the reader is the summary's clerk and it is a draft.
	CanEdit bool
	CSRF    string
	URLs    URLs
}

// URLs are where the panel and page link and post.
type URLs struct {
	Page     string // the page of sums and parts
	Cell     func(path string) string
	Refresh  string
	Override string
	Edit     string // the editor, when the reader may edit
	View     string // the read-only report
	XLSX     string // the roll-up as a workbook
}

// Body is one body of the coverage.
type Body struct {
	Name, State string
	// Counted says whether and how it counts: 已计入, 已计入…的汇总, 尚未开始填报 …
	Counted string
	Depth   int
	Missing bool
	// Pending: its numbers changed since the sums were taken.
	Pending bool
}

// Change is one part that changed since the sums were taken.
type Change struct {
	Name, What string
	// Cells are its changed cells, e.g. 第二部分 行政规范性文件·本年制发件数：3 → 4.
	Cells []string
	More  int // changed cells not listed
}

// Panel is the coverage panel beside the editor's tables (and atop the
// page of sums).
type Panel struct {
	Heading string
	Taken   string // when the sums were taken, in words
	Counted int    // bodies counted (directly or through a summary)
	InScope int
	Missing []Body
	Bodies  []Body
	Changes []Change
	// Stale: a part changed since the sums were taken.
	Stale      bool
	NeverTaken bool
	CanRefresh bool
	RefreshURL string
	PageURL    string
	// PartsURL is the parts of a cell without the cell (the script adds
	// ?cell=…); Back is where a form returns (edit, page).
	PartsURL string
	// XLSXURL is the roll-up as a workbook (a sheet per table and a row
	// per body).
	XLSXURL string
	Back    string
	CSRF    string
	Version int
}

const maxCellsPerChange = 8

// NewPanel builds the coverage panel; back names the page it is on.
func NewPanel(in Input, back string) Panel {
	scope := in.Report.Scope
	p := Panel{Heading: "汇总报告 · " + scope.Label(), InScope: len(in.Coverage.Entries), Back: back, CSRF: in.CSRF,
		Version: in.Version, PageURL: in.URLs.Page, RefreshURL: in.URLs.Refresh, PartsURL: in.URLs.Page, XLSXURL: in.URLs.XLSX,
		CanRefresh: in.CanEdit, NeverTaken: in.Taken == nil, Stale: len(in.Changes) > 0 && in.Taken != nil}
	if in.Taken != nil {
		p.Taken = "汇总于" + in.TakenAt.In(workflow.ChinaTime).Format("2006年1月2日 15:04")
	} else {
		p.Taken = "尚未取得汇总数"
	}
	pending := map[int64]bool{}
	for _, c := range in.Changes {
		pending[c.Body] = true
		p.Changes = append(p.Changes, change(in.Report.Template(), c))
	}
	for _, e := range in.Coverage.Entries {
		b := Body{Name: e.Name, State: e.State.Label(), Counted: e.Why(), Depth: e.Depth,
			Missing: e.Status == rollup.Missing, Pending: pending[e.ID]}
		if !b.Missing {
			p.Counted++
		} else {
			p.Missing = append(p.Missing, b)
		}
		p.Bodies = append(p.Bodies, b)
	}
	return p
}

func change(t *report.Template, c rollup.Change) Change {
	out := Change{Name: c.Name, What: c.Kind.Label()}
	for _, cc := range c.Cells {
		def := t.Cell(cc.Cell)
		if def.Computed { // totals follow the cells they add up
			continue
		}
		if len(out.Cells) == maxCellsPerChange {
			out.More++
			continue
		}
		out.Cells = append(out.Cells, fmt.Sprintf("%s：%s → %s", def.Name(), shown(def, cc.Old), shown(def, cc.New)))
	}
	return out
}

// shown prints a value, a blank as 空白.
func shown(def *report.CellDef, v report.Value) string {
	if v.State == report.Blank {
		return "空白"
	}
	return report.FormatValue(def.Kind, v)
}

// Parts is what one cell of the summary is made of.
type Parts struct {
	Path, Name string
	Computed   bool
	Rows       []PartRow
	// Zeros counts the parts that gave 0 (not listed one by one).
	Zeros         int
	Sum, Figure   string
	Differs       bool
	Blank         string // the bodies that left the cell blank
	NotApplicable string // the bodies that printed 不适用 (counted as 0)
	Changed       []string
	Reason        string
	CanOverride   bool
	OverrideURL   string
	Back, CSRF    string
	Version       int
	// FigureError, ReasonError and Typed* bring a refused override back.
	FigureError, ReasonError string
	TypedFigure, TypedReason string
	NeverTaken               bool
}

// PartRow is one body's share of a cell.
type PartRow struct {
	Body, Value string
}

// NewParts builds the parts of a cell; typed brings back a refused
// override (nil when none).
func NewParts(in Input, id report.CellID, back string, typed *Override) Parts {
	t := in.Report.Template()
	def := t.Cell(id)
	figure := in.Report.Values[id]
	p := Parts{Path: def.Path, Name: def.Name(), Computed: def.Computed, Figure: shown(def, figure),
		CanOverride: in.CanEdit && !def.Computed, OverrideURL: in.URLs.Override, Back: back, CSRF: in.CSRF,
		Version: in.Version, Reason: in.Reasons[report.RuleSummaryDiffers+":"+def.Path], NeverTaken: in.Taken == nil}
	p.TypedFigure, p.TypedReason = in.Report.Entry(id), p.Reason
	if typed != nil {
		p.TypedFigure, p.TypedReason, p.FigureError, p.ReasonError = typed.Figure, typed.Reason, typed.FigureError, typed.ReasonError
	}
	if in.Taken == nil {
		return p
	}
	sum := in.Taken.Values[id]
	p.Sum, p.Differs = shown(def, sum), sum != figure
	for _, c := range in.Taken.Contributions(id) {
		if c.Value == report.Num(0) {
			p.Zeros++
			continue
		}
		p.Rows = append(p.Rows, PartRow{Body: c.Part.Name, Value: shown(def, c.Value)})
	}
	p.Blank = strings.Join(in.Taken.BlankIn(id), "、")
	p.NotApplicable = strings.Join(in.Taken.NotApplicableIn(id), "、")
	for _, c := range in.Changes {
		for _, cc := range c.Cells {
			if cc.Cell == id {
				p.Changed = append(p.Changed, fmt.Sprintf("%s（%s）：%s → %s", c.Name, c.Kind.Label(), shown(def, cc.Old), shown(def, cc.New)))
			}
		}
	}
	return p
}

// Override is an override form as typed, with what was wrong with it.
type Override struct {
	Figure, Reason           string
	FigureError, ReasonError string
}

// Page is the page of a summary's summed tables and a cell's parts.
type Page struct {
	Frame   layout.Page
	Title   string
	EditURL string
	ViewURL string
	Panel   Panel
	Tables  []Table
	Parts   *Parts
}

// Table is a summed table laid out as the official one.
type Table struct {
	Key, Caption string
	Head         [][]Cell
	Body         [][]Cell
}

// Cell is a header or a summed value, which links to its parts.
type Cell struct {
	G report.GridCell
	// Figure is the summary's value, Sum its sum where they differ.
	Figure, Sum string
	Differs     bool
	Selected    bool
	Link        string
	Aria        string
}

// Headers are the ids of a value cell's header cells (headers="…").
func (c Cell) Headers() string { return strings.Join(c.G.Headers, " ") }

// NewPage builds the page; cell is the cell whose parts are open (NoCell:
// none).
func NewPage(frame layout.Page, in Input, cell report.CellID, typed *Override) Page {
	p := Page{Frame: frame, Title: in.Report.DisplayTitle(), EditURL: in.URLs.Edit, ViewURL: in.URLs.View,
		Panel: NewPanel(in, "page")}
	if cell != report.NoCell {
		parts := NewParts(in, cell, "page", typed)
		p.Parts = &parts
	}
	t := in.Report.Template()
	for _, s := range t.Sections {
		if s.Table != nil {
			p.Tables = append(p.Tables, table(in, s, cell))
		}
	}
	return p
}

func table(in Input, s report.Section, selected report.CellID) Table {
	tb := s.Table
	out := Table{Key: tb.Key, Caption: s.Heading}
	conv := func(rows [][]report.GridCell) [][]Cell {
		var res [][]Cell
		for _, row := range rows {
			var r []Cell
			for _, g := range row {
				r = append(r, cellOf(in, g, selected))
			}
			res = append(res, r)
		}
		return res
	}
	out.Head, out.Body = conv(tb.Layout.Head), conv(tb.Layout.Body)
	return out
}

func cellOf(in Input, g report.GridCell, selected report.CellID) Cell {
	c := Cell{G: g}
	if !g.IsValue() {
		return c
	}
	def := in.Report.Template().Cell(g.Cell)
	v := in.Report.Values[g.Cell]
	c.Figure, c.Selected, c.Link = shown(def, v), g.Cell == selected, in.URLs.Cell(def.Path)
	c.Aria = def.AriaLabel() + "：" + c.Figure
	if in.Taken != nil && in.Taken.Values[g.Cell] != v {
		c.Sum, c.Differs = shown(def, in.Taken.Values[g.Cell]), true
		c.Aria += "，各单位之和为" + c.Sum
	}
	return c
}

// ScopeOption is one choice of a new report's kind and scope.
type ScopeOption struct {
	Value, Label, Help string
}

// ScopeOptions are the choices offered to a body with subordinate bodies.
func ScopeOptions() []ScopeOption {
	return []ScopeOption{
		{"", "本机关报告", "只报告本机关的工作"},
		{string(report.ScopeLevel), "汇总报告（本级）", "汇总本机关及所属工作部门的报告"},
		{string(report.ScopeRegion), "汇总报告（本行政区域）", "汇总本行政区域内各部门、下级人民政府及乡镇、街道的报告"},
	}
}
