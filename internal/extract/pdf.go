package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A PDF is read by poppler's pdftotext (Debian's poppler-utils), the
// well-kept tool for it: Go's PDF libraries do not map the CID fonts that
// Word, WPS and our own renderer embed back to Chinese text reliably. It
// is read twice — in reading order, and with -layout, where each table
// row's numbers stand on its line — and the importer keeps the reading the
// table's arithmetic confirms (Document.Alternatives). Page furniture is
// dropped: the page-number lines (— 3 —, - 3 -, 第3页 共9页), and a running
// header or footer — a line that begins or ends most pages alike (the
// report's title over every page, 某某区人民政府办公室 under it), digits
// aside; the title on the first page under its own running header stays.

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
	d := &Document{Kind: PDF, Blocks: []Block{{Para: cleanPDF(plainText, false)}}}
	if layout, err := runPdftotext(f.Name(), true); err == nil && hasText(layout) {
		d.Alternatives = []*Document{{Kind: PDF, PDFLayout: true, Blocks: []Block{{Para: cleanPDF(layout, true)}}}}
	}
	return d, nil
}

// runPdftotext extracts the text of the PDF at path.
func runPdftotext(path string, layout bool) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), pdfTimeout)
	defer cancel()
	args := []string{"-enc", "UTF-8"}
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

// cleanPDF drops page furniture: running headers and footers, and
// page-number lines; pages are joined by a line break. A lone number is
// not taken for a page number: in a PDF's text a table cell is often a
// lone number on its line. In a -layout text, a page printed turned
// reads back the right way up (turnedPage).
func cleanPDF(s string, layout bool) string {
	pages := strings.Split(strings.TrimSuffix(normalizeNewlines(s), "\f"), "\f")
	if layout {
		for i, page := range pages {
			if lines := strings.Split(page, "\n"); turnedPage(lines) {
				pages[i] = strings.Join(turnBack(lines), "\n")
			}
		}
	}
	furniture := runningLines(pages)
	var out []string
	for _, page := range pages {
		lines := strings.Split(page, "\n")
		first, last := edgeLines(lines)
		for i, l := range lines {
			t := strings.TrimSpace(l)
			if t != "" && pageNumberRE.MatchString(t) && strings.ContainsAny(t, "-－—–页/／") {
				continue
			}
			if (i == first || i == last) && furniture[pageLineKey(t)] {
				continue
			}
			out = append(out, strings.TrimRight(l, " \t"))
		}
	}
	return strings.Join(out, "\n")
}

// runningLines are the running headers and footers of the pages, by
// pageLineKey: a page's first or last line (page numbers aside) that
// begins or ends at least two pages and half of them.
func runningLines(pages []string) map[string]bool {
	count := map[string]int{}
	for _, page := range pages {
		lines := strings.Split(page, "\n")
		first, last := edgeLines(lines)
		seen := map[string]bool{}
		for _, i := range []int{first, last} {
			if i < 0 {
				continue
			}
			if k := pageLineKey(strings.TrimSpace(lines[i])); !seen[k] {
				seen[k] = true
				count[k]++
			}
		}
	}
	out := map[string]bool{}
	for k, n := range count {
		if n >= 2 && 2*n >= len(pages) && isRunningText(k) {
			out[k] = true
		}
	}
	return out
}

// isRunningText: a line key that can be a running header or footer: it
// has a Chinese character and at most three numbers — never a table row
// of numbers (0 0 0 0 0 0 0 ends many pages alike).
func isRunningText(k string) bool {
	return strings.ContainsFunc(k, func(r rune) bool { return unicode.Is(unicode.Han, r) }) &&
		strings.Count(strings.ReplaceAll(k, "##", "#"), "#") <= 3
}

// edgeLines are the indices of a page's first and last lines that are
// neither blank nor a page number, or -1.
func edgeLines(lines []string) (first, last int) {
	first, last = -1, -1
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || pageNumberRE.MatchString(t) && strings.ContainsAny(t, "-－—–页/／") {
			continue
		}
		if first < 0 {
			first = i
		}
		last = i
	}
	return first, last
}

// pageLineKey is a line as a running header or footer repeats it: its
// digits (a page number, a date) and spaces aside.
func pageLineKey(t string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case unicode.IsDigit(r):
			return '#'
		case unicode.IsSpace(r):
			return -1
		}
		return r
	}, t)
}

// A table printed turned on its page (a wide table set sideways, a
// landscape sheet on portrait paper) comes out of pdftotext -layout
// upside down, whichever way it was turned: its last row first, each
// row's cells right to left, each Chinese character a word of its own
// and so written backwards (量数请申开公息信府政收新年本、一), the numbers
// whole. A page that reads so — more of its lines end with an ordinal
// written backwards (、一 ）二（ 1.) than begin with one — is turned back:
// its lines in the other order, each line's words so.

var (
	// ordinalStartRE begins a line of a report: 一、 （二） 1. 1、
	ordinalStartRE = regexp.MustCompile(`^(\d{1,2}[.．、]|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])`)
	// ordinalEndRE ends such a line written backwards.
	ordinalEndRE = regexp.MustCompile(`(\d{1,2}[.．、]|、[一二三四五六七八九十]{1,3}|[）)][一二三四五六七八九十]{1,3}[（(])$`)
)

// turnedPage: the page's lines read as a page printed turned.
func turnedPage(lines []string) bool {
	starts, ends := 0, 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if ordinalStartRE.MatchString(t) {
			starts++
		}
		if ordinalEndRE.MatchString(t) {
			ends++
		}
	}
	return ends >= 3 && ends > 2*starts
}

// turnBack turns a page's lines the right way up.
func turnBack(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[len(lines)-1-i] = turnLine(l)
	}
	return out
}

// turnLine writes a line's words in the other order: a run of spaces, a
// run of ASCII (a number, 1.) and any other character are each a word.
func turnLine(l string) string {
	var words []string
	rs := []rune(strings.TrimRight(l, " "))
	for i := 0; i < len(rs); {
		j := i + 1
		switch {
		case rs[i] == ' ':
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
		case rs[i] < utf8.RuneSelf:
			for j < len(rs) && rs[j] < utf8.RuneSelf && rs[j] != ' ' {
				j++
			}
		}
		words = append(words, string(rs[i:j]))
		i = j
	}
	slices.Reverse(words)
	return strings.Join(words, "")
}
