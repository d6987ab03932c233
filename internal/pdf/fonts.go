package pdf

import (
	"fmt"
	"hash/fnv"
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

// faceFiles are the embedded file and the PostScript name of each face.
// A document names its cut-down copy of a face TAG+psName, the tag being
// six capitals (subsetTag), as PDF asks of a subset (ISO 32000-1 §9.6.4),
// which tells readers such as pdffonts that the font is cut down.
var faceFiles = [...]struct{ file, psName string }{
	serif:     {"NotoSerifSC_400Regular.ttf", "NotoSerifSC-Regular"},
	serifBold: {"NotoSerifSC_700Bold.ttf", "NotoSerifSC-Bold"},
	sans:      {"NotoSansSC_500Medium.ttf", "NotoSansSC-Medium"},
}

// subsetTag derives the six-letter tag from the face and the characters,
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

// loadFaces parses the three fonts the first time a document needs them;
// every later document reuses them (a parse is tens of milliseconds).
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

// width returns the function giving advances in face at size points, in
// mm, as the canvas measures them (so line breaks agree with what is drawn).
func (d *renderer) width(face faceID, size float64) widthFunc {
	f := d.faces[face]
	return func(r rune) float64 { return float64(f.width1000(r)) * (1 / ptPerMMVar) / 1000 * size }
}
