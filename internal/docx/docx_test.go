package docx_test

import (
	"bytes"
	"html"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"nianbao/internal/docx"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

func write(t *testing.T, r *report.Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.Write(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// awkward is seed 002 with a blank cell, a 不适用 cell, a fee with
// decimals, a name beyond the BMP, XML's special characters and a
// correction: what a reader must keep apart or see unmangled.
func awkward(t *testing.T) *report.Report {
	r := testenv.Seed(t, "002")
	tp := r.Template()
	r.Values[tp.Lookup("requests.granted.research")] = report.Value{}
	r.Values[tp.Lookup("active.rules.issued")] = report.Value{State: report.NotApplicable}
	r.Values[tp.Lookup("active.fees.amount_wan")] = report.Num(1041700)
	r.Narrative.Other = "𠮷野家 <b>&\"引号\"</b>\n第二段"
	r.Publication = &report.Publication{Revision: 2, Date: "2025-03-05", Correction: "更正第二部分的件数。"}
	return r
}

// TestTablesReadBack: every seed's .docx, unzipped and read as Word reads
// it, has the three tables on the grid of report.Layout — each cell at
// its place with its spans, each row covering every grid column — and
// every cell, label or value, as the report prints it.
func TestTablesReadBack(t *testing.T) {
	cases := map[string]*report.Report{"awkward": awkward(t)}
	for _, name := range testenv.Seeds {
		cases[name] = testenv.Seed(t, name)
	}
	for name, r := range cases {
		t.Run(name, func(t *testing.T) {
			parts := readDocx(t, write(t, r))
			for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml"} {
				if _, ok := parts[p]; !ok {
					t.Fatalf("no part %s", p)
				}
			}
			paras, tables := readBody(t, parts["word/document.xml"])
			want := r.Template().Tables
			if len(tables) != len(want) {
				t.Fatalf("%d tables, want %d", len(tables), len(want))
			}
			for i, tb := range want {
				compareTable(t, r, tb, tables[i])
			}
			compareText(t, r, paras)
		})
	}
}

func compareTable(t *testing.T, r *report.Report, tb *report.Table, got *readTable) {
	t.Helper()
	lay := tb.Layout
	if got.gridCols != lay.Cols {
		t.Errorf("%s: %d grid columns, want %d", tb.Key, got.gridCols, lay.Cols)
	}
	if want := r.Template().Caption(tb); got.caption != want {
		t.Errorf("%s: caption %q, want %q", tb.Key, got.caption, want)
	}
	// The header rows and the body rows are placed each on their own, as
	// the writer's reader would see them one after the other.
	var placed []report.Placed
	for _, rows := range [][][]report.GridCell{lay.Head, lay.Body} {
		for _, row := range report.Place(rows, lay.Cols) {
			placed = append(placed, row...)
		}
	}
	nRows := len(lay.Head) + len(lay.Body)
	if len(got.rowCols) != nRows {
		t.Fatalf("%s: %d rows, want %d", tb.Key, len(got.rowCols), nRows)
	}
	for i, n := range got.rowCols {
		if n != lay.Cols {
			t.Errorf("%s row %d covers %d grid columns, want %d", tb.Key, i, n, lay.Cols)
		}
	}
	for i, p := range placed {
		row := p.Row
		if i >= headCells(lay) {
			row += len(lay.Head)
		}
		name := tb.Key + " r" + strconv.Itoa(row) + "c" + strconv.Itoa(p.Col)
		c := got.at(row, p.Col)
		if c == nil {
			t.Errorf("%s: no cell starts there (want %q)", name, r.CellText(p.GridCell))
			continue
		}
		if c.text != r.CellText(p.GridCell) {
			t.Errorf("%s: %q, want %q", name, c.text, r.CellText(p.GridCell))
		}
		if c.rowSpan != p.RowSpan || c.colSpan != p.ColSpan {
			t.Errorf("%s: spans %d×%d, want %d×%d", name, c.rowSpan, c.colSpan, p.RowSpan, p.ColSpan)
		}
	}
	if len(got.cells) != len(placed) {
		t.Errorf("%s: %d cells, want %d", tb.Key, len(got.cells), len(placed))
	}
}

// headCells counts the cells of the header rows.
func headCells(lay report.Layout) int {
	n := 0
	for _, row := range lay.Head {
		n += len(row)
	}
	return n
}

// compareText: the title, the revision of a corrected report, the 更正说明,
// every heading and every paragraph, in order, and the 落款 at the end:
// the body's name and the date of publication.
func compareText(t *testing.T, r *report.Report, got []string) {
	t.Helper()
	want := []string{r.DisplayTitle()}
	if p := r.Publication; p != nil && p.Revision > 1 {
		want = append(want, "第"+strconv.Itoa(p.Revision)+"版")
	}
	if c := report.Paragraphs(r.Correction()); len(c) > 0 {
		want = append(append(want, report.CorrectionHeading), c...)
	}
	want = append(want, report.Paragraphs(r.Preface)...)
	for _, s := range r.Template().Sections {
		want = append(want, s.Heading)
		if s.Table == nil {
			want = append(want, report.Paragraphs(r.Narrative.Text(s.Narrative))...)
		}
	}
	if r.Org != "" {
		want = append(want, r.Org)
		if p := r.Publication; p != nil && p.Date != "" {
			want = append(want, report.ChineseDate(p.Date))
		}
	}
	got = slices.DeleteFunc(slices.Clone(got), func(s string) bool { return s == "" })
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs differ:\n got %q\nwant %q", got, want)
	}
}

// TestDeterministic: the same report makes the same bytes (a published
// revision is always the same download).
func TestDeterministic(t *testing.T) {
	r := testenv.Seed(t, "003")
	if !bytes.Equal(write(t, r), write(t, r)) {
		t.Error("two writes of one report differ")
	}
}

// TestOpensInLibreOffice: LibreOffice opens every seed's .docx and
// converts it to PDF; the PDF's text has the title, every heading and
// every table label; the first table's page is left as a PNG in the
// artifacts for a person to look at.
func TestOpensInLibreOffice(t *testing.T) {
	soffice := testenv.LibreOffice(t)
	pdftotext := testenv.Poppler(t, "pdftotext")
	pdftoppm := testenv.Poppler(t, "pdftoppm")
	dir := t.TempDir()
	out := testenv.ArtifactDir(t)
	names := append(slices.Clone(testenv.Seeds), "awkward")
	reports := map[string]*report.Report{"awkward": awkward(t)}
	var files []string
	for _, name := range names {
		r := reports[name]
		if r == nil {
			r = testenv.Seed(t, name)
			reports[name] = r
		}
		path := filepath.Join(out, name+".docx")
		if err := os.WriteFile(path, write(t, r), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	// One LibreOffice for all files, with a profile of its own (a second
	// instance on one profile would hand its work to the first).
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", out}, files...)
	cmd := exec.Command(soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			r := reports[name]
			pdf := filepath.Join(out, name+".pdf")
			if _, err := os.Stat(pdf); err != nil {
				t.Fatalf("LibreOffice made no PDF of %s.docx: %v", name, err)
			}
			text := strip(run(t, pdftotext, "-enc", "UTF-8", pdf, "-"))
			words := pdfWords(run(t, pdftotext, "-enc", "UTF-8", "-bbox", pdf, "-"))
			for _, s := range expectedText(r) {
				if !strings.Contains(text, strip(s)) && !inCell(words, strip(s)) {
					t.Errorf("the PDF lacks %q", s)
				}
			}
			page := firstTablePage(t, pdftotext, pdf, r)
			if page == 0 {
				t.Fatal("no page has the first table")
			}
			run(t, pdftoppm, "-r", "80", "-png", "-singlefile", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), pdf,
				filepath.Join(out, name+"-first-table"))
		})
	}
	t.Logf("Word files, their PDFs and a picture of each first table page are in %s", out)
}

