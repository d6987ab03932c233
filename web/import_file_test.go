package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/docx"
	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/views/document"
	"nianbao/web/paths"
)

// seedFile renders seed 002 as a file of the kind given, as nianbao
// publishes it.
func seedFile(t *testing.T, kind string) []byte {
	t.Helper()
	r := seedJSON(t, "002")
	var buf bytes.Buffer
	var err error
	switch kind {
	case "html":
		err = document.WriteStandalone(context.Background(), &buf, r)
	case "pdf":
		testenv.Poppler(t, "pdftotext")
		err = pdf.Render(r, &buf)
	case "docx":
		err = docx.Write(&buf, r)
	case "doc": // the .docx saved as Word 97–2003 by an office suite
		if err = docx.Write(&buf, r); err == nil {
			return testenv.LibreOfficeConvert(t, map[string][]byte{"002.docx": buf.Bytes()}, "doc:MS Word 97")["002.docx"]
		}
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestImportUploadFiles: a saved web page, a PDF and a Word file (.docx,
// and .doc as Word 97–2003 saves it) are read
// by upload for the clerk's import and for the check, whatever their
// names; the preview shows what was read from them (the table rows as
// found, for a page or a Word file) and its confirm form carries a text
// that reads back to the same values, which the save stores.
func TestImportUploadFiles(t *testing.T) {
	_, c, body := importApp(t)
	want := seedJSON(t, "002")
	for _, kind := range []string{"html", "pdf", "docx", "doc"} {
		t.Run(kind, func(t *testing.T) {
			file := webtest.File{Name: "瑞安2024年报." + map[string]string{"html": "htm", "pdf": "pdf", "docx": "bin", "doc": "doc"}[kind], Data: seedFile(t, kind)}
			for _, route := range []string{paths.CheckText, paths.BodyReferencePreviewURL(body)} {
				res := c.PostMultipart(t, route, url.Values{"year": {"2024"}}, map[string]webtest.File{"file": file})
				if res.Status != http.StatusOK {
					t.Fatalf("%s: status %d: %.300s", route, res.Status, res.Body)
				}
				d := res.Doc(t)
				for _, path := range []string{"requests.granted.total", "requests.handled_total.natural_person", "reviews.review.total", "active.normative_docs.in_force"} {
					id := want.Template().Lookup(path)
					if got := cellText(d, path); got != report.FormatValue(want.Template().Cell(id).Kind, want.Values[id]) {
						t.Errorf("%s %s: %q", route, path, got)
					}
				}
				source := d.Find("ol.source").Text()
				if kind != "pdf" && !strings.Contains(source, "（一）予以公开 | 39 | 2 | 0 | 0 | 0 | 2 | 43") {
					t.Errorf("%s: the table row is not shown as found", route)
				}
				if kind == "pdf" && !strings.Contains(source, "（一）予以公开") {
					t.Errorf("%s: the PDF's text is not shown", route)
				}
				if got := d.Find("[data-testid=source-kind]").Text(); !strings.Contains(got, map[string]string{"html": "网页", "pdf": "PDF", "docx": "Word", "doc": "Word文档（.doc/.wps）"}[kind]) {
					t.Errorf("%s: source %q", route, got)
				}
			}
			res := c.PostMultipart(t, paths.BodyReferencePreviewURL(body), url.Values{"year": {"2024"}}, map[string]webtest.File{"file": file})
			d := res.Doc(t)
			carried := d.Find(`form.confirm-form input[name=text]`).AttrOr("value", "")
			again := c.PostMultipart(t, paths.BodyReferencePreviewURL(body), url.Values{"year": {"2024"}, "text": {carried}}, nil)
			if again.Status != http.StatusOK {
				t.Fatalf("carried text: status %d", again.Status)
			}
			for id, def := range want.Template().Cells {
				if got := cellText(again.Doc(t), def.Path); got != report.FormatValue(def.Kind, want.Values[id]) {
					t.Errorf("carried text: %s %q", def.Path, got)
				}
			}
		})
	}
}

// TestImportUploadRefused: a scan and a page of the real Shanghai site's
// script: the scan is refused at the file field, the script read.
func TestImportUploadRefused(t *testing.T) {
	_, c, body := importApp(t)
	testenv.Poppler(t, "pdftotext")
	scan := []byte("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
		"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>endobj 4 0 obj<</Length 20>>stream\n0 0 m 100 100 l S\nendstream endobj\n" +
		"trailer<</Root 1 0 R>>\n%%EOF\n")
	res := c.PostMultipart(t, paths.CheckText, nil, map[string]webtest.File{"file": {Name: "扫描.pdf", Data: scan}})
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Doc(t).Find("#file-error").Text(), "这是扫描件，没有可读取的文字") {
		t.Errorf("scan: status %d, message %q", res.Status, res.Doc(t).Find("#file-error").Text())
	}
	js, err := os.ReadFile(filepath.Join("..", "internal", "importer", "testdata", "real", "shanghai-2019.js"))
	if err != nil {
		t.Fatal(err)
	}
	res = c.PostMultipart(t, paths.BodyReferencePreviewURL(body), url.Values{"year": {"2019"}}, map[string]webtest.File{"file": {Name: "content.js", Data: js}})
	if res.Status != http.StatusOK {
		t.Fatalf("script: status %d", res.Status)
	}
	if got := cellText(res.Doc(t), "requests.handled_total.total"); got != "805" {
		t.Errorf("script: （七）总计 %q, want 805", got)
	}
}

// TestReferencePDFConfirmedAsPreviewed: last year's report uploaded as a
// PDF is saved, once confirmed, with the narrative the preview read from
// the PDF itself — its wrapped lines joined back into paragraphs — not a
// paragraph for every line of the text the confirm form carried.
func TestReferencePDFConfirmedAsPreviewed(t *testing.T) {
	app, c, body := importApp(t)
	want := seedJSON(t, "002")
	data := seedFile(t, "pdf")
	doc, err := extract.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	read, err := importer.ImportDocument(doc)
	if err != nil {
		t.Fatal(err)
	}
	d := c.PostMultipart(t, paths.BodyReferencePreviewURL(body), url.Values{"year": {"2024"}}, map[string]webtest.File{"file": {Name: "瑞安2024年报.pdf", Data: data}}).Doc(t)
	if got := d.Find(`form.confirm-form input[name=reading]`).AttrOr("value", ""); got != "pdf" && got != "pdf-layout" {
		t.Fatalf("the confirm form does not say its text is a PDF's: reading=%q", got)
	}
	if res := confirm(t, c, d); res.Status != http.StatusSeeOther {
		t.Fatalf("confirm: %d: %.300s", res.Status, res.Body)
	}
	ref, err := app.Store.Reference(t.Context(), body, 2024)
	if err != nil {
		t.Fatal(err)
	}
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for _, n := range []struct{ name, saved, fromPDF, written string }{
		{"一", ref.Report.Narrative.Overview, read.Report.Narrative.Overview, want.Narrative.Overview},
		{"五", ref.Report.Narrative.Problems, read.Report.Narrative.Problems, want.Narrative.Problems},
		{"六", ref.Report.Narrative.Other, read.Report.Narrative.Other, want.Narrative.Other},
	} {
		if n.saved != n.fromPDF {
			t.Errorf("第%s部分 saved as\n%s\nthe PDF reads\n%s", n.name, n.saved, n.fromPDF)
		}
		if squeeze(n.saved) != squeeze(n.written) {
			t.Errorf("第%s部分 saved as\n%s\nthe report has\n%s", n.name, n.saved, n.written)
		}
	}
}
