package document_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	rpt "nianbao/internal/report"
	"nianbao/views/document"
)

var seeds = []string{"000", "002", "003", "004"}

func loadSeed(tb testing.TB, name string) *rpt.Report {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "report", "testdata", "seeds", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := rpt.Decode(data)
	if err != nil {
		tb.Fatalf("seed %s: %v", name, err)
	}
	return r
}

// render renders the Document component (as a page of the app embeds it)
// and parses it.
func render(t *testing.T, r *rpt.Report) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := document.Document(document.NewView(r)).Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// TestTableSpans: the merged header cells of sections 三 and 四 span what
// the official form spans.
func TestTableSpans(t *testing.T) {
	doc := render(t, loadSeed(t, "003"))
	tests := []struct {
		table, text      string
		rowspan, colspan int
		scope            string
	}{
		{"requests", rpt.T2021.Table("requests").Note, 3, 3, ""},
		{"requests", "申请人情况", 1, 7, "colgroup"},
		{"requests", "自然人", 2, 1, "col"},
		{"requests", "法人或其他组织", 1, 5, "colgroup"},
		{"requests", "总计", 2, 1, "col"},
		{"requests", "三、本年度办理结果", 22, 1, "rowgroup"},
		{"requests", "（三）不予公开", 8, 1, "rowgroup"},
		{"requests", "（四）无法提供", 3, 1, "rowgroup"},
		{"requests", "（五）不予处理", 5, 1, "rowgroup"},
		{"requests", "（六）其他处理", 3, 1, "rowgroup"},
		{"requests", "一、本年新收政府信息公开申请数量", 1, 3, "row"},
		{"requests", "（一）予以公开", 1, 2, "row"},
		{"requests", "（七）总计", 1, 2, "row"},
		{"requests", "1.属于国家秘密", 1, 1, "row"},
		{"reviews", "行政复议", 1, 5, "colgroup"},
		{"reviews", "行政诉讼", 1, 10, "colgroup"},
		{"reviews", "未经复议直接起诉", 1, 5, "colgroup"},
		{"reviews", "复议后起诉", 1, 5, "colgroup"},
		{"active", "第二十条第（一）项", 1, 4, "colgroup"},
		{"active", rpt.FeeHeader2021, 1, 3, "col"},
	}
	for _, tt := range tests {
		t.Run(tt.table+" "+tt.text, func(t *testing.T) {
			th := doc.Find("#table-" + tt.table + " th").FilterFunction(func(_ int, s *goquery.Selection) bool {
				return s.Text() == tt.text
			}).First()
			if th.Length() == 0 {
				t.Fatalf("no th %q", tt.text)
			}
			if got := span(th, "rowspan"); got != tt.rowspan {
				t.Errorf("rowspan %d, want %d", got, tt.rowspan)
			}
			if got := span(th, "colspan"); got != tt.colspan {
				t.Errorf("colspan %d, want %d", got, tt.colspan)
			}
			if got, _ := th.Attr("scope"); got != tt.scope {
				t.Errorf("scope %q, want %q", got, tt.scope)
			}
		})
	}
	if n := doc.Find("#table-requests thead tr").Length(); n != 3 {
		t.Errorf("section 三 has %d header rows, want 3", n)
	}
	if n := doc.Find("#table-active thead").Length(); n != 0 {
		t.Error("section 二 has a thead; its blocks carry their own headers")
	}
}

func span(s *goquery.Selection, attr string) int {
	v, ok := s.Attr(attr)
	if !ok {
		return 1
	}
	n, _ := strconv.Atoi(v)
	return n
}

// TestTableLabels: every label of the template is a th of its table, in
// grid order, with an id.
func TestTableLabels(t *testing.T) {
	doc := render(t, loadSeed(t, "000"))
	for _, tb := range rpt.T2021.Tables {
		var want []string
		for _, rows := range [][][]rpt.GridCell{tb.Layout.Head, tb.Layout.Body} {
			for _, row := range rows {
				for _, g := range row {
					if !g.IsValue() {
						want = append(want, g.ID+"="+g.Label)
					}
				}
			}
		}
		var got []string
		doc.Find("#table-" + tb.Key + " th").Each(func(_ int, s *goquery.Selection) {
			id, _ := s.Attr("id")
			got = append(got, id+"="+s.Text())
		})
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: th are\n%s\nwant\n%s", tb.Key, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if c := doc.Find("#table-" + tb.Key + " caption").Text(); c == "" || c != rpt.T2021.Caption(tb) {
			t.Errorf("%s: caption %q", tb.Key, c)
		}
	}
}

