// Package document shows a report as the public reads it: the document laid
// out like the official 政府信息公开工作年度报告, with the three tables as
// real <table> markup built from report.Layout (merged headers, scope, id
// and headers="…" for screen readers). It is a component inside a page of
// the web app (Document) and a standalone HTML file (Standalone).
//
// The view model (NewView) holds all decisions; the templates only
// print it. Every label comes from internal/report.
package document

import (
	"math"
	"strconv"
	"strings"

	rpt "nianbao/internal/report"
)

// View is the report as the page shows it: the view model of Document.
type View struct {
	Title string
	// Publication is the revision and date line of a published report,
	// e.g. 第2版　2024年3月5日发布; empty for a draft.
	Publication string
	// Signature is the 落款 that ends the report: the body's name and,
	// once published, the date (the printed report has it so).
	Signature []string
	// Correction is the 更正说明 of a corrected revision; nil otherwise.
	Correction *Correction
	Preface    []string
	Sections   []Section
}

// Correction is a heading and the paragraphs of a 更正说明.
type Correction struct {
	Heading    string
	Paragraphs []string
}

// Section is one of the six sections: a heading with paragraphs, or with
// a table.
type Section struct {
	ID         string // anchor of the section's heading
	Heading    string
	Paragraphs []string
	// ParaPrefix names the paragraphs' ids: p-overview-0, p-overview-1 …
	ParaPrefix string
	// Places are the paragraphs' comment places (report.ParaPlace), set
	// where a reviewer may comment on them; none elsewhere.
	Places []string
	Table  *Table
}

// Table is a statistical table as rows of header and data cells.
type Table struct {
	ID      string
	Key     string // active, requests, reviews
	Caption string
	// Cols are the classes of the <col> elements, which give each grid
	// column its width from report.Layout.Widths (report.css has a rule
	// for each; style attributes are forbidden by the CSP).
	Cols []string
	Head []Row // rows of <thead>; none for section 二
	Body []Row
}

// Row is one <tr>.
type Row []Cell

// Cell is a <th> (Header) or a <td>.
type Cell struct {
	Header           bool
	Text             string
	ID               string // a th's id; a td's anchor (CellAnchor)
	Scope            string // th only: col, colgroup, row, rowgroup
	RowSpan, ColSpan int
	Headers          string // td only: the ids of its header cells
	Path             string // td only: the cell's JSON path
	Class            string
	// Unread, on a draft's cell whose typed text could not be read, says
	// why; Text is then that text, never the number stored before it.
	Unread string
	// Place is the cell's comment place (report.CellPlace), set where a
	// reviewer may comment on it.
	Place string
}

// NewView builds the view of a report.
func NewView(r *rpt.Report) View {
	d := View{
		Title:       r.DisplayTitle(),
		Publication: r.PublicationLine(),
		Preface:     paragraphs(r.Preface),
	}
	if org, date := r.Signature(); org != "" {
		d.Signature = append(d.Signature, org)
		if date != "" {
			d.Signature = append(d.Signature, date)
		}
	}
	if c := paragraphs(r.Correction()); len(c) > 0 {
		d.Correction = &Correction{Heading: rpt.CorrectionHeading, Paragraphs: c}
	}
	t := r.Template()
	for _, s := range t.Sections {
		sec := Section{ID: SectionAnchor(s.Number), Heading: s.Heading}
		if s.Table != nil {
			sec.Table = newTable(r, s.Table)
		} else {
			sec.Paragraphs = paragraphs(r.Narrative.Text(s.Narrative))
			sec.ParaPrefix = ParaPrefix(s.Narrative)
		}
		d.Sections = append(d.Sections, sec)
	}
	return d
}

func newTable(r *rpt.Report, tb *rpt.Table) *Table {
	t := &Table{ID: "table-" + tb.Key, Key: tb.Key, Caption: r.Template().Caption(tb), Cols: colClasses(tb.Layout)}
	for _, row := range tb.Layout.Head {
		t.Head = append(t.Head, newRow(r, row))
	}
	for _, row := range tb.Layout.Body {
		t.Body = append(t.Body, newRow(r, row))
	}
	return t
}

func newRow(r *rpt.Report, row []rpt.GridCell) Row {
	out := make(Row, 0, len(row))
	for _, g := range row {
		c := Cell{RowSpan: g.RowSpan, ColSpan: g.ColSpan}
		if g.IsValue() {
			def := r.Template().Cell(g.Cell)
			c.Text = rpt.FormatValue(def.Kind, r.Values[g.Cell])
			c.Headers = strings.Join(g.Headers, " ")
			c.Path = def.Path
			c.ID = CellAnchor(def.Path)
			c.Class = "num"
			if c.Text == "" {
				c.Class = "num blank"
			}
			if e := r.Refusal(g.Cell); e != nil {
				c.Text, c.Class, c.Unread = e.Input, "num unread", "未能读取："+r.RefusalNote(e)
			}
		} else {
			c.Header, c.Text, c.ID, c.Scope = true, g.Label, g.ID, g.Scope
			if g.Note {
				c.Class = "note"
			}
		}
		out = append(out, c)
	}
	return out
}

// colClasses names each column's width in thousandths: report-w-270 is
// 27 % of the table.
func colClasses(lay rpt.Layout) []string {
	out := make([]string, len(lay.Widths))
	for i, w := range lay.Widths {
		out[i] = "report-w-" + strconv.Itoa(int(math.Round(w*1000)))
	}
	return out
}

func paragraphs(s string) []string { return rpt.Paragraphs(s) }

// ParaPrefix is the id prefix of a narrative section's paragraphs.
func ParaPrefix(narrative string) string { return "p-" + narrative }

// ParaAnchor is the id of paragraph i (from 0) of a narrative section.
func ParaAnchor(narrative string, i int) string { return ParaPrefix(narrative) + "-" + strconv.Itoa(i) }

// CellAnchor is the id of a value cell in the document, so that a finding,
// a change or a comment can link to it: v-requests-granted-total.
func CellAnchor(path string) string { return "v-" + strings.ReplaceAll(path, ".", "-") }

// TitleAnchor is the id of the report's title, where a finding about it
// (W7) goes; the preface's paragraphs are ParaAnchor(report.FieldPreface, i).
const TitleAnchor = "report-title"

// SectionAnchor is the id of a section's heading.
func SectionAnchor(number string) string { return "section-" + number }
