package pdf

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"nianbao/internal/testenv"
	"nianbao/static"
)

// TestCanvasDrawsAsGofpdf: what the canvas draws looks the same, to the
// pixel at 150 dpi, as the same text and lines drawn by gofpdf with the
// whole faces, and gives the same text back, and it measures text as
// gofpdf does. gofpdf drew nianbao's PDFs before the canvas; it serves
// here as an independent reference for the fonts (cut down, widths,
// character-to-glyph map, Unicode map) and the coordinates.
func TestCanvasDrawsAsGofpdf(t *testing.T) {
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	type run struct {
		face    faceID
		size    float64
		x, y    float64
		spacing float64 // points, 0 for none
		text    string
	}
	tests := []struct {
		name string
		runs []run
	}{
		{"body", []run{{serif, bodySize, marginLeft, 60, 0, "政府信息公开工作年度报告（2024年）：依申请公开ABC xyz 0123456789，。、“”〓—"}}},
		{"three faces", []run{
			{serifBold, titleSize, 40, 50, 0, "某某市人民政府办公室"},
			{sans, bodySize, marginLeft, 80, 0, "一、总体情况"},
			{serif, tableSize, marginLeft, 100, 0, "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"},
		}},
		{"spread and page number", []run{
			{serif, bodySize, marginLeft, 60, 1.234, "主动公开政府信息"},
			{serif, folioSize, 95, folioY, 0, "— 12 —"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := newCanvas(faces)
			c.addPage()
			ref := gofpdf.New("P", "mm", "A4", "")
			for i, ff := range faceFiles {
				data, err := static.Font(ff.file)
				if err != nil {
					t.Fatal(err)
				}
				ref.AddUTF8FontFromBytes(fmt.Sprint(i), "", data)
			}
			ref.AddPage()
			for _, r := range tc.runs {
				c.setFont(r.face, r.size)
				ref.SetFont(fmt.Sprint(int(r.face)), "", r.size)
				if got, want := c.stringWidth(r.text), ref.GetStringWidth(r.text); got != want {
					t.Errorf("%q is %v mm wide on the canvas, %v in gofpdf", r.text, got, want)
				}
				if r.spacing != 0 {
					c.charSpacing(r.spacing)
					ref.RawWriteStr(fmt.Sprintf("%.4f Tc", r.spacing))
				}
				c.text(r.x, r.y, r.text)
				ref.Text(r.x, r.y, r.text)
				if r.spacing != 0 {
					c.charSpacing(0)
					ref.RawWriteStr("0 Tc")
				}
			}
			c.line(marginLeft, 120, marginLeft+textW, 120)
			c.line(marginLeft, 120, marginLeft, 150.5)
			ref.Line(marginLeft, 120, marginLeft+textW, 120)
			ref.Line(marginLeft, 120, marginLeft, 150.5)
			ours, err := c.output()
			if err != nil {
				t.Fatal(err)
			}
			var theirs bytes.Buffer
			if err := ref.Output(&theirs); err != nil {
				t.Fatal(err)
			}
			dir := testenv.ArtifactDir(t)
			a, b := filepath.Join(dir, "canvas.pdf"), filepath.Join(dir, "gofpdf.pdf")
			for path, data := range map[string][]byte{a: ours, b: theirs.Bytes()} {
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if got, want := popplerOut(t, "pdftotext", "-enc", "UTF-8", "-raw", a, "-"), popplerOut(t, "pdftotext", "-enc", "UTF-8", "-raw", b, "-"); got != want {
				t.Errorf("text %q, gofpdf's %q", got, want)
			}
			if !bytes.Equal(pixels(t, a), pixels(t, b)) {
				t.Errorf("the page looks different from gofpdf's (see %s)", dir)
			}
		})
	}
}

// pixels renders the first page at 150 dpi in grey.
func pixels(t *testing.T, path string) []byte {
	t.Helper()
	popplerOut(t, "pdftoppm", "-r", "150", "-gray", "-singlefile", path, path)
	b, err := os.ReadFile(path + ".pgm")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func popplerOut(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(testenv.Poppler(t, tool), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}
