package pdf

import (
	"strconv"
	"strings"

	"nianbao/internal/report"
)

// alignment of a line in its box.
type alignment uint8

const (
	alignLeft alignment = iota
	alignCentre
	alignRight
	alignJustify // full lines spread to the box, the last one left
)

// textStyle is how a piece of text is set.
type textStyle struct {
	face  faceID
	size  float64 // points
	align alignment
}

var (
	titleStyle   = textStyle{serifBold, titleSize, alignCentre}
	pubStyle     = textStyle{serif, pubSize, alignCentre}
	headingStyle = textStyle{sans, bodySize, alignLeft}
	bodyStyle    = textStyle{serif, bodySize, alignJustify}
	// signatureStyle is the 落款's: body text, right-aligned.
	signatureStyle = textStyle{serif, bodySize, alignRight}
)

// indent is the two-character indent of paragraphs and headings.
var indent = 2 * mm(bodySize)

// maxSpread is the most space justification adds between two units, in
// ems; a line that would need more (a long word pushed to the next line)
// is left-aligned rather than gappy.
const maxSpread = 1.0

// lines breaks text for a box width in a style.
func (d *renderer) lines(st textStyle, text string, width, firstIndent float64) []line {
	k := breakKey{st.face, st.size, width, firstIndent, text}
	lines, ok := d.m.breaks[k]
	if !ok {
		lines = breakLines(text, d.m.width(st.face, st.size), width, firstIndent)
		d.m.breaks[k] = lines
	}
	return lines
}

// drawLine draws one line in a box of width boxW whose left edge is x,
// on the baseline base. last marks the last line of a paragraph, which a
// justified style leaves left-aligned.
func (d *renderer) drawLine(st textStyle, ln line, x, base, boxW float64, last bool) {
	d.setFont(st.face, st.size)
	switch st.align {
	case alignCentre:
		x += (boxW - ln.width) / 2
	case alignRight:
		x += boxW - ln.width
	case alignJustify:
		if e := (boxW - ln.width) / float64(max(ln.gaps(), 1)); !last && ln.gaps() > 0 && e > slack && e <= maxSpread*mm(st.size) {
			d.drawSpread(ln, x, base, e)
			return
		}
	}
	if text := ln.text(); text != "" {
		d.pdf.Text(x, base, text)
	}
}

// drawSpread justifies a line by adding e after every unit but inside a
// word: a run of Chinese characters is drawn in one piece with PDF
// character spacing (Tc), a word piece without, so Latin words are not
// letter-spaced.
func (d *renderer) drawSpread(ln line, x, base, e float64) {
	k := 72 / 25.4
	us := ln.units
	for i := 0; i < len(us); {
		if us[i].kind != ideo {
			if us[i].kind == word {
				d.pdf.Text(x, base, us[i].text)
			}
			x += us[i].width
			if i+1 < len(us) && !us[i+1].join {
				x += e
			}
			i++
			continue
		}
		var b strings.Builder
		j, w := i, 0.0
		for ; j < len(us) && us[j].kind == ideo; j++ {
			b.WriteString(us[j].text)
			w += us[j].width
		}
		d.pdf.RawWriteStr(strconv.FormatFloat(e*k, 'f', 4, 64) + " Tc")
		d.pdf.Text(x, base, b.String())
		d.pdf.RawWriteStr("0 Tc")
		x += w + float64(j-i)*e
		i = j
	}
}

// baseline is where text of size pt sits to look centred in a line box
// of height h whose top is top.
func baseline(top, h, size float64) float64 {
	return top + h/2 + capToCentre*mm(size)
}

// paragraph sets text in the type area on the body line pitch, first line
// indented; a paragraph never leaves its first line alone at a page foot.
func (d *renderer) paragraph(st textStyle, text string, firstIndent float64) {
	lines := d.lines(st, text, textW, firstIndent)
	lead := d.lead
	d.ensure(lead * float64(min(len(lines), 2)))
	for i, ln := range lines {
		d.ensure(lead)
		x, w := marginLeft, textW
		if i == 0 {
			x, w = x+firstIndent, w-firstIndent
		}
		d.drawLine(st, ln, x, baseline(d.y, lead, st.size), w, i == len(lines)-1)
		d.y += lead
	}
}

