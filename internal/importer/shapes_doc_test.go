package importer_test

import (
	"fmt"
	"html"
	"strings"
)

// A document the shape tests print: paragraphs and tables, written by the
// test, then saved as a web page (sDoc.html) or as an OpenDocument text
// (sDoc.fodt, LibreOffice's flat file, which carries what a word
// processor's page has: a running header and footer with page numbers,
// table header rows repeated on every page, text in two columns, text
// turned 90°), which LibreOffice makes a PDF of.

// sCell is a table cell: its text and spans (0 counts as 1).
type sCell struct {
	text             string
	rowspan, colspan int
	rotated          bool // printed turned 90° (a tall group cell)
	narrow           bool // a label cell kept narrow on a web page, so that it wraps
}

// sBlock is a paragraph (table nil) or a table; header is how many of
// its first rows repeat at the top of each page it runs onto.
type sBlock struct {
	para    string
	columns bool // the paragraph is set in two columns, with the paragraphs around it that are
	table   [][]sCell
	header  int
	widths  []float64 // the columns' widths in cm; nil: equal
	// turned prints the table alone on a page, turned by that many
	// degrees (90 or -90), as a wide table set sideways (web page only)
	turned int
}

// sDoc is the printed document.
type sDoc struct {
	header, footer bool // a running header (the title) and a footer 第N页 共M页
	title          string
	blocks         []sBlock
}

func cells(texts ...string) []sCell {
	out := make([]sCell, len(texts))
	for i, t := range texts {
		out[i] = sCell{text: t}
	}
	return out
}

func nums(vals ...int) []sCell {
	out := make([]sCell, len(vals))
	for i, v := range vals {
		out[i] = sCell{text: fmt.Sprint(v)}
	}
	return out
}

func span(text string, rows, cols int) sCell { return sCell{text: text, rowspan: rows, colspan: cols} }

func (c sCell) rows() int { return max(c.rowspan, 1) }
func (c sCell) cols() int { return max(c.colspan, 1) }

// html writes the document as a web page.
func (d sDoc) html() string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"><style>td{border:1px solid #000;font-size:10pt}</style></head><body>`)
	fmt.Fprintf(&b, "<h1>%s</h1>", html.EscapeString(d.title))
	for _, bl := range d.blocks {
		if bl.table == nil {
			fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(bl.para))
			continue
		}
		switch bl.turned {
		case 90:
			b.WriteString(`<div style="break-before:page;break-after:page;height:250mm;position:relative"><table style="position:absolute;transform:rotate(90deg) translate(0,-100%);transform-origin:top left;left:0;top:0;width:245mm;font-size:7pt">`)
		case -90:
			b.WriteString(`<div style="break-before:page;break-after:page;height:250mm;position:relative"><table style="position:absolute;transform:rotate(-90deg) translate(-100%,0);transform-origin:top left;left:0;top:0;width:245mm;font-size:7pt">`)
		default:
			b.WriteString("<table>")
		}
		for _, row := range bl.table {
			b.WriteString("<tr>")
			for _, c := range row {
				width := ""
				if c.narrow {
					width = ` style="width:5em"`
				}
				fmt.Fprintf(&b, `<td rowspan="%d" colspan="%d"%s>%s</td>`, c.rows(), c.cols(), width, html.EscapeString(c.text))
			}
			b.WriteString("</tr>")
		}
		b.WriteString("</table>")
		if bl.turned != 0 {
			b.WriteString("</div>")
		}
	}
	b.WriteString("</body></html>")
	return b.String()
}

