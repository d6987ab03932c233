package pdf

// surface is what the renderer draws on: gofpdf's Fpdf for the document
// itself, or a layout that only counts pages and notes which characters
// each face draws. Setting a document in a layout first chooses the line
// pitch (see drawFile) and tells how to cut each font, before gofpdf
// parses any: gofpdf's cost per font it is given (tens of thousands of
// widths encoded to JSON, a parse of the font) was paid again for every
// pitch tried.
type surface interface {
	AddPage()
	PageNo() int
	SetFont(family, style string, size float64)
	Text(x, y float64, s string)
	RawWriteStr(s string)
	SetLineWidth(w float64)
	SetDrawColor(r, g, b int)
	Line(x1, y1, x2, y2 float64)
}

// layout is a surface that draws nothing. Like gofpdf it calls the footer
// before each new page and once at the end (finish), so that the folios'
// characters are noted too.
type layout struct {
	pages  int
	face   faceID
	footer func()
	// used holds, per face, every character drawn in it.
	used [len(faceFiles)]map[rune]bool
}

func newLayout() *layout {
	l := &layout{face: -1}
	for i := range l.used {
		l.used[i] = map[rune]bool{}
	}
	return l
}

func (l *layout) AddPage() {
	if l.pages > 0 && l.footer != nil {
		l.footer()
	}
	l.pages++
}

// finish closes the last page as gofpdf's Output does.
func (l *layout) finish() {
	if l.pages > 0 && l.footer != nil {
		l.footer()
	}
}

func (l *layout) PageNo() int { return l.pages }

func (l *layout) SetFont(family, _ string, _ float64) {
	l.face = -1
	for i, ff := range faceFiles {
		if ff.family == family {
			l.face = faceID(i)
		}
	}
}

func (l *layout) Text(_, _ float64, s string) {
	if l.face < 0 {
		return
	}
	for _, r := range s {
		l.used[l.face][r] = true
	}
}

func (*layout) RawWriteStr(string)                      {}
func (*layout) SetLineWidth(float64)                    {}
func (*layout) SetDrawColor(int, int, int)              {}
func (*layout) Line(float64, float64, float64, float64) {}
