package pdf_test

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// renderFile renders r into the test's artifact folder and returns the path.
func renderFile(t *testing.T, r *report.Report, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Render(r, &buf); err != nil {
		t.Fatalf("render %s: %v", name, err)
	}
	path := filepath.Join(testenv.ArtifactDir(t), name+".pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// folioRE matches the page numbers at the page feet.
var folioRE = regexp.MustCompile(`(?m)^\s*—\s*\d+\s*—\s*$`)

// text extracts a PDF's text in a pdftotext mode ("" plain, "-layout",
// "-raw"), optionally of pages first..last, without the page numbers
// (which would otherwise interrupt text running over a page break).
func text(t *testing.T, path, mode string, pages ...string) string {
	t.Helper()
	args := []string{"-enc", "UTF-8"}
	if mode != "" {
		args = append(args, mode)
	}
	if len(pages) == 2 {
		args = append(args, "-f", pages[0], "-l", pages[1])
	}
	return folioRE.ReplaceAllString(testenv.RunPoppler(t, "pdftotext", append(args, path, "-")...), "")
}

// strip removes all white space: pdftotext puts line breaks where a
// label wraps and spaces where justification or layout leaves gaps.
func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// inOrder finds each token in s after the previous one; it returns the
// first token not found.
func inOrder(s string, tokens []string) (missing string, ok bool) {
	pos := 0
	for _, tok := range tokens {
		i := strings.Index(s[pos:], tok)
		if i < 0 {
			return tok, false
		}
		pos += i + len(tok)
	}
	return "", true
}

// gridTokens is every printed text of a table, stripped, in grid order:
// header rows, then body rows, each left to right.
func gridTokens(r *report.Report, tb *report.Table) []string {
	var out []string
	for _, rows := range [][][]report.GridCell{tb.Layout.Head, tb.Layout.Body} {
		for _, row := range rows {
			for _, g := range row {
				if s := strip(cellText(r, g)); s != "" {
					out = append(out, s)
				}
			}
		}
	}
	return out
}

func cellText(r *report.Report, g report.GridCell) string {
	if g.IsValue() {
		return report.FormatValue(r.Template().Cell(g.Cell).Kind, r.Values[g.Cell])
	}
	return g.Label
}

// rowValues is the printed values of a body row, in order.
func rowValues(r *report.Report, row []report.GridCell) []string {
	var out []string
	for _, g := range row {
		if v := cellText(r, g); g.IsValue() && v != "" {
			out = append(out, v)
		}
	}
	return out
}

// labels is every label of a table.
func labels(tb *report.Table) []string {
	var out []string
	for _, rows := range [][][]report.GridCell{tb.Layout.Head, tb.Layout.Body} {
		for _, row := range rows {
			for _, g := range row {
				if !g.IsValue() {
					out = append(out, g.Label)
				}
			}
		}
	}
	return out
}