// fodt writes the document as a flat OpenDocument text on A4 pages.
func (d sDoc) fodt() string {
	var b strings.Builder
	esc := html.EscapeString
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.99cm"/><style:text-properties fo:font-size="14pt"/></style:style>
<style:style style:name="Cell" style:family="paragraph"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Grid" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="Turned" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" style:rotation-angle="90"/></style:style>
` + d.columnStyles() + `<style:style style:name="Two" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.6cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">`)
	if d.header {
		fmt.Fprintf(&b, "<style:header><text:p>%s</text:p></style:header>", esc(d.title))
	}
	if d.footer {
		b.WriteString(`<style:footer><text:p>第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页</text:p></style:footer>`)
	}
	b.WriteString("</style:master-page></office:master-styles><office:body><office:text>")
	fmt.Fprintf(&b, "<text:p>%s</text:p>", esc(d.title))
	inColumns := false // consecutive paragraphs in two columns share a section
	for i, bl := range d.blocks {
		if bl.columns != inColumns {
			if bl.columns {
				fmt.Fprintf(&b, `<text:section text:name="S%d" text:style-name="Two">`, i)
			} else {
				b.WriteString("</text:section>")
			}
			inColumns = bl.columns
		}
		switch {
		case bl.table != nil:
			d.fodtTable(&b, i, bl)
		default:
			fmt.Fprintf(&b, `<text:p text:style-name="Body">%s</text:p>`, esc(bl.para))
		}
	}
	if inColumns {
		b.WriteString("</text:section>")
	}
	b.WriteString("</office:text></office:body></office:document>")
	return b.String()
}

// columnStyles are the styles of the tables' columns of given widths,
// and of those tables.
func (d sDoc) columnStyles() string {
	var b strings.Builder
	for n, bl := range d.blocks {
		total := 0.0
		for i, w := range bl.widths {
			fmt.Fprintf(&b, `<style:style style:name="T%d.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>`, n, i, w)
			total += w
		}
		if total > 0 {
			fmt.Fprintf(&b, `<style:style style:name="T%d" style:family="table"><style:table-properties style:width="%.2fcm" table:align="left"/></style:style>`, n, total)
		}
	}
	return b.String()
}

// fodtTable writes a table, its spans resolved into the grid ODF wants:
// every position a span covers holds a covered cell.
func (d sDoc) fodtTable(b *strings.Builder, n int, bl sBlock) {
	width := 0
	for _, c := range bl.table[0] {
		width += c.cols()
	}
	covered := make([][]bool, len(bl.table))
	for r := range covered {
		covered[r] = make([]bool, width)
	}
	fmt.Fprintf(b, `<table:table table:name="T%d" table:style-name="T%d">`, n, n)
	if bl.widths == nil {
		fmt.Fprintf(b, `<table:table-column table:number-columns-repeated="%d"/>`, width)
	}
	for i := range bl.widths {
		fmt.Fprintf(b, `<table:table-column table:style-name="T%d.C%d"/>`, n, i)
	}
	for r, row := range bl.table {
		if r == 0 && bl.header > 0 {
			b.WriteString("<table:table-header-rows>")
		}
		b.WriteString("<table:table-row>")
		col := 0
		for _, c := range row {
			for col < width && covered[r][col] {
				b.WriteString("<table:covered-table-cell/>")
				col++
			}
			style := "Grid"
			if c.rotated {
				style = "Turned"
			}
			fmt.Fprintf(b, `<table:table-cell table:style-name="%s" table:number-rows-spanned="%d" table:number-columns-spanned="%d"><text:p text:style-name="Cell">%s</text:p></table:table-cell>`,
				style, c.rows(), c.cols(), html.EscapeString(c.text))
			for dr := 0; dr < c.rows() && r+dr < len(bl.table); dr++ {
				for dc := 0; dc < c.cols() && col+dc < width; dc++ {
					if dr > 0 || dc > 0 {
						covered[r+dr][col+dc] = true
					}
				}
			}
			for dc := 1; dc < c.cols(); dc++ {
				b.WriteString("<table:covered-table-cell/>")
			}
			col += c.cols()
		}
		for ; col < width; col++ {
			b.WriteString("<table:covered-table-cell/>")
		}
		b.WriteString("</table:table-row>")
		if r == bl.header-1 {
			b.WriteString("</table:table-header-rows>")
		}
	}
	b.WriteString("</table:table>")
}
