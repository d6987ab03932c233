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

// TestPDFPageFurniture: page numbers go, lone numbers (table cells)
// stay; a running header or footer goes, a row of numbers that ends
// several pages alike stays; a page that pdftotext -layout read turned
// (a table printed sideways) reads the right way up.
func TestPDFPageFurniture(t *testing.T) {
	cases := []struct {
		name, in, want string
		layout         bool
	}{
		{"page numbers", "三、收到\f— 3 —\n125\n\n2\n\n- 4 -\n第 5 页 共 9 页\n－6－\n3/9\n0\n", "三、收到\n125\n\n2\n\n0\n", false},
		{"running header and footer",
			"某区2023年年度报告\n某区2023年年度报告\n一、总体情况\n某区政府办公室\f某区2023年年度报告\n全年受理申请\n某区政府办公室\f某区2023年年度报告\n六、其他\n某区政府办公室\f",
			"某区2023年年度报告\n一、总体情况\n全年受理申请\n六、其他", false},
		{"a row of zeros ends two pages", "一、总体情况\n0  0  0\f二、主动公开\n0  0  0\f", "一、总体情况\n0  0  0\n二、主动公开\n0  0  0", false},
		{"a page printed turned", strings.Join([]string{
			"0    0   0        理办续继度年下转结、四",
			"26   0   23             计总）七（",
			"0    0   0            他其 3.",
			"7    0   7        开公以予）一（",
			"24   1   23   量数请申开公息信府政收新年本、一",
		}, "\n") + "\f", strings.Join([]string{
			"一、本年新收政府信息公开申请数量   23   1   24",
			"（一）予以公开        7   0    7",
			"3. 其他            0   0    0",
			"（七）总计             23   0   26",
			"四、结转下年度继续办理        0   0    0",
		}, "\n"), true},
		{"the same page in reading order is left as it is", "0  0  理办续继度年下转结、四\n26  0  计总）七（\n0  0  他其 3.\f", "0  0  理办续继度年下转结、四\n26  0  计总）七（\n0  0  他其 3.", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := extract.CleanPDF(c.in, c.layout); got != c.want {
				t.Errorf("got\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}
