package pdf

import (
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"nianbao/internal/testenv"
	"nianbao/static"
)

// TestMetricsAsGofpdf: the advances the layout uses, read from our parse
// of each whole face, are exactly those gofpdf measures with the face
// loaded: every character of the seeds, ones a face lacks (measured as
// gofpdf's missing width) and ones beyond U+FFFF.
func TestMetricsAsGofpdf(t *testing.T) {
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, name := range []string{"000", "002", "003", "004"} {
		b, err := testenv.Seed(t, name).MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		text.Write(b)
	}
	text.WriteString("\u0e01\u0e02\u2603\U0001F600𠮷〓— ") // Thai and a snowman that Noto CJK lacks, beyond the BMP
	seen := map[rune]bool{}
	for _, r := range text.String() {
		seen[r] = true
	}
	m := newMetrics(faces)
	for i, ff := range faceFiles {
		whole, err := static.Font(ff.file)
		if err != nil {
			t.Fatal(err)
		}
		p := gofpdf.New("P", "mm", "A4", "")
		p.AddUTF8FontFromBytes("whole", "", whole)
		for _, size := range []float64{1, tableSize, bodySize} {
			p.SetFont("whole", "", size)
			width := m.width(faceID(i), size)
			for r := range seen {
				if got, want := width(r), p.GetStringWidth(string(r)); got != want && !near(got, want) {
					t.Errorf("%s %v pt %q: layout measures %v, gofpdf %v", ff.psName, size, r, got, want)
				}
			}
		}
		if err := p.Error(); err != nil {
			t.Fatal(err)
		}
	}
}

// near allows for the last bit of a product taken in another order.
func near(a, b float64) bool { return a-b < 1e-12 && b-a < 1e-12 }

// TestCutCovers: a drawing that sets a character its face's cut lacks is
// an error, not a missing glyph.
func TestCutCovers(t *testing.T) {
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	laid := newLayout()
	laid.SetFont(faceFiles[sans].family, "", bodySize)
	laid.Text(0, 0, "一、总体情况")
	cut, err := cutFaces(faces, laid)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		face    faceID
		text    string
		wantErr bool
	}{
		{"as laid out", sans, "一、总体情况", false},
		{"part of it", sans, "总体", false},
		{"another character", sans, "一、总体情况（", true},
		{"in another face", serif, "总", true},
		{"the space every cut has", serifBold, " ", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			drawn := newLayout()
			drawn.SetFont(faceFiles[tt.face].family, "", bodySize)
			drawn.Text(0, 0, tt.text)
			if err := cut.covers(drawn); (err != nil) != tt.wantErr {
				t.Errorf("covers: %v, want an error: %v", err, tt.wantErr)
			}
		})
	}
}
