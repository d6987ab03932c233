package pdf

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
)

// maxSegments keeps the format-4 cmap of a subset under its 64 KB length
// limit (16 bytes + 8 per segment).
const maxSegments = 8000

// subset returns a small TrueType font with only the glyphs of runes (plus
// the parts of composite glyphs), the same metrics and a format-4 cmap.
// gofpdf parses and re-subsets this small font in well under a millisecond,
// where it needs tens of milliseconds for the whole 15 MB face; so the
// whole face is parsed once per process (parseSFNT) and never by gofpdf.
func (f *sfnt) subset(runes []rune) ([]byte, error) {
	cps := fillGaps(f.codePoints(runes))
	// Glyph i+1 is the glyph of cps[i], so that a run of consecutive code
	// points is one cmap segment with a constant delta. -1 is an empty glyph
	// (a gap filler, never drawn).
	olds := make([]int, 1, len(cps)+16)
	for _, c := range cps {
		if g := f.glyphOf(rune(c)); g != 0 {
			olds = append(olds, g)
		} else {
			olds = append(olds, -1)
		}
	}
	newOf := make(map[int]int, len(olds))
	for i, g := range olds {
		if _, ok := newOf[g]; !ok && g >= 0 {
			newOf[g] = i
		}
	}
	for i := 0; i < len(olds); i++ { // olds grows with components
		if olds[i] < 0 {
			continue
		}
		compositeParts(f.glyph(olds[i]), func(c int) {
			if _, ok := newOf[c]; !ok && c < f.numGlyphs {
				newOf[c] = len(olds)
				olds = append(olds, c)
			}
		})
	}
	if len(olds) > 0xFFFF {
		return nil, fmt.Errorf("pdf: font subset of %d glyphs is too large", len(olds))
	}
	return f.assemble(cps, olds, newOf), nil
}

// codePoints returns the sorted distinct BMP code points of runes the font has.
func (f *sfnt) codePoints(runes []rune) []int {
	cps := make([]int, 0, len(runes))
	for _, r := range runes {
		if f.has(r) {
			cps = append(cps, int(r))
		}
	}
	slices.Sort(cps)
	return slices.Compact(cps)
}

// fillGaps adds filler code points between close runs until the runs fit
// in maxSegments (only a text of thousands of scattered characters needs it).
func fillGaps(cps []int) []int {
	for gap := 1; countRuns(cps) >= maxSegments; gap *= 2 {
		var out []int
		for i, c := range cps {
			if i > 0 && c-cps[i-1]-1 <= gap {
				for f := cps[i-1] + 1; f < c; f++ {
					out = append(out, f)
				}
			}
			out = append(out, c)
		}
		cps = out
	}
	return cps
}

func countRuns(cps []int) int {
	n := 0
	for i, c := range cps {
		if i == 0 || c != cps[i-1]+1 {
			n++
		}
	}
	return n
}

// Composite glyph flags (TrueType glyf table).
const (
	argWords    = 0x0001
	haveScale   = 0x0008
	moreComps   = 0x0020
	haveXYScale = 0x0040
	have2x2     = 0x0080
)

// compositeParts calls fn with the glyph index of each component of a
// composite glyph; it stops at the end of malformed data.
func compositeParts(g []byte, fn func(glyph int)) {
	componentOffsets(g, func(off int) { fn(u16(g, off)) })
}

// componentOffsets calls fn with the offset of each component's glyph
// index in a composite glyph.
func componentOffsets(g []byte, fn func(off int)) {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return
	}
	for pos := 10; pos+4 <= len(g); {
		flags := u16(g, pos)
		fn(pos + 2)
		pos += 4 + 2
		if flags&argWords != 0 {
			pos += 2
		}
		switch {
		case flags&haveScale != 0:
			pos += 2
		case flags&haveXYScale != 0:
			pos += 4
		case flags&have2x2 != 0:
			pos += 8
		}
		if flags&moreComps == 0 {
			return
		}
	}
}

func components(g []byte) []int {
	var out []int
	compositeParts(g, func(c int) { out = append(out, c) })
	return out
}

