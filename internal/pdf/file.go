package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// streamLevel is the zlib level of every stream: the fonts are nine
// tenths of the file, and level 6 takes them a twentieth smaller than
// the fastest level for a few milliseconds more.
const streamLevel = zlib.DefaultCompression

// pdfFile is a PDF being written: objects in order, each one's offset
// kept for the cross-reference table.
type pdfFile struct {
	b       bytes.Buffer
	offsets []int // offsets[n-1] is object n's
	z       *zlib.Writer
}

// next is the number the next object will get.
func (f *pdfFile) next() int { return len(f.offsets) + 1 }

// object writes object n (which must be next()) with the dictionary or
// value body.
func (f *pdfFile) object(n int, body string) {
	f.begin(n)
	f.b.WriteString(body)
	f.b.WriteString("\nendobj\n")
}

func (f *pdfFile) begin(n int) {
	if n != f.next() {
		panic(fmt.Sprintf("pdf: object %d written as %d", f.next(), n))
	}
	f.offsets = append(f.offsets, f.b.Len())
	fmt.Fprintf(&f.b, "%d 0 obj\n", n)
}

// stream writes object n as a compressed stream of data; dict holds the
// entries besides Length and Filter.
func (f *pdfFile) stream(n int, dict string, data []byte) {
	var z bytes.Buffer
	if f.z == nil {
		f.z, _ = zlib.NewWriterLevel(&z, streamLevel) // a valid level: no error
	} else {
		f.z.Reset(&z)
	}
	f.z.Write(data) // a bytes.Buffer does not fail
	f.z.Close()
	f.begin(n)
	fmt.Fprintf(&f.b, "<<%s /Filter /FlateDecode /Length %d>>\nstream\n", dict, z.Len())
	f.b.Write(z.Bytes())
	f.b.WriteString("\nendstream\nendobj\n")
}

