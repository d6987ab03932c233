package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"nianbao/static"
)

func serifFace(t *testing.T) *sfnt {
	t.Helper()
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	return faces[serif]
}

// TestSubset: a subset maps each character to a glyph with the same
// advance and outline as the whole face, and gofpdf loads it and measures
// it as it measures the whole face.
func TestSubset(t *testing.T) {
	full := serifFace(t)
	tests := []struct {
		name  string
		runes string
	}{
		{"Chinese and Latin", "政府信息公开工作年度报告ABCxyz0123456789，。（）〓— "},
		{"traditional", "徐州市政府信息公開工作年度報告"},
		{"one character", "政"},
		{"none", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := full.subset([]rune(tt.runes))
			if err != nil {
				t.Fatal(err)
			}
			sub, err := parseSFNT(data)
			if err != nil {
				t.Fatalf("subset does not parse: %v", err)
			}
			for _, r := range tt.runes {
				g, og := sub.glyphOf(r), full.glyphOf(r)
				if g == 0 {
					t.Fatalf("%q missing from the subset", r)
				}
				if sub.advance(g) != full.advance(og) || sub.lsb(g) != full.lsb(og) {
					t.Errorf("%q: advance %d, lsb %d, want %d, %d", r, sub.advance(g), sub.lsb(g), full.advance(og), full.lsb(og))
				}
				if len(components(full.glyph(og))) == 0 && !bytes.Equal(sub.glyph(g)[:len(full.glyph(og))], full.glyph(og)) {
					t.Errorf("%q: outline differs", r)
				}
			}
			compareWithGofpdf(t, data, tt.runes)
		})
	}
}

// compareWithGofpdf loads the subset and the whole face into gofpdf and
// compares the widths it measures.
func compareWithGofpdf(t *testing.T, data []byte, runes string) {
	t.Helper()
	whole, err := static.Font(faceFiles[serif].file)
	if err != nil {
		t.Fatal(err)
	}
	p := gofpdf.New("P", "mm", "A4", "")
	p.AddUTF8FontFromBytes("sub", "", data)
	p.AddUTF8FontFromBytes("whole", "", whole)
	for _, r := range runes {
		p.SetFont("sub", "", 10)
		a := p.GetStringWidth(string(r))
		p.SetFont("whole", "", 10)
		if b := p.GetStringWidth(string(r)); a != b {
			t.Errorf("%q: gofpdf measures %v in the subset, %v in the whole face", r, a, b)
		}
	}
	if err := p.Error(); err != nil {
		t.Fatal(err)
	}
}

// TestSubsetScattered: thousands of characters far apart still fit a
// format-4 cmap (gaps are filled) and every one maps.
func TestSubsetScattered(t *testing.T) {
	full := serifFace(t)
	var runes []rune
	for r := rune(0x4E00); r < 0x9FA5; r += 2 {
		runes = append(runes, r)
	}
	data, err := full.subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	sub, err := parseSFNT(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range runes {
		if full.has(r) && !sub.has(r) {
			t.Fatalf("%q missing", r)
		}
	}
}

// TestParseSFNTBroken: truncated or foreign data is an error, never a panic.
func TestParseSFNTBroken(t *testing.T) {
	whole, err := static.Font(faceFiles[sans].file)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 4, 12, 100, 1000, 200_000, len(whole) / 2} {
		if _, err := parseSFNT(whole[:n]); err == nil {
			t.Errorf("%d bytes: parsed", n)
		}
	}
	if _, err := parseSFNT([]byte("OTTO\x00\x0a this is CFF")); err == nil {
		t.Error("CFF font parsed")
	}
}

// TestFontsParsedOnce: rendering many documents parses the fonts once.
func TestFontsParsedOnce(t *testing.T) {
	r := emptyReport()
	for range 3 {
		if err := Render(r, &bytes.Buffer{}); err != nil {
			t.Fatal(err)
		}
	}
	if n := fontParses.Load(); n != 1 {
		t.Errorf("fonts parsed %d times, want 1", n)
	}
}

