package extract_test

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/jung-kurt/gofpdf"

	"nianbao/internal/extract"
	"nianbao/internal/testenv"
)

// scannedPDF is a PDF whose page is only an image, as a scanner makes.
func scannedPDF(t *testing.T) []byte {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 60, 40))
	for x := 10; x < 50; x++ {
		img.Set(x, 20, color.Black)
	}
	var pngBuf bytes.Buffer
	if err := png.Encode(&pngBuf, img); err != nil {
		t.Fatal(err)
	}
	doc := gofpdf.New("P", "mm", "A4", "")
	doc.AddPage()
	doc.RegisterImageOptionsReader("scan", gofpdf.ImageOptions{ImageType: "PNG"}, &pngBuf)
	doc.ImageOptions("scan", 10, 10, 180, 120, false, gofpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	var out bytes.Buffer
	if err := doc.Output(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestPDFRefused: a scan, a damaged file and a machine without pdftotext
// each get their own message in words.
func TestPDFRefused(t *testing.T) {
	testenv.Poppler(t, "pdftotext")
	if _, err := extract.Read(scannedPDF(t)); !errors.Is(err, extract.ErrScanned) || !strings.Contains(err.Error(), "这是扫描件，没有可读取的文字") {
		t.Errorf("scan: %v", err)
	}
	if _, err := extract.Read([]byte("%PDF-1.4\nnot really a pdf")); err == nil || !strings.Contains(err.Error(), "无法读取这个PDF文件") {
		t.Errorf("damaged: %v", err)
	}
	old := extract.SetPdftotext("pdftotext-not-installed")
	defer extract.SetPdftotext(old)
	if _, err := extract.Read(scannedPDF(t)); !errors.Is(err, extract.ErrNoPdftotext) || !strings.Contains(err.Error(), "poppler-utils") {
		t.Errorf("no pdftotext: %v", err)
	}
}

// TestPDFPageFurniture: page numbers go, lone numbers (table cells) stay.
func TestPDFPageFurniture(t *testing.T) {
	in := "三、收到\f— 3 —\n125\n\n2\n\n- 4 -\n第 5 页 共 9 页\n－6－\n3/9\n0\n"
	want := "三、收到\n125\n\n2\n\n0\n"
	if got := extract.CleanPDF(in); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
