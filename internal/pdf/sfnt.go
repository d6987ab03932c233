package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// sfnt is a TrueType font parsed once per process: the tables a subset
// needs, each glyph's outline bytes and advance, and the BMP character map.
// It is read-only after parsing, so documents rendered at the same time
// share it.
type sfnt struct {
	tables     map[string][]byte
	unitsPerEm int
	advance    []uint16 // per glyph, font units
	lsb        []int16  // per glyph
	loca       []uint32 // numGlyphs+1 offsets into glyf
	glyf       []byte
	cmap       []uint16 // BMP code point → glyph; 0 is "no glyph"
}

var errFont = errors.New("not a usable TrueType font")

// parseSFNT reads a single-face TrueType (glyf outlines) font. CFF/OTF and
// collections are refused, as gofpdf refuses them.
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
	if err := f.parseMetrics(); err != nil {
		return nil, err
	}
	return f, f.parseCmap()
}

func u16(b []byte, off int) int { return int(binary.BigEndian.Uint16(b[off:])) }

// parseMetrics reads head, maxp, hhea, hmtx and loca.
func (f *sfnt) parseMetrics() (err error) {
	defer func() { // a short table is a broken font, not a crash
		if recover() != nil {
			err = fmt.Errorf("%w: truncated metrics", errFont)
		}
	}()
	head, hhea, hmtx, loca := f.tables["head"], f.tables["hhea"], f.tables["hmtx"], f.tables["loca"]
	f.unitsPerEm = u16(head, 18)
	longLoca := u16(head, 50) == 1
	numGlyphs := u16(f.tables["maxp"], 4)
	numHM := u16(hhea, 34)
	if f.unitsPerEm == 0 || numHM == 0 || numHM > numGlyphs {
		return fmt.Errorf("%w: bad metrics header", errFont)
	}
	f.advance, f.lsb = make([]uint16, numGlyphs), make([]int16, numGlyphs)
	for g := range numGlyphs {
		if g < numHM {
			f.advance[g], f.lsb[g] = uint16(u16(hmtx, 4*g)), int16(u16(hmtx, 4*g+2))
		} else {
			f.advance[g], f.lsb[g] = f.advance[numHM-1], int16(u16(hmtx, 4*numHM+2*(g-numHM)))
		}
	}
	f.loca = make([]uint32, numGlyphs+1)
	for g := range f.loca {
		if longLoca {
			f.loca[g] = binary.BigEndian.Uint32(loca[4*g:])
		} else {
			f.loca[g] = uint32(u16(loca, 2*g)) * 2
		}
	}
	f.glyf = f.tables["glyf"]
	if int(f.loca[numGlyphs]) > len(f.glyf) {
		return fmt.Errorf("%w: loca points beyond glyf", errFont)
	}
	return nil
}

// parseCmap fills the BMP map from the Unicode format-4 subtable.
func (f *sfnt) parseCmap() (err error) {
	defer func() {
		if recover() != nil {
			err = fmt.Errorf("%w: truncated cmap", errFont)
		}
	}()
	cm := f.tables["cmap"]
	var sub []byte
	for i := range u16(cm, 2) {
		pid, eid, off := u16(cm, 4+8*i), u16(cm, 6+8*i), int(binary.BigEndian.Uint32(cm[8+8*i:]))
		if (pid == 3 && eid == 1 || pid == 0) && u16(cm, off) == 4 {
			sub = cm[off:]
			break
		}
	}
	if sub == nil {
		return fmt.Errorf("%w: no Unicode BMP cmap", errFont)
	}
	f.cmap = make([]uint16, 0x10000)
	segs := u16(sub, 6) / 2
	ends, starts, deltas, ranges := 14, 16+2*segs, 16+4*segs, 16+6*segs
	for s := range segs {
		end, start, delta, ro := u16(sub, ends+2*s), u16(sub, starts+2*s), u16(sub, deltas+2*s), u16(sub, ranges+2*s)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if g = u16(sub, ranges+2*s+ro+2*(c-start)); g != 0 {
				g = (g + delta) & 0xFFFF
			}
			if g < len(f.advance) {
				f.cmap[c] = uint16(g)
			}
		}
	}
	return nil
}

// has reports whether the font draws r (BMP only: gofpdf cannot encode more).
func (f *sfnt) has(r rune) bool { return r >= 0 && r < 0xFFFF && f.cmap[r] != 0 }

// glyph returns the outline bytes of glyph g.
func (f *sfnt) glyph(g int) []byte {
	a, b := f.loca[g], f.loca[g+1]
	if a >= b || int(b) > len(f.glyf) {
		return nil
	}
	return f.glyf[a:b]
}
