package pdf

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"time"
)

// ptPerMM converts millimetres, the unit of the layout, to PDF points.
const ptPerMM = 72 / 25.4

// pageHPt is the A4 page height in points (the media box).
const pageHPt = 841.89

// canvas is the PDF being drawn: pages of content in millimetres from the
// top left, the three faces, and the document information. It writes
// only the few operators the layout needs (text, lines, character
// spacing) and keeps, per face, the characters drawn in it, so that each
// font is cut down to them when the file is written (file.go).
type canvas struct {
	faces  []*sfnt
	used   []map[rune]bool // per face: the characters drawn
	pages  []*bytes.Buffer
	page   *bytes.Buffer // the page being drawn
	face   faceID
	size   float64 // points
	footer func()  // draws the folio of the page being finished
	info   docInfo
}

// docInfo is the document information dictionary. The texts are encoded
// already (pdfText).
type docInfo struct {
	title, subject, author, creator, producer string
	created                                   time.Time
}

func newCanvas(faces []*sfnt) *canvas {
	c := &canvas{faces: faces, face: -1, used: make([]map[rune]bool, len(faces))}
	for i := range c.used {
		c.used[i] = map[rune]bool{}
	}
	c.info.created = time.Now()
	return c
}

// addPage finishes the page being drawn (its folio) and starts another.
func (c *canvas) addPage() {
	c.finishPage()
	c.page = &bytes.Buffer{}
	c.pages = append(c.pages, c.page)
	c.printf("%.2f w\n", ruleWidth*ptPerMM)
}

// finishPage draws the folio of the page being drawn, if any.
func (c *canvas) finishPage() {
	if c.page != nil && c.footer != nil {
		c.footer()
	}
}

// pageNo is the number of the page being drawn, 0 before the first.
func (c *canvas) pageNo() int { return len(c.pages) }

// setFont selects a face and size (points) for the text that follows.
func (c *canvas) setFont(face faceID, size float64) {
	c.face, c.size = face, size
	if c.page != nil {
		c.printf("/F%d %.2f Tf\n", face+1, size)
	}
}

// stringWidth is the advance of s in the current face and size, in mm.
func (c *canvas) stringWidth(s string) float64 {
	w := 0
	for _, r := range s {
		w += c.faces[c.face].width1000(r)
	}
	return float64(w) * (c.size / ptPerMMVar) / 1000
}

// ptPerMMVar is ptPerMM rounded to a float64 before it divides, as the
// layout's measurements always were (gofpdf's scale factor).
var ptPerMMVar = ptPerMM

// text draws s with its baseline at y, starting at x (mm from the top left).
func (c *canvas) text(x, y float64, s string) {
	used := c.used[c.face]
	b := c.page
	fmt.Fprintf(b, "BT %.2f %.2f Td (", x*ptPerMM, pageHPt-y*ptPerMM)
	for _, r := range s {
		if r > 0xFFFF {
			r = substitute // never drawn: text.go substitutes first
		}
		used[r] = true
		writeEscaped(b, byte(r>>8))
		writeEscaped(b, byte(r))
	}
	b.WriteString(") Tj ET\n")
}

// writeEscaped writes one byte of a literal string.
func writeEscaped(b *bytes.Buffer, c byte) {
	switch c {
	case '\\', '(', ')':
		b.WriteByte('\\')
	case '\r':
		b.WriteString(`\r`)
		return
	}
	b.WriteByte(c)
}

// charSpacing sets the space added after every character, in points.
func (c *canvas) charSpacing(pt float64) {
	if pt == 0 {
		c.page.WriteString("0 Tc\n")
		return
	}
	c.printf("%.4f Tc\n", pt)
}

// line strokes a line from (x1, y1) to (x2, y2), in mm.
func (c *canvas) line(x1, y1, x2, y2 float64) {
	c.printf("%.2f %.2f m %.2f %.2f l S\n", x1*ptPerMM, pageHPt-y1*ptPerMM, x2*ptPerMM, pageHPt-y2*ptPerMM)
}

func (c *canvas) printf(format string, args ...any) { fmt.Fprintf(c.page, format, args...) }

// width1000 is the advance of r in thousandths of an em, rounded as PDF
// widths are; a character the face lacks has the width of the missing
// glyph.
func (f *sfnt) width1000(r rune) int {
	g := 0
	if f.has(r) {
		g = int(f.cmap[r])
	}
	return int(math.Round(1000 / float64(f.unitsPerEm) * float64(f.advance[g])))
}

// pdfDate is a date as PDF writes it (local time, as it was set).
func pdfDate(t time.Time) string { return "D:" + t.Format("20060102150405") }

// hexString is s as a PDF hexadecimal string.
func hexString(s string) string {
	b := make([]byte, 0, 2+2*len(s))
	b = append(b, '<')
	for i := 0; i < len(s); i++ {
		b = strconv.AppendUint(b, uint64(s[i])>>4, 16)
		b = strconv.AppendUint(b, uint64(s[i])&15, 16)
	}
	return string(append(b, '>'))
}
