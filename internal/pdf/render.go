package pdf

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/jung-kurt/gofpdf"

	"nianbao/internal/report"
)

// Page geometry in millimetres: A4 with the type area of 公文 (GB/T 9704:
// 156 × 225 mm, 37 mm from the top, 28 mm from the left).
const (
	pageW        = 210.0
	pageH        = 297.0
	marginTop    = 37.0
	marginLeft   = 28.0
	marginRight  = 26.0
	marginBottom = 35.0
	textW        = pageW - marginLeft - marginRight // 156
	pageBottom   = pageH - marginBottom             // 262
	folioY       = pageBottom + 7 + 4.5             // baseline, 7 mm below the type area
)

// Type sizes in points. The body is 15.75 pt (三号 as 公文 sets it: 28
// characters fill the 156 mm line exactly) on a fixed 28 pt line pitch.
const (
	titleSize   = 22    // 二号
	bodySize    = 15.75 // 三号
	bodyLead    = 28
	pubSize     = 12   // 小四
	folioSize   = 14   // 四号
	tableSize   = 10.5 // 五号, as the official template's tables
	noteSize    = 9
	tableLead   = 1.3  // line height in table cells, × size
	cellPadX    = 0.9  // mm
	cellPadY    = 1.0  // mm
	ruleWidth   = 0.2  // mm, the ruled lines of a table
	capToCentre = 0.38 // CJK glyph centre above the baseline, × size
)

// mm converts points to millimetres.
func mm(pt float64) float64 { return pt * 25.4 / 72 }

// Render writes the publishable PDF of r to w: A4, the six sections with
// the three tables in the official layout, page numbers, and the
// publication line and 更正说明 of a published revision. Any text renders:
// what the fonts cannot draw becomes 〓. Nothing is written to w when it
// fails, and a panic inside gofpdf comes back as an error.
func Render(r *report.Report, w io.Writer) error {
	faces, err := loadFaces()
	if err != nil {
		return err
	}
	file, err := render(r, faces)
	if err != nil {
		return err
	}
	if _, err := w.Write(file); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

// render returns the PDF of r.
func render(r *report.Report, faces []*sfnt) ([]byte, error) {
	drawn, err := drawFile(r, faces)
	if err != nil {
		return nil, err
	}
	return recompress(drawn)
}

// drawFile returns the file gofpdf writes of r, its subset fonts named as
// PDF asks, before recompress. The document is first laid out without
// gofpdf (to choose the pitch and to learn each face's characters), then
// drawn once.
func drawFile(r *report.Report, faces []*sfnt) (file []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: gofpdf failed: %v", p)
		}
	}()
	doc := newDocument(r, faces[serif])
	m := newMetrics(faces)
	lead, laid := choosePitch(doc, m)
	cut, err := cutFaces(faces, laid)
	if err != nil {
		return nil, err
	}
	d, err := newRenderer(m, cut)
	if err != nil {
		return nil, err
	}
	d.lead = lead
	d.setInfo(r)
	d.drawDocument(doc)
	if err := cut.covers(d.drawn); err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := d.fpdf.Output(&out); err != nil {
		return nil, fmt.Errorf("pdf: output: %w", err)
	}
	return nameSubsets(out.Bytes(), cut.runes), nil
}

// choosePitch lays the document out on the body's line pitch and returns
// the pitch to draw it on with that layout. A last page holding only a few
// lines is set again on a slightly tighter pitch (at most 5 % less), when
// that takes those lines back.
func choosePitch(doc *document, m *metrics) (float64, *layout) {
	d, l := layOut(doc, m, mm(bodyLead))
	if pages := l.pages; pages > 1 && d.y-marginTop < (pageBottom-marginTop)/5 {
		for _, k := range []float64{0.975, 0.95} {
			if tight, tl := layOut(doc, m, mm(bodyLead)*k); tl.pages < pages {
				return tight.lead, tl
			}
		}
	}
	return d.lead, l
}

// layOut sets the whole document on a body line pitch of lead mm in a
// layout, which draws nothing.
func layOut(doc *document, m *metrics, lead float64) (*renderer, *layout) {
	l := newLayout()
	d := &renderer{pdf: l, m: m, font: fontState{face: -1}, lead: lead}
	l.footer = d.footer
	d.drawDocument(doc)
	l.finish()
	return d, l
}

// cutFont is each face cut down to the characters a layout drew in it.
type cutFont struct {
	faces []*sfnt
	runes [][]rune // per face, sorted
	data  [][]byte // per face, the subset font file
}

// cutFaces cuts each face down to what l drew in it, and a space, so
// that no font gofpdf is given is empty.
func cutFaces(faces []*sfnt, l *layout) (*cutFont, error) {
	c := &cutFont{faces: faces}
	for i := range faceFiles {
		used := l.used[i]
		rs := make([]rune, 0, len(used)+1)
		rs = append(rs, ' ')
		for r := range used {
			if r != ' ' {
				rs = append(rs, r)
			}
		}
		slices.Sort(rs)
		data, err := faces[i].subset(rs)
		if err != nil {
			return nil, err
		}
		c.runes = append(c.runes, rs)
		c.data = append(c.data, data)
	}
	return c, nil
}

