package pdf

import (
	"strconv"
	"strings"

	"nianbao/internal/report"
)

// document is a report as the PDF prints it: every string already cleaned
// for the fonts, narratives split into paragraphs.
type document struct {
	org, title  string
	publication string   // 第2版 for a corrected report, or ""
	signature   []string // the 落款: the body's name, and the date once published
	correction  []string // paragraphs of the 更正说明, or nil
	preface     []string
	sections    []section
	tables      map[*report.Table]*tableText
}

// section is one of the six, with paragraphs or a table.
type section struct {
	heading string
	paras   []string
	table   *report.Table
}

// tableText is the cleaned text of each grid cell, indexed like
// Layout.Head and Layout.Body.
type tableText struct {
	head, body [][]string
}

func newDocument(r *report.Report, f *sfnt) *document {
	c := func(s string) string { return clean(s, f) }
	cs := func(s string) []string {
		ps := paragraphs(s)
		for i := range ps {
			ps[i] = c(ps[i])
		}
		return ps
	}
	d := &document{
		org:         c(strings.TrimSpace(r.Org)),
		title:       c(strings.TrimSpace(r.DisplayTitle())),
		publication: c(r.RevisionLine()),
		correction:  cs(r.Correction()),
		preface:     cs(r.Preface),
		tables:      map[*report.Table]*tableText{},
	}
	if org, date := r.Signature(); org != "" {
		d.signature = append(d.signature, c(org))
		if date != "" {
			d.signature = append(d.signature, c(date))
		}
	}
	t := r.Template()
	for _, s := range t.Sections {
		sec := section{heading: c(s.Heading), table: s.Table}
		if s.Table != nil {
			d.tables[s.Table] = &tableText{head: cellTexts(r, s.Table.Layout.Head, c), body: cellTexts(r, s.Table.Layout.Body, c)}
		} else {
			sec.paras = cs(r.Narrative.Text(s.Narrative))
		}
		d.sections = append(d.sections, sec)
	}
	return d
}

// cellTexts is the printed text of each grid cell: its label, or its value
// as the published report writes it (the fee with four decimals).
func cellTexts(r *report.Report, rows [][]report.GridCell, c func(string) string) [][]string {
	out := make([][]string, len(rows))
	for i, row := range rows {
		for _, g := range row {
			text := g.Label
			if g.IsValue() {
				text = report.FormatValue(r.Template().Cell(g.Cell).Kind, r.Values[g.Cell])
			}
			out[i] = append(out[i], c(text))
		}
	}
	return out
}

// pageNumber is the folio at the foot of page n, as in 公文: — 1 —.
func pageNumber(n int) string { return "— " + strconv.Itoa(n) + " —" }
