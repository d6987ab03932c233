package pdf

import (
	"bytes"
	"fmt"
	"io"
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
	var buf bytes.Buffer
	if err := render(r, faces, &buf); err != nil {
		return err
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("pdf: write: %w", err)
	}
	return nil
}

func render(r *report.Report, faces []*sfnt, out *bytes.Buffer) error {
	drawn, err := drawFile(r, faces)
	if err != nil {
		return err
	}
	small, err := recompress(drawn)
	if err != nil {
		return err
	}
	out.Write(small)
	return nil
}

// drawFile returns the file gofpdf writes of r, its subset fonts named as
// PDF asks, before recompress.
func drawFile(r *report.Report, faces []*sfnt) (file []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: gofpdf failed: %v", p)
		}
	}()
	doc := newDocument(r, faces[serif])
	cut, err := cutFaces(faces, doc.runes())
	if err != nil {
		return nil, err
	}
	d, err := draw(r, doc, cut, mm(bodyLead))
	if err != nil {
		return nil, err
	}
	// A last page holding only a few lines is set again on a slightly
	// tighter pitch (at most 5 % less), when that takes those lines back.
	if pages := d.pdf.PageNo(); pages > 1 && d.y-marginTop < (pageBottom-marginTop)/5 {
		for _, k := range []float64{0.975, 0.95} {
			tight, err := draw(r, doc, cut, mm(bodyLead)*k)
			if err != nil {
				return nil, err
			}
			if tight.pdf.PageNo() < pages {
				d = tight
				break
			}
		}
	}
	var out bytes.Buffer
	if err := d.pdf.Output(&out); err != nil {
		return nil, fmt.Errorf("pdf: output: %w", err)
	}
	return nameSubsets(out.Bytes(), cut.runes), nil
}

// cutFont is what every drawing of one document shares: the characters it
// draws, each face cut down to them, and their advances as gofpdf measures
// them. A document set again on a tighter pitch reuses them.
type cutFont struct {
	faces  []*sfnt
	runes  []rune
	data   [][]byte
	widths map[widthKey]float64
}

// cutFaces cuts each face down to runes.
func cutFaces(faces []*sfnt, runes []rune) (*cutFont, error) {
	c := &cutFont{faces: faces, runes: runes, widths: map[widthKey]float64{}}
	for i := range faceFiles {
		data, err := faces[i].subset(runes)
		if err != nil {
			return nil, err
		}
		c.data = append(c.data, data)
	}
	return c, nil
}

// draw sets the whole document on a body line pitch of lead mm.
func draw(r *report.Report, doc *document, cut *cutFont, lead float64) (*renderer, error) {
	d, err := newRenderer(cut)
	if err != nil {
		return nil, err
	}
	d.lead = lead
	d.setInfo(r)
	d.drawDocument(doc)
	return d, nil
}

// fontState is the face and size currently set in gofpdf.
type fontState struct {
	face faceID
	size float64
}

// renderer draws one document.
type renderer struct {
	pdf   *gofpdf.Fpdf
	faces []*sfnt
	font  fontState
	m     measurer
	y     float64 // top of the free space on the current page
	// lead is the body's line pitch in mm: bodyLead, or a little less
	// when that keeps a last page from holding only a few lines.
	lead float64
}

// newRenderer starts a document whose fonts hold just the runes it draws.
func newRenderer(cut *cutFont) (*renderer, error) {
	p := gofpdf.New("P", "mm", "A4", "")
	p.SetMargins(marginLeft, marginTop, marginRight)
	p.SetAutoPageBreak(false, 0)
	p.SetCatalogSort(true)
	d := &renderer{pdf: p, faces: cut.faces, font: fontState{face: -1}, lead: mm(bodyLead)}
	d.m = measurer{d: d, cache: cut.widths}
	for i, ff := range faceFiles {
		// A failed AddUTF8FontFromBytes only prints; SetFont then fails.
		p.AddUTF8FontFromBytes(ff.family, "", cut.data[i])
		p.SetFont(ff.family, "", bodySize)
		if err := p.Error(); err != nil {
			return nil, fmt.Errorf("pdf: add font %s: %w", ff.file, err)
		}
	}
	if len(cut.widths) == 0 {
		d.m.prefill(cut.runes)
	}
	p.SetFooterFunc(d.footer)
	return d, nil
}

// setInfo fills the document properties. They are encoded here as UTF-16
// with surrogates, because gofpdf's own encoder breaks on characters
// beyond U+FFFF (a name with 𠮷 is kept exactly).
func (d *renderer) setInfo(r *report.Report) {
	d.pdf.SetTitle(pdfText(r.DisplayTitle()), false)
	subject := report.ReportName
	if r.Year != 0 {
		subject = fmt.Sprintf("%s %d年%s", r.Org, r.Year, report.ReportName)
	}
	d.pdf.SetSubject(pdfText(subject), false)
	d.pdf.SetAuthor(pdfText(r.Org), false)
	d.pdf.SetCreator("nianbao", false)
	d.pdf.SetProducer("nianbao (gofpdf)", false)
	if p := r.Publication; p != nil {
		if t, err := time.Parse(time.DateOnly, p.Date); err == nil {
			d.pdf.SetCreationDate(t)
			d.pdf.SetModificationDate(t)
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
	d.pdf.Text((pageW-d.pdf.GetStringWidth(s))/2, folioY, s)
	d.setFont(prev.face, prev.size)
}