// covers checks that every character the drawing set in a face is in
// that face's cut: the layout and the drawing run the same code, and this
// keeps a change that breaks that from printing missing glyphs.
func (c *cutFont) covers(drawn *layout) error {
	for i := range faceFiles {
		for r := range drawn.used[i] {
			if _, ok := slices.BinarySearch(c.runes[i], r); !ok {
				return fmt.Errorf("pdf: %q drawn in %s was not laid out", r, faceFiles[i].psName)
			}
		}
	}
	return nil
}

// fontState is the face and size currently set in gofpdf.
type fontState struct {
	face faceID
	size float64
}

// renderer draws one document, on gofpdf or in a layout.
type renderer struct {
	pdf  surface
	fpdf *gofpdf.Fpdf // nil in a layout
	// drawn notes the characters drawn through gofpdf, for cutFont.covers.
	drawn *layout
	font  fontState
	m     *metrics
	y     float64 // top of the free space on the current page
	// lead is the body's line pitch in mm: bodyLead, or a little less
	// when that keeps a last page from holding only a few lines.
	lead float64
}

// recorded is gofpdf noting, as a layout does, the characters it draws.
type recorded struct {
	*gofpdf.Fpdf
	l *layout
}

func (s recorded) SetFont(family, style string, size float64) {
	s.l.SetFont(family, style, size)
	s.Fpdf.SetFont(family, style, size)
}

func (s recorded) Text(x, y float64, t string) {
	s.l.Text(x, y, t)
	s.Fpdf.Text(x, y, t)
}

// newRenderer starts a document whose fonts hold just the runes it draws.
func newRenderer(m *metrics, cut *cutFont) (*renderer, error) {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, 0)
	p.SetCatalogSort(true)
	p.SetCompression(false) // recompress compresses the pages, once
	drawn := newLayout()
	d := &renderer{pdf: recorded{p, drawn}, fpdf: p, drawn: drawn, m: m, font: fontState{face: -1}, lead: mm(bodyLead)}
	for i, ff := range faceFiles {
		// A failed AddUTF8FontFromBytes only prints; SetFont then fails.
		p.AddUTF8FontFromBytes(ff.family, "", cut.data[i])
		p.SetFont(ff.family, "", bodySize)
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("pdf: add font %s: %w", ff.file, err)
		}
	}
	p.SetFooterFunc(d.footer)
	return d, nil
}

// setInfo fills the document properties. They are encoded here as UTF-16
// with surrogates, because gofpdf's own encoder breaks on characters
// beyond U+FFFF (a name with 𠮷 is kept exactly).
func (d *renderer) setInfo(r *report.Report) {
	p := d.fpdf
	p.SetTitle(pdfText(r.DisplayTitle()), false)
	subject := report.ReportName
	if r.Year != 0 {
		subject = fmt.Sprintf("%s %d年%s", r.Org, r.Year, report.ReportName)
	}
	p.SetSubject(pdfText(subject), false)
	p.SetAuthor(pdfText(r.Org), false)
	p.SetCreator("nianbao", false)
	p.SetProducer("nianbao (gofpdf)", false)
	if pub := r.Publication; pub != nil {
		if t, err := time.Parse(time.DateOnly, pub.Date); err == nil {
			p.SetCreationDate(t)
			p.SetModificationDate(t)
		}
	}
}

// pdfText encodes a document-information string as UTF-16BE with a BOM.
func pdfText(s string) string {
	var rs []rune
	for _, r := range s {
		if !unicode.IsControl(r) {
			rs = append(rs, r)
		}
	}
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode(rs) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}

// setFont selects a face and size in gofpdf, unless already set.
func (d *renderer) setFont(face faceID, size float64) {
	if d.font == (fontState{face, size}) || face < 0 {
		return
	}
	d.font = fontState{face, size}
	d.pdf.SetFont(faceFiles[face].family, "", size)
}

// newPage starts a page; gofpdf draws the previous page's folio first.
func (d *renderer) newPage() {
	prev := d.font
	d.pdf.AddPage()
	d.font = fontState{face: -1}
	d.setFont(prev.face, prev.size)
	d.y = marginTop
}

// ensure starts a new page unless h millimetres fit below the cursor.
func (d *renderer) ensure(h float64) {
	if d.pdf.PageNo() == 0 || d.y+h > pageBottom+slack {
		d.newPage()
	}
}

// footer draws the folio — n — centred below the type area.
func (d *renderer) footer() {
	prev := d.font
	d.setFont(serif, folioSize)
	s := pageNumber(d.pdf.PageNo())
	d.pdf.Text((pageW-d.stringWidth(serif, folioSize, s))/2, folioY, s)
	d.setFont(prev.face, prev.size)
}

// stringWidth is the width of s in face at size points.
func (d *renderer) stringWidth(face faceID, size float64, s string) float64 {
	w, adv := 0.0, d.m.width(face, size)
	for _, r := range s {
		w += adv(r)
	}
	return w
}