// TestSubsetNameLengths: each face's subset name is as long as the name
// gofpdf writes, which nameSubsets writes it over.
func TestSubsetNameLengths(t *testing.T) {
	for i, ff := range faceFiles {
		gofpdfName, ours := "utf8"+ff.family, subsetTag(faceID(i), []rune("政府"))+"+"+ff.psName
		if len(gofpdfName) != len(ours) {
			t.Errorf("%s: %q is %d bytes, gofpdf's %q %d", ff.file, ours, len(ours), gofpdfName, len(gofpdfName))
		}
	}
}

// TestCmapAsWholeTable: the glyph each face gives a character, read a
// block at a time from its segments, is the one a plain walk of every
// segment of the format-4 subtable gives, for the whole BMP.
func TestCmapAsWholeTable(t *testing.T) {
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range faces {
		want := make([]int, 0x10000)
		sub, segs := f.cmap4, f.segs
		for s := range segs {
			end, start := u16(sub, 14+2*s), u16(sub, 16+2*segs+2*s)
			delta, ro := u16(sub, 16+4*segs+2*s), u16(sub, 16+6*segs+2*s)
			for c := start; c <= end && c < 0xFFFF; c++ {
				g := (c + delta) & 0xFFFF
				if ro != 0 {
					if g = u16(sub, 16+6*segs+2*s+ro+2*(c-start)); g != 0 {
						g = (g + delta) & 0xFFFF
					}
				}
				if g < f.numGlyphs {
					want[c] = g
				}
			}
		}
		mapped := 0
		for c := range 0xFFFF {
			if got := f.glyphOf(rune(c)); got != want[c] {
				t.Fatalf("%s: U+%04X maps to glyph %d, the table says %d", faceFiles[i].file, c, got, want[c])
			}
			if want[c] != 0 {
				mapped++
			}
		}
		if mapped < 20000 {
			t.Errorf("%s: only %d characters mapped", faceFiles[i].file, mapped)
		}
	}
}

// TestSubsetNameTable: a subset's name table keeps the copyright, the
// names, the trademark and the licence of the face, each string as the
// face has it, and nothing else.
func TestSubsetNameTable(t *testing.T) {
	records := func(t *testing.T, table []byte) map[[4]int]string {
		t.Helper()
		out := map[[4]int]string{}
		count, store := u16(table, 2), u16(table, 4)
		for i := range count {
			r := table[6+12*i:]
			off := store + u16(r, 10)
			out[[4]int{u16(r, 0), u16(r, 2), u16(r, 4), u16(r, 6)}] = string(table[off : off+u16(r, 8)])
		}
		return out
	}
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range faces {
		data, err := f.subset([]rune("政府信息公开"))
		if err != nil {
			t.Fatal(err)
		}
		sub, err := parseSFNT(data)
		if err != nil {
			t.Fatal(err)
		}
		whole, cut := records(t, f.tables["name"]), records(t, sub.tables["name"])
		for k, s := range whole {
			if keep := k[3] <= 7 || k[3] == 13 || k[3] == 14; keep != (cut[k] == s) {
				t.Errorf("%s: name %v kept %v, want %v", faceFiles[i].file, k, !keep, keep)
			}
		}
		const adobe = "\x00A\x00d\x00o\x00b\x00e" // UTF-16
		if len(cut) < 10 || !strings.Contains(cut[[4]int{3, 1, 1033, 0}], adobe) {
			t.Errorf("%s: %d names kept, copyright %q", faceFiles[i].file, len(cut), cut[[4]int{3, 1, 1033, 0}])
		}
		if len(f.tables["name"]) < 2*len(sub.tables["name"]) {
			t.Errorf("%s: name table %d bytes, the face's %d", faceFiles[i].file, len(sub.tables["name"]), len(f.tables["name"]))
		}
	}
}
