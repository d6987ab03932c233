package pdf

import (
	"bytes"
	"fmt"
	"hash/fnv"
	"math"
	"sync"
	"sync/atomic"

	"nianbao/static"
)

// faceID names the three typefaces of the document.
type faceID int

const (
	serif     faceID = iota // 宋体-like: body, tables
	serifBold               // 标宋-like: the title
	sans                    // 黑体-like: headings, column headers
)

// faceFiles are the embedded file, the PostScript name and the gofpdf
// family of each face. gofpdf names a font "utf8"+family in the PDF, which
// nameSubsets turns into a subset name of the same length.
var faceFiles = [...]struct{ file, psName, family string }{
	serif:     {"NotoSerifSC_400Regular.ttf", "NotoSerifSC-Regular", "nb-notoserifsc-regular"},
	serifBold: {"NotoSerifSC_700Bold.ttf", "NotoSerifSC-Bold", "nb-notoserifsc-bold"},
	sans:      {"NotoSansSC_500Medium.ttf", "NotoSansSC-Medium", "nb-notosanssc-medium"},
}

// nameSubsets gives each embedded font the name PDF asks of a subset, a
// tag of six capitals and a plus (ABCDEF+NotoSerifSC-Regular; ISO 32000-1
// §9.6.4), which tells readers such as pdffonts that the font is cut down.
// gofpdf writes "utf8"+family instead; the two are the same length, so the
// cross-reference offsets stay right, and the names are written over
// gofpdf's in place (TestSubsetNameLengths).
func nameSubsets(pdf []byte, runes [][]rune) []byte {
	for i, ff := range faceFiles {
		old := []byte("/utf8" + ff.family)
		name := []byte("/" + subsetTag(faceID(i), runes[i]) + "+" + ff.psName)
		for at := 0; ; at += len(old) {
			n := bytes.Index(pdf[at:], old)
			if n < 0 {
				break
			}
			at += n
			copy(pdf[at:], name)
		}
	}
	return pdf
}

// subsetTag derives the six-letter tag from the face and its characters,
// so the same document always gets the same names.
func subsetTag(face faceID, runes []rune) string {
	h := fnv.New64a()
	fmt.Fprint(h, face, string(runes))
	n := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + n%26)
		n /= 26
	}
	return string(tag)
}

// fontParses counts full font parses, so that a test can hold us to one
// per process.
var fontParses atomic.Int32

// loadFaces opens the three fonts the first time a document needs them;
// every later document reuses them and what they have read.
var loadFaces = sync.OnceValues(func() ([]*sfnt, error) {
	fontParses.Add(1)
	faces := make([]*sfnt, len(faceFiles))
	for i, ff := range faceFiles {
		data, err := static.Font(ff.file)
		if err != nil {
			return nil, fmt.Errorf("pdf: read font %s: %w", ff.file, err)
		}
		if faces[i], err = parseSFNT(data); err != nil {
			return nil, fmt.Errorf("pdf: parse font %s: %w", ff.file, err)
		}
		if !faces[i].has(substitute) {
			return nil, fmt.Errorf("pdf: font %s lacks the substitute %c", ff.file, substitute)
		}
	}
	return faces, nil
})

// metrics measures characters as gofpdf measures them (GetStringWidth),
// but from the whole faces, so that a document is laid out before gofpdf
// has any font, and our line breaks agree with what gofpdf draws. An
// advance is read from the face each time: that is cheaper than a map.
type metrics struct {
	faces []*sfnt
	// breaks keeps each text's lines as broken, for the passes after the
	// first (each pitch tried, then the drawing) break the same texts at
	// the same widths.
	breaks map[breakKey][]line
}

// breakKey is a text broken in a face and size at a width and indent.
type breakKey struct {
	face                faceID
	size, width, indent float64
	text                string
}

func newMetrics(faces []*sfnt) *metrics {
	return &metrics{faces: faces, breaks: map[breakKey][]line{}}
}

// width returns the function giving advances in face at size points.
func (m *metrics) width(face faceID, size float64) widthFunc {
	f := m.faces[face]
	return func(r rune) float64 { return gofpdfAdvance(f, r) * size }
}

// ptPerMM is gofpdf's scale factor for millimetres, a variable so that
// 1/ptPerMM is computed in float64 as gofpdf computes it.
var ptPerMM = 72.0 / 25.4

// gofpdfAdvance is what gofpdf's GetStringWidth returns for r alone at
// 1 pt in a font cut from f: the advance in thousandths of an em, rounded
// as gofpdf rounds it (a zero advance stays zero), or the advance of the
// missing glyph for a character the font lacks (500 if that is zero).
func gofpdfAdvance(f *sfnt, r rune) float64 {
	scale := 1000.0 / float64(f.unitsPerEm)
	missing := int(math.Floor(scale*float64(f.advance(0)) + 0.5)) // gofpdf's round
	var w int
	switch g := f.glyphOf(r); {
	case g != 0:
		if a := f.advance(g); a < 1<<15 { // gofpdf reads larger ones as 0
			w = int(math.Round(scale * float64(a)))
		}
	case missing != 0:
		w = missing
	default:
		w = 500
	}
	return float64(w) * (1 / ptPerMM) / 1000
}
