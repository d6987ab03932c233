package document_test

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	rpt "nianbao/internal/report"
	"nianbao/static"
	"nianbao/views/document"
	"nianbao/views/layout"
)

// TestColumnWidthsStyled: every column class the tables use has its rule
// in report.css, so the widths of report.Layout reach the page.
func TestColumnWidthsStyled(t *testing.T) {
	css, err := static.File("css/report.css")
	if err != nil {
		t.Fatal(err)
	}
	doc := render(t, loadSeed(t, "003"))
	for _, tb := range rpt.T2021.Tables {
		cols := doc.Find("#table-" + tb.Key + " colgroup col")
		if cols.Length() != tb.Layout.Cols {
			t.Errorf("%s: %d col elements for %d columns", tb.Key, cols.Length(), tb.Layout.Cols)
		}
		cols.Each(func(i int, c *goquery.Selection) {
			class := c.AttrOr("class", "")
			want := fmt.Sprintf(".%s { width: %s%%; }", class, strconv.FormatFloat(math.Round(tb.Layout.Widths[i]*10000)/100, 'f', -1, 64))
			if !strings.Contains(string(css), want) {
				t.Errorf("%s column %d: report.css lacks %q", tb.Key, i, want)
			}
		})
	}
}

// TestDocumentInLayout: the component sits inside the app's page frame,
// as the public report page will use it, with report.css linked (a link
// is allowed in the body; Base takes no head content yet).
func TestDocumentInLayout(t *testing.T) {
	page := layout.Base(layout.Page{Title: "报告"})
	var buf bytes.Buffer
	ctx := templ.WithChildren(context.Background(), templ.Join(document.Stylesheet(), document.Document(document.NewView(loadSeed(t, "002")))))
	if err := page.Render(ctx, &buf); err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Find("body article.report-doc table.report-table").Length() != 3 {
		t.Error("the report's three tables are not in the page")
	}
	if href := doc.Find(`link[rel="stylesheet"][href*="css/report.css"]`).AttrOr("href", ""); href != static.URL("css/report.css") {
		t.Errorf("report.css linked as %q", href)
	}
}