// assemble writes the subset font file. The outlines are copied once,
// into a glyf table sized beforehand.
func (f *sfnt) assemble(cps, olds []int, newOf map[int]int) []byte {
	n := len(olds)
	size := 0
	for _, g := range olds {
		if g >= 0 {
			size += (len(f.glyph(g)) + 3) &^ 3
		}
	}
	glyf := make([]byte, 0, size)
	loca := make([]byte, 0, 4*(n+1))
	hmtx := make([]byte, 0, 4*n)
	for _, g := range olds {
		loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
		if g < 0 {
			hmtx = append(hmtx, 0, 0, 0, 0)
			continue
		}
		at := len(glyf)
		glyf = append(glyf, f.glyph(g)...)
		data := glyf[at:]
		componentOffsets(data, func(off int) {
			binary.BigEndian.PutUint16(data[off:], uint16(newOf[u16(data, off)]))
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		hmtx = binary.BigEndian.AppendUint16(hmtx, f.advance(g))
		hmtx = binary.BigEndian.AppendUint16(hmtx, uint16(f.lsb(g)))
	}
	loca = binary.BigEndian.AppendUint32(loca, uint32(len(glyf)))
	tables := map[string][]byte{
		"glyf": glyf, "loca": loca, "hmtx": hmtx, "cmap": cmap4(cps),
		"head": patch(f.tables["head"], map[int]uint16{8: 0, 10: 0, 50: 1}),
		"hhea": patch(f.tables["hhea"], map[int]uint16{34: uint16(n)}),
		"maxp": patch(f.tables["maxp"], map[int]uint16{4: uint16(n)}),
		"post": patch(f.tables["post"][:32], map[int]uint16{0: 3, 2: 0}),
		"OS/2": f.tables["OS/2"], "name": nameTable(f.tables["name"]),
	}
	for _, tag := range []string{"prep", "gasp", "cvt ", "fpgm"} {
		if t, ok := f.tables[tag]; ok {
			tables[tag] = t
		}
	}
	return sfntFile(tables)
}

// patch returns a copy of a table with 16-bit values replaced at offsets.
func patch(t []byte, at map[int]uint16) []byte {
	out := slices.Clone(t)
	for off, v := range at {
		binary.BigEndian.PutUint16(out[off:], v)
	}
	return out
}

// cmap4 maps cps[i] to glyph i+1: one segment per run of consecutive code
// points, plus the closing 0xFFFF segment.
func cmap4(cps []int) []byte {
	type seg struct{ start, end, delta int }
	var segs []seg
	for i, c := range cps {
		if len(segs) > 0 && segs[len(segs)-1].end == c-1 {
			segs[len(segs)-1].end = c
			continue
		}
		segs = append(segs, seg{c, c, (i + 1 - c) & 0xFFFF})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	searchRange, selector := 2, 0
	for searchRange*2 <= 2*n {
		searchRange, selector = searchRange*2, selector+1
	}
	b := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12} // version 0, one table: (3,1) at 12
	for _, v := range []int{4, 16 + 8*n, 0, 2 * n, searchRange, selector, 2*n - searchRange} {
		b = binary.BigEndian.AppendUint16(b, uint16(v))
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, uint16(s.end))
	}
	b = append(b, 0, 0)
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, uint16(s.start))
	}
	for _, s := range segs {
		b = binary.BigEndian.AppendUint16(b, uint16(s.delta))
	}
	return append(b, make([]byte, 2*n)...) // idRangeOffset: all 0
}

// sfntFile lays out a font file: the table directory sorted by tag, each
// table 4-byte aligned, with checksums.
func sfntFile(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	sr, sel := 1, 0
	for sr*2 <= n {
		sr, sel = sr*2, sel+1
	}
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t) + 3) &^ 3
	}
	out := binary.BigEndian.AppendUint32(make([]byte, 0, size), 0x00010000)
	for _, v := range []int{n, sr * 16, sel, n*16 - sr*16} {
		out = binary.BigEndian.AppendUint16(out, uint16(v))
	}
	off := 12 + 16*n
	for _, t := range tags {
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(tables[t]))
		out = binary.BigEndian.AppendUint32(out, uint32(off))
		out = binary.BigEndian.AppendUint32(out, uint32(len(tables[t])))
		off += (len(tables[t]) + 3) &^ 3
	}
	for _, t := range tags {
		out = append(out, tables[t]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out
}

func checksum(b []byte) uint32 {
	var sum uint32
	for len(b) >= 4 {
		sum += binary.BigEndian.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var w [4]byte
		copy(w[:], b)
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// keptNames are the name records a subset keeps: the copyright, the
// family, style, unique, full and PostScript names, the version, the
// trademark and the licence with its address. The designers' and vendor's
// credits and addresses, and the names of the variable font's instances,
// are dropped: they were a tenth of a report's small fonts.
var keptNames = map[int]bool{0: true, 1: true, 2: true, 3: true, 4: true, 5: true, 6: true, 7: true, 13: true, 14: true}

// nameTable returns a format-0 name table with only the keptNames
// records, or the table as it is if it is not one.
func nameTable(t []byte) []byte {
	if len(t) < 6 || u16(t, 0) != 0 {
		return t
	}
	count, strings := u16(t, 2), u16(t, 4)
	if len(t) < 6+12*count || strings > len(t) {
		return t
	}
	var recs, store []byte
	kept := 0
	for i := range count {
		rec := t[6+12*i : 18+12*i]
		n, off := u16(rec, 8), strings+u16(rec, 10)
		if !keptNames[u16(rec, 6)] || off+n > len(t) {
			continue
		}
		recs = append(recs, rec[:10]...)
		recs = binary.BigEndian.AppendUint16(recs, uint16(len(store)))
		store = append(store, t[off:off+n]...)
		kept++
	}
	out := binary.BigEndian.AppendUint16(nil, 0)
	out = binary.BigEndian.AppendUint16(out, uint16(kept))
	out = binary.BigEndian.AppendUint16(out, uint16(6+len(recs)))
	return append(append(out, recs...), store...)
}
