package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"sync/atomic"
)

// sfnt is a TrueType font read in place: the table directory, a few
// header fields and the Unicode cmap subtable are checked when it is
// opened, and a glyph's advance, outline and character are read from the
// font's own bytes when asked for. A process that renders one report thus
// touches only the parts of the 15 MB faces it draws (the faces are the
// binary's own bytes, mapped, not copied). It is safe for documents
// rendered at the same time: the only state it keeps is the character
// map, filled a block at a time with atomic stores.
type sfnt struct {
	tables     map[string][]byte
	unitsPerEm int
	numGlyphs  int
	numHM      int // long horizontal metrics in hmtx
	longLoca   bool
	hmtx, loca []byte
	glyf       []byte
	cmap4      []byte // the format-4 subtable
	segs       int
	// blocks caches the glyph of each code point (0: none), 256 code
	// points at a time, each block made the first time one of its
	// characters is looked up.
	blocks [256]atomic.Pointer[[256]uint16]
}

var errFont = errors.New("not a usable TrueType font")

// parseSFNT opens a single-face TrueType (glyf outlines) font. CFF/OTF and
// collections are refused, as gofpdf refuses them; so is a font whose
// tables are shorter than its header says, so that a lookup later cannot
// run past them.
func parseSFNT(data []byte) (*sfnt, error) {
	if len(data) < 12 || binary.BigEndian.Uint32(data) != 0x00010000 && string(data[:4]) != "true" {
		return nil, fmt.Errorf("%w: unknown signature", errFont)
	}
	f := &sfnt{tables: map[string][]byte{}}
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := data[min(12+16*i, len(data)):min(28+16*i, len(data))]
		if len(rec) < 16 {
			return nil, fmt.Errorf("%w: truncated table directory", errFont)
		}
		off, size := int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(data) {
			return nil, fmt.Errorf("%w: table %q out of bounds", errFont, rec[:4])
		}
		f.tables[string(rec[:4])] = data[off : off+size]
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "cmap", "OS/2", "name", "post"} {
		if _, ok := f.tables[tag]; !ok {
			return nil, fmt.Errorf("%w: no %s table", errFont, tag)
		}
	}
	for tag, size := range map[string]int{"head": 54, "hhea": 36, "maxp": 6, "post": 32} {
		if len(f.tables[tag]) < size {
			return nil, fmt.Errorf("%w: short %s table", errFont, tag)
		}
	}
	if err := f.openMetrics(); err != nil {
		return nil, err
	}
	return f, f.openCmap()
}

func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }

// openMetrics reads head, maxp and hhea, and checks that hmtx and loca
// are as long as they say and that loca stays inside glyf.
func (f *sfnt) openMetrics() error {
	head, hhea := f.tables["head"], f.tables["hhea"]
	f.unitsPerEm = u16(head, 18)
	f.longLoca = u16(head, 50) == 1
	f.numGlyphs = u16(f.tables["maxp"], 4)
	f.numHM = u16(hhea, 34)
	if f.unitsPerEm == 0 || f.numHM == 0 || f.numHM > f.numGlyphs {
		return fmt.Errorf("%w: bad metrics header", errFont)
	}
	f.hmtx, f.loca, f.glyf = f.tables["hmtx"], f.tables["loca"], f.tables["glyf"]
	locaSize := 2
	if f.longLoca {
		locaSize = 4
	}
	if len(f.hmtx) < 4*f.numHM+2*(f.numGlyphs-f.numHM) || len(f.loca) < locaSize*(f.numGlyphs+1) {
		return fmt.Errorf("%w: truncated metrics", errFont)
	}
	if int(f.locaAt(f.numGlyphs)) > len(f.glyf) {
		return fmt.Errorf("%w: loca points beyond glyf", errFont)
	}
	return nil
}

// openCmap finds the Unicode format-4 subtable and checks its length.
func (f *sfnt) openCmap() error {
	cm := f.tables["cmap"]
	if len(cm) < 4 {
		return fmt.Errorf("%w: truncated cmap", errFont)
	}
	for i := range u16(cm, 2) {
		if 12+8*i > len(cm) {
			return fmt.Errorf("%w: truncated cmap", errFont)
		}
		pid, eid, off := u16(cm, 4+8*i), u16(cm, 6+8*i), int(binary.BigEndian.Uint32(cm[8+8*i:]))
		if (pid == 3 && eid == 1 || pid == 0) && off+14 <= len(cm) && u16(cm, off) == 4 {
			f.cmap4 = cm[off:]
			break
		}
	}
	if f.cmap4 == nil {
		return fmt.Errorf("%w: no Unicode BMP cmap", errFont)
	}
	f.segs = u16(f.cmap4, 6) / 2
	if len(f.cmap4) < 16+8*f.segs {
		return fmt.Errorf("%w: truncated cmap", errFont)
	}
	return nil
}

// locaAt is where glyph g's outline starts in glyf.
func (f *sfnt) locaAt(g int) uint32 {
	if f.longLoca {
		return binary.BigEndian.Uint32(f.loca[4*g:])
	}
	return uint32(u16(f.loca, 2*g)) * 2
}

// advance is glyph g's advance width in font units.
func (f *sfnt) advance(g int) uint16 {
	return uint16(u16(f.hmtx, 4*min(g, f.numHM-1)))
}

// lsb is glyph g's left side bearing.
func (f *sfnt) lsb(g int) int16 {
	if g < f.numHM {
		return int16(u16(f.hmtx, 4*g+2))
	}
	return int16(u16(f.hmtx, 4*f.numHM+2*(g-f.numHM)))
}

// glyphOf is the glyph that draws r, or 0 (BMP only: gofpdf cannot encode
// more).
func (f *sfnt) glyphOf(r rune) int {
	if r < 0 || r >= 0xFFFF {
		return 0
	}
	b := f.blocks[r>>8].Load()
	if b == nil {
		b = f.mapBlock(int(r) &^ 0xFF)
		f.blocks[r>>8].Store(b)
	}
	return int(b[r&0xFF])
}

// mapBlock reads the glyphs of the 256 code points from first on, from the
// segments of the format-4 subtable that cover them.
func (f *sfnt) mapBlock(first int) *[256]uint16 {
	sub, segs := f.cmap4, f.segs
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	var b [256]uint16
	s := sort.Search(segs, func(s int) bool { return u16(sub, ends+2*s) >= first })
	for ; s < segs; s++ {
		end, start, delta, ro := u16(sub, ends+2*s), u16(sub, starts+2*s), u16(sub, deltas+2*s), u16(sub, ranges+2*s)
		if start > first+255 {
			break
		}
		for c := max(start, first); c <= min(end, first+255, 0xFFFE); c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if at := ranges + 2*s + ro + 2*(c-start); at+2 <= len(sub) {
				if g = u16(sub, at); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			if g < f.numGlyphs {
				b[c-first] = uint16(g)
			}
		}
	}
	return &b
}

// has reports whether the font draws r.
func (f *sfnt) has(r rune) bool { return f.glyphOf(r) != 0 }

// glyph returns the outline bytes of glyph g.
func (f *sfnt) glyph(g int) []byte {
	if g < 0 || g >= f.numGlyphs {
		return nil
	}
	a, b := f.locaAt(g), f.locaAt(g+1)
	if a >= b || int(b) > len(f.glyf) {
		return nil
	}
	return f.glyf[a:b]
}