// output writes the whole document: the catalogue, the page tree with
// the fonts as shared resources, the pages, the fonts cut down to what
// each drew, the information and the cross-reference table.
func (c *canvas) output() ([]byte, error) {
	c.finishPage()
	var f pdfFile
	f.b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	const catalog, pages, info, firstFont = 1, 2, 3, 4
	fontObjs := make([]int, len(c.faces))
	for i := range c.faces {
		fontObjs[i] = firstFont + i*fontObjects
	}
	firstPage := firstFont + len(c.faces)*fontObjects
	f.object(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	var kids, fonts strings.Builder
	for i := range c.pages {
		fmt.Fprintf(&kids, "%d 0 R ", firstPage+2*i)
	}
	for i, n := range fontObjs {
		fmt.Fprintf(&fonts, "/F%d %d 0 R ", i+1, n)
	}
	f.object(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d /MediaBox [0 0 595.28 %.2f] /Resources << /Font << %s>> >> >>",
		kids.String(), len(c.pages), pageHPt, fonts.String()))
	f.object(info, c.info.dict())
	for i, face := range c.faces {
		if err := f.font(fontObjs[i], faceID(i), face, c.used[i]); err != nil {
			return nil, err
		}
	}
	for i, p := range c.pages {
		n := firstPage + 2*i
		f.object(n, fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", pages, n+1))
		f.stream(n+1, "", p.Bytes())
	}
	xref := f.b.Len()
	fmt.Fprintf(&f.b, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for _, off := range f.offsets {
		fmt.Fprintf(&f.b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&f.b, "trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(f.offsets)+1, catalog, info, xref)
	return f.b.Bytes(), nil
}

// dict is the information dictionary.
func (in docInfo) dict() string {
	var b strings.Builder
	b.WriteString("<<")
	for _, e := range []struct{ key, value string }{
		{"Title", in.title}, {"Subject", in.subject}, {"Author", in.author},
		{"Creator", in.creator}, {"Producer", in.producer},
		{"CreationDate", pdfDate(in.created)}, {"ModDate", pdfDate(in.created)},
	} {
		if e.value != "" {
			fmt.Fprintf(&b, " /%s %s", e.key, hexString(e.value))
		}
	}
	b.WriteString(" >>")
	return b.String()
}

// fontObjects is how many objects each font takes: the composite font,
// its CID font, the descriptor, the font file, the Unicode map and the
// map from characters to glyphs.
const fontObjects = 6

// font writes face as objects n … n+fontObjects-1: a composite font whose
// character codes are Unicode (two bytes, as canvas.text writes them),
// with the font file cut down to the characters used.
func (f *pdfFile) font(n int, id faceID, face *sfnt, used map[rune]bool) error {
	runes := make([]rune, 0, len(used))
	for r := range used {
		runes = append(runes, r)
	}
	slices.Sort(runes)
	sub, err := face.subset(runes)
	if err != nil {
		return err
	}
	name := "/" + subsetTag(id, runes) + "+" + faceFiles[id].psName
	f.object(n, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>",
		name, n+1, n+4))
	f.object(n+1, fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType2 /BaseFont %s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W %s /CIDToGIDMap %d 0 R >>",
		name, n+2, face.widthArray(runes), n+5))
	f.object(n+2, face.descriptor(name, n+3))
	f.stream(n+3, " /Length1 "+strconv.Itoa(len(sub.data)), sub.data)
	f.stream(n+4, "", toUnicode(runes))
	f.stream(n+5, "", sub.cidToGID())
	return nil
}

// widthArray lists the widths that are not the default 1000, as runs of
// consecutive character codes: [c [w w …] c [w …] …].
func (f *sfnt) widthArray(runes []rune) string {
	var b strings.Builder
	b.WriteByte('[')
	open := false
	prev := rune(-2)
	for _, r := range runes {
		w := f.width1000(r)
		if w == 1000 {
			continue
		}
		if r != prev+1 || !open {
			if open {
				b.WriteString("] ")
			}
			fmt.Fprintf(&b, "%d [", r)
			open = true
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(w))
		prev = r
	}
	if open {
		b.WriteByte(']')
	}
	b.WriteByte(']')
	return b.String()
}

// descriptor is the font descriptor of the face, in the PDF's thousandths
// of an em.
func (f *sfnt) descriptor(name string, file int) string {
	head, hhea, os2 := f.tables["head"], f.tables["hhea"], f.tables["OS/2"]
	scale := func(v int) int { return int(float64(v) * 1000 / float64(f.unitsPerEm)) }
	s16 := func(t []byte, off int) int { return int(int16(u16(t, off))) }
	capHeight := s16(hhea, 4)
	if len(os2) >= 90 && u16(os2, 0) >= 2 {
		capHeight = s16(os2, 88)
	}
	stemV := 70
	if len(os2) >= 6 && u16(os2, 4) >= 600 {
		stemV = 120
	}
	return fmt.Sprintf("<< /Type /FontDescriptor /FontName %s /Flags 4 /FontBBox [%d %d %d %d] /ItalicAngle 0 /Ascent %d /Descent %d /CapHeight %d /StemV %d /MissingWidth %d /FontFile2 %d 0 R >>",
		name, scale(s16(head, 36)), scale(s16(head, 38)), scale(s16(head, 40)), scale(s16(head, 42)),
		scale(s16(hhea, 4)), scale(s16(hhea, 6)), scale(capHeight), stemV, f.width1000(-1), file)
}

// toUnicode is the CMap that maps each character code back to its
// character: the codes are the characters, so one range per run of
// consecutive ones (cut where the last byte would wrap).
func toUnicode(runes []rune) []byte {
	type run struct{ lo, hi rune }
	var runs []run
	for _, r := range runes {
		if n := len(runs); n > 0 && runs[n-1].hi == r-1 && r&0xFF != 0 {
			runs[n-1].hi = r
			continue
		}
		runs = append(runs, run{r, r})
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(runs) > 0 {
		k := min(len(runs), 100) // at most 100 entries a block
		fmt.Fprintf(&b, "%d beginbfrange\n", k)
		for _, r := range runs[:k] {
			fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", r.lo, r.hi, r.lo)
		}
		b.WriteString("endbfrange\n")
		runs = runs[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}
