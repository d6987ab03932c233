package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"time"
	"unicode"
)

// A PDF is read by poppler's pdftotext (Debian's poppler-utils), the
// well-kept tool for it: Go's PDF libraries do not map the CID fonts that
// Word, WPS and our own renderer embed back to Chinese text reliably. It
// is read twice — in reading order, and with -layout, where each table
// row's numbers stand on its line — and the importer keeps the reading the
// table's arithmetic confirms (Document.Alternatives). Page furniture is
// dropped: form feeds and the page-number lines (— 3 —, - 3 -, 第3页 共9页).

// pdfTimeout bounds one pdftotext run: a report's PDF reads in well under
// a second; a hostile one must not hold a request.
const pdfTimeout = 30 * time.Second

// pdftotext is the command run; a test may point it elsewhere.
var pdftotext = "pdftotext"

func readPDF(data []byte) (*Document, error) {
	if _, err := exec.LookPath(pdftotext); err != nil {
		return nil, ErrNoPdftotext
	}
	f, err := os.CreateTemp("", "nianbao-*.pdf")
	if err != nil {
		return nil, fmt.Errorf("extract: pdf: %w", err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return nil, fmt.Errorf("extract: pdf: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, fmt.Errorf("extract: pdf: %w", err)
	}
	plainText, err := runPdftotext(f.Name(), false)
	if err != nil {
		return nil, err
	}
	if !hasText(plainText) {
		return nil, ErrScanned
	}
	d := &Document{Kind: PDF, Blocks: []Block{{Para: cleanPDF(plainText)}}}
	if layout, err := runPdftotext(f.Name(), true); err == nil && hasText(layout) {
		d.Alternatives = []*Document{{Kind: PDF, PDFLayout: true, Blocks: []Block{{Para: cleanPDF(layout)}}}}
	}
	return d, nil
}

// runPdftotext extracts the text of the PDF at path.
func runPdftotext(path string, layout bool) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	args := []string{"-enc", "UTF-8", "-nopgbrk"}
	if layout {
		args = append(args, "-layout")
	}
	var out, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, pdftotext, append(args, path, "-")...)
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			msg = "读取超时"
		}
		return "", fmt.Errorf("无法读取这个PDF文件，它可能已损坏或加了密码（pdftotext：%s）", firstN(msg, 200))
	}
	return out.String(), nil
}

// hasText: the extracted text has a Chinese character or a digit — an
// image-only PDF gives at most white space and form feeds.
func hasText(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) || unicode.IsDigit(r) })
}

// pageNumberRE matches a line that is only a page number: — 3 —, －3－,
// - 3 -, 3, 第3页, 第 3 页 共 9 页, 3/9.
var pageNumberRE = regexp.MustCompile(`^[\s\-－—–]*(第\s*)?\d{1,3}(\s*页)?(\s*[/／共]\s*\d{1,3}\s*页?)?[\s\-－—–]*$`)

// cleanPDF drops form feeds and page-number lines. A lone number is not
// taken for a page number: in a PDF's text a table cell is often a lone
// number on its line.
func cleanPDF(s string) string {
	s = strings.ReplaceAll(normalizeNewlines(s), "\f", "\n")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t != "" && pageNumberRE.MatchString(t) && strings.ContainsAny(t, "-－—–页/／") {
			continue
		}
		out = append(out, strings.TrimRight(l, " \t"))
	}
	return strings.Join(out, "\n")
}