// expectedText is what the PDF must show: the title, the headings and
// every label of every table.
func expectedText(r *report.Report) []string {
	out := []string{r.DisplayTitle()}
	for _, s := range r.Template().Sections {
		out = append(out, s.Heading)
	}
	for _, tb := range r.Template().Tables {
		for _, rows := range [][][]report.GridCell{tb.Layout.Head, tb.Layout.Body} {
			for _, row := range rows {
				for _, g := range row {
					if !g.IsValue() {
						out = append(out, g.Label)
					}
				}
			}
		}
	}
	return out
}

// word is a word of a PDF page as pdftotext -bbox places it.
type word struct {
	page           int
	x0, y0, x1, y1 float64
	s              string
}

var (
	pageRE = regexp.MustCompile(`<page `)
	wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

func pdfWords(bbox string) []word {
	var out []word
	for i, page := range pageRE.Split(bbox, -1) {
		for _, m := range wordRE.FindAllStringSubmatch(page, -1) {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			out = append(out, word{i, f(m[1]), f(m[2]), f(m[3]), f(m[4]), html.UnescapeString(m[5])})
		}
	}
	return out
}

// inCell finds a label that a narrow table cell wrapped over lines: a
// word that starts it, then, word by word, the rest of it to the right on
// the same line, on the next line below within the same column, or in
// that column on the next page.
func inCell(words []word, label string) bool {
	next := func(a word, rest string) (word, bool) {
		for _, b := range words {
			if b.s == "" || !strings.HasPrefix(rest, b.s) {
				continue
			}
			h := a.y1 - a.y0
			column := b.x0 < a.x1 && b.x1 > a.x0
			sameLine := b.page == a.page && math.Abs(b.y0-a.y0) < h/3 && b.x0 >= a.x1-1 && b.x0-a.x1 < h
			nextLine := b.page == a.page && b.y0 > a.y0+h/2 && b.y0-a.y1 < h && column
			// A cell merged down the rows goes on at the top of the next
			// page when the table does.
			nextPage := b.page == a.page+1 && column
			if sameLine || nextLine || nextPage {
				return b, true
			}
		}
		return word{}, false
	}
	for _, w := range words {
		if w.s == "" || !strings.HasPrefix(label, w.s) {
			continue
		}
		cur, rest := w, label[len(w.s):]
		for rest != "" {
			b, ok := next(cur, rest)
			if !ok {
				break
			}
			cur, rest = b, rest[len(b.s):]
		}
		if rest == "" {
			return true
		}
	}
	return false
}

// firstTablePage is the page on which the first table's first label is.
func firstTablePage(t *testing.T, pdftotext, pdf string, r *report.Report) int {
	tb := r.Template().Tables[0]
	rows := append(slices.Clone(tb.Layout.Head), tb.Layout.Body...)
	first := strip(rows[0][0].Label)
	for p := 1; p < 20; p++ {
		n := strconv.Itoa(p)
		text, err := exec.Command(pdftotext, "-enc", "UTF-8", "-f", n, "-l", n, pdf, "-").Output()
		if err != nil {
			return 0
		}
		if strings.Contains(strip(string(text)), first) {
			return p
		}
	}
	return 0
}

func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", tool, args, err, out)
	}
	return string(out)
}

// strip removes white space, which pdftotext puts where a label wraps.
func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