// TestTableNumbers: each number of each seed is in the td whose headers
// name its row and column, printed as the report prints it.
func TestTableNumbers(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r := loadSeed(t, name)
			doc := render(t, r)
			for _, tb := range r.Template().Tables {
				for _, row := range tb.Layout.Body {
					for _, g := range row {
						if !g.IsValue() {
							continue
						}
						def := r.Template().Cell(g.Cell)
						td := doc.Find(`#table-` + tb.Key + ` td[headers="` + strings.Join(g.Headers, " ") + `"]`)
						if td.Length() != 1 {
							t.Fatalf("%s: %d td with headers %v", def.Path, td.Length(), g.Headers)
						}
						if got, want := td.Text(), rpt.FormatValue(def.Kind, r.Values[g.Cell]); got != want {
							t.Errorf("%s: %q, want %q", def.Path, got, want)
						}
						if !td.HasClass("num") {
							t.Errorf("%s: not marked as a number", def.Path)
						}
					}
				}
			}
			fee := doc.Find(`td[data-cell="active.fees.amount_wan"]`).Text()
			if i := strings.IndexByte(fee, '.'); i < 0 || len(fee)-i-1 != 4 {
				t.Errorf("fee %q is not printed with four decimals", fee)
			}
		})
	}
}

// TestTableHeadersExist: every id a td names in headers="…" is a th of the
// same table, and no id is used twice in the document.
func TestTableHeadersExist(t *testing.T) {
	doc := render(t, loadSeed(t, "002"))
	seen := map[string]int{}
	doc.Find("[id]").Each(func(_ int, s *goquery.Selection) {
		id, _ := s.Attr("id")
		seen[id]++
	})
	for id, n := range seen {
		if n > 1 {
			t.Errorf("id %q used %d times", id, n)
		}
	}
	doc.Find("table").Each(func(_ int, table *goquery.Selection) {
		table.Find("td").Each(func(_ int, td *goquery.Selection) {
			hs, _ := td.Attr("headers")
			if hs == "" {
				t.Errorf("td without headers in %s", table.AttrOr("id", "?"))
			}
			for _, h := range strings.Fields(hs) {
				if table.Find(`th[id="`+h+`"]`).Length() != 1 {
					t.Errorf("td headers names %q, not a th of %s", h, table.AttrOr("id", "?"))
				}
			}
		})
	})
}

// TestDocumentText: the title, the six headings in order and every
// narrative paragraph are in the document; blank cells stay empty.
func TestDocumentText(t *testing.T) {
	r := loadSeed(t, "004")
	doc := render(t, r)
	if got := doc.Find("h1").Text(); got != r.DisplayTitle() {
		t.Errorf("title %q", got)
	}
	var heads []string
	doc.Find("section > h2").Each(func(_ int, s *goquery.Selection) { heads = append(heads, s.Text()) })
	for i, s := range r.Template().Sections {
		if i >= len(heads) || heads[i] != s.Heading {
			t.Fatalf("headings %v, want the six official ones", heads)
		}
	}
	text := doc.Find("article").Text()
	for _, n := range []string{r.Narrative.Overview, r.Narrative.Problems, r.Narrative.Other} {
		for p := range strings.SplitSeq(n, "\n") {
			if p = strings.TrimSpace(p); !strings.Contains(text, p) {
				t.Errorf("paragraph %.30q… missing", p)
			}
		}
	}
	empty := render(t, rpt.New(rpt.T2021))
	blank := empty.Find("td.blank")
	if blank.Length() != len(rpt.T2021.Cells) || strings.TrimSpace(blank.Text()) != "" {
		t.Errorf("%d blank cells with text %q, want %d empty", blank.Length(), blank.Text(), len(rpt.T2021.Cells))
	}
}

// TestPublicationAndCorrection: a corrected revision shows its line and
// its 更正说明; a draft shows neither.
func TestPublicationAndCorrection(t *testing.T) {
	r := loadSeed(t, "004")
	if render(t, r).Find(".report-publication, .report-correction").Length() != 0 {
		t.Error("a draft shows publication details")
	}
	r.Publication = &rpt.Publication{Revision: 2, Date: "2024-03-05", Correction: "表三数字有误，已更正。"}
	doc := render(t, r)
	if got := doc.Find(".report-publication").Text(); got != "第2版　2024年3月5日发布" {
		t.Errorf("publication line %q", got)
	}
	if got := doc.Find(".report-correction").Text(); !strings.Contains(got, rpt.CorrectionHeading) || !strings.Contains(got, "表三数字有误，已更正。") {
		t.Errorf("correction %q", got)
	}
}

// TestNoInlineStyle: the component carries no style attribute, style
// element or script, which the Content-Security-Policy would block.
func TestNoInlineStyle(t *testing.T) {
	doc := render(t, loadSeed(t, "003"))
	if n := doc.Find("[style], style, script").Length(); n != 0 {
		t.Errorf("%d inline styles or scripts", n)
	}
}