// drawDocument draws the whole report.
func (d *renderer) drawDocument(doc *document) {
	d.newPage()
	lead := mm(titleSize) * 1.5
	for _, ln := range d.titleLines(doc.title, doc.org) {
		d.ensure(lead)
		d.drawLine(titleStyle, ln, marginLeft, baseline(d.y, lead, titleSize), textW, true)
		d.y += lead
	}
	if doc.publication != "" {
		h := mm(pubSize) * 1.8
		d.drawLine(pubStyle, d.lines(pubStyle, doc.publication, textW, 0)[0], marginLeft, baseline(d.y, h, pubSize), textW, true)
		d.y += h
	}
	d.y += d.lead / 2
	if len(doc.correction) > 0 {
		d.heading(report.CorrectionHeading, 2)
		for _, p := range doc.correction {
			d.paragraph(bodyStyle, p, indent)
		}
	}
	for _, p := range doc.preface {
		d.paragraph(bodyStyle, p, indent)
	}
	for _, s := range doc.sections {
		d.section(doc, s)
	}
	d.signature(doc.signature)
}

// signature draws the 落款 after the last section: a blank line, then the
// body's name and the date, right-aligned two characters in from the
// margin, kept together on one page.
func (d *renderer) signature(lines []string) {
	if len(lines) == 0 {
		return
	}
	d.y += d.lead
	d.ensure(d.lead * float64(len(lines)))
	right := 2 * mm(bodySize)
	for _, text := range lines {
		for _, ln := range d.lines(signatureStyle, text, textW-right, 0) {
			d.drawLine(signatureStyle, ln, marginLeft, baseline(d.y, d.lead, bodySize), textW-right, true)
			d.y += d.lead
		}
	}
}

// titleLines breaks a title too long for one line after the body's name
// when both parts fit a line (濮阳市人民政府 / 2022年政府信息公开工作年度
// 报告), otherwise into lines of even length rather than a full line and
// a stub.
func (d *renderer) titleLines(title, org string) []line {
	lines := d.lines(titleStyle, title, textW, 0)
	if len(lines) <= 1 {
		return lines
	}
	if rest, ok := strings.CutPrefix(title, org); ok && org != "" && rest != "" {
		a, b := d.lines(titleStyle, org, textW, 0), d.lines(titleStyle, rest, textW, 0)
		if len(a) == 1 && len(b) == 1 {
			return append(a, b...)
		}
	}
	lo, hi := textW/float64(len(lines)), textW
	for range 20 {
		if mid := (lo + hi) / 2; len(d.lines(titleStyle, title, mid, 0)) > len(lines) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return d.lines(titleStyle, title, hi, 0)
}

// section draws a heading and its paragraphs or its table.
func (d *renderer) section(doc *document, s section) {
	if s.table == nil {
		d.heading(s.heading, min(len(s.paras), 1)*2)
		for _, p := range s.paras {
			d.paragraph(bodyStyle, p, indent)
		}
		return
	}
	g := d.newGrid(s.table, doc.tables[s.table])
	gap := d.lead / 4
	d.ensure(d.headingHeight(s.heading) + gap + g.leadHeight())
	d.heading(s.heading, 0)
	d.y += gap
	d.drawTable(g)
	d.y += gap
}

// headingHeight is the height a section heading takes.
func (d *renderer) headingHeight(text string) float64 {
	return float64(len(d.lines(headingStyle, text, textW, indent))) * d.lead
}

// heading draws a section heading in the sans face, kept on one page with
// the next keepLines body lines.
func (d *renderer) heading(text string, keepLines int) {
	d.ensure(d.headingHeight(text) + float64(keepLines)*d.lead)
	d.paragraph(headingStyle, text, indent)
}
