package pdf_test

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// TestPDFSeedsRawOrder: pdftotext -raw gives the text in the order it was
// drawn: every label and every number of the three tables in grid order,
// the headings and the title.
func TestPDFSeedsRawOrder(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r := loadSeed(t, name)
			raw := strip(text(t, renderFile(t, r, name), "-raw"))
			tokens := []string{strip(r.DisplayTitle())}
			for _, s := range r.Template().Sections {
				tokens = append(tokens, s.Heading)
				if s.Table != nil {
					tokens = append(tokens, gridTokens(r, s.Table)...)
				}
			}
			if tok, ok := inOrder(raw, tokens); !ok {
				t.Errorf("%q is missing or out of order in the raw text", tok)
			}
		})
	}
}

// TestPDFSeedsLayout: in pdftotext -layout each table row's numbers stand
// on one line, right-aligned at its end, rows in order; every label's
// characters appear in order close together (wrapped labels interleave
// with their neighbours line by line).
func TestPDFSeedsLayout(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r := loadSeed(t, name)
			layout := text(t, renderFile(t, r, name), "-layout")
			lines := strings.Split(layout, "\n")
			at := 0
			for _, tb := range r.Template().Tables {
				for i, row := range tb.Layout.Body {
					vals := rowValues(r, row)
					if len(vals) == 0 {
						continue
					}
					found := slices.IndexFunc(lines[at:], func(l string) bool {
						f := strings.Fields(l)
						return len(f) >= len(vals) && slices.Equal(f[len(f)-len(vals):], vals)
					})
					if found < 0 {
						t.Fatalf("%s row %d: no line after line %d ends with %v", tb.Key, i, at, vals)
					}
					at += found + 1
				}
				flat := []rune(strip(layout))
				for _, l := range labels(tb) {
					if !nearby(flat, []rune(strip(l)), 6*len([]rune(l))+60) {
						t.Errorf("%s: label %q not found", tb.Key, l)
					}
				}
			}
		})
	}
}

// nearby reports whether the runes of want occur in order in s within a
// window of n runes.
func nearby(s, want []rune, n int) bool {
	for start := range s {
		if s[start] != want[0] {
			continue
		}
		j := 0
		for i := start; i < len(s) && i < start+n && j < len(want); i++ {
			if s[i] == want[j] {
				j++
			}
		}
		if j == len(want) {
			return true
		}
	}
	return false
}

// TestPDFSeedsNarrative: plain pdftotext gives back the headings, the
// title and the start of every paragraph of the preface and narrative.
func TestPDFSeedsNarrative(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r := loadSeed(t, name)
			plain := strip(text(t, renderFile(t, r, name), ""))
			want := []string{r.DisplayTitle()}
			for _, s := range r.Template().Sections {
				want = append(want, s.Heading)
			}
			for _, n := range []string{r.Preface, r.Narrative.Overview, r.Narrative.Problems, r.Narrative.Other} {
				for p := range strings.SplitSeq(n, "\n") {
					if p := []rune(strip(p)); len(p) > 0 {
						want = append(want, string(p[:min(20, len(p))]))
					}
				}
			}
			for _, w := range want {
				if !strings.Contains(plain, strip(w)) {
					t.Errorf("%q not in the text", w)
				}
			}
		})
	}
}

// TestPDFSeedsContinuedTables: on every page a table reaches, its header
// rows come first and every row's enclosing labels (section 三's
// 三、本年度办理结果 and （三）不予公开…, section 二's block caption) are
// printed on that page before the row.
func TestPDFSeedsContinuedTables(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r := loadSeed(t, name)
			path := renderFile(t, r, name)
			pages := pageCount(t, path)
			for p := 1; p <= pages; p++ {
				n := strconv.Itoa(p)
				page := strip(text(t, path, "-raw", n, n))
				for _, tb := range r.Template().Tables {
					checkPage(t, r, p, page, tb)
				}
			}
		})
	}
}

func checkPage(t *testing.T, r *report.Report, p int, page string, tb *report.Table) {
	t.Helper()
	var head []string
	for _, row := range tb.Layout.Head {
		for _, g := range row {
			head = append(head, strip(g.Label))
		}
	}
	for _, row := range tb.Rows {
		// The row as printed: its label followed by its numbers (the label
		// alone may be quoted in the narrative).
		label := strip(row.Label)
		for _, id := range row.Cells {
			label += report.FormatValue(r.Template().Cell(id).Kind, r.Values[id])
		}
		at := strings.Index(page, label)
		if tb.Key == "reviews" || at < 0 {
			continue // section 四 has no row labels
		}
		want := append(slices.Clone(head), row.Groups...)
		if tok, ok := inOrder(page[:at], want); !ok {
			t.Errorf("page %d: row %s is printed without %q above it", p, row.Label, tok)
		}
	}
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pageCount(t *testing.T, path string) int {
	t.Helper()
	m := pagesRE.FindStringSubmatch(testenv.RunPoppler(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo shows no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestPDFInfo: every page is A4 and the document properties name the
// report, the body and nianbao.
func TestPDFInfo(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r := loadSeed(t, name)
			path := renderFile(t, r, name)
			pages := pageCount(t, path)
			info := testenv.RunPoppler(t, "pdfinfo", "-f", "1", "-l", strconv.Itoa(pages), path)
			if n := strings.Count(info, "size:  595.28 x 841.89 pts (A4)"); n != pages {
				t.Errorf("%d of %d pages are A4:\n%s", n, pages, info)
			}
			for _, want := range []string{
				"Title:           " + r.DisplayTitle(),
				"Author:          " + r.Org,
				"Subject:         " + fmt.Sprintf("%s %d年", r.Org, r.Year),
				"Creator:         nianbao",
			} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo lacks %q:\n%s", want, info)
				}
			}
		})
	}
}

var fontLineRE = regexp.MustCompile(`(?m)^([A-Z]{6})\+(\S+)\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes`)

// TestPDFFonts: the three faces are embedded as subsets with a Unicode map.
func TestPDFFonts(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			out := testenv.RunPoppler(t, "pdffonts", renderFile(t, loadSeed(t, name), name))
			var faces []string
			for _, m := range fontLineRE.FindAllStringSubmatch(out, -1) {
				faces = append(faces, m[2])
			}
			slices.Sort(faces)
			if want := []string{"NotoSansSC-Medium", "NotoSerifSC-Bold", "NotoSerifSC-Regular"}; !slices.Equal(faces, want) {
				t.Errorf("embedded subset fonts %v, want %v:\n%s", faces, want, out)
			}
		})
	}
}

// TestPDFPageNumbers: every page carries its folio — n — at the foot.
func TestPDFPageNumbers(t *testing.T) {
	path := renderFile(t, loadSeed(t, "003"), "003")
	for p := 1; p <= pageCount(t, path); p++ {
		n := strconv.Itoa(p)
		page := testenv.RunPoppler(t, "pdftotext", "-enc", "UTF-8", "-raw", "-f", n, "-l", n, path, "-")
		lines := strings.Split(strings.TrimSpace(page), "\n")
		if last := lines[len(lines)-1]; last != "— "+n+" —" {
			t.Errorf("page %d ends with %q, want its folio", p, last)
		}
	}
}
