package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"html"
	"testing"

	"nianbao/internal/docx"
	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/pdf"
	"nianbao/internal/testenv"
	"nianbao/views/document"
)

// BenchmarkImportShapes reads seed 003 (the largest 2021 report) from each
// kind of file, extraction included: its text, nianbao's web page (as
// it is, in a portal's JSON data file, and escaped in a textarea), Word
// file and PDF (two pdftotext runs), and its text crawled onto one line.
func BenchmarkImportShapes(b *testing.B) {
	r := testenv.Seed(b, "003")
	var page, word, doc bytes.Buffer
	if err := document.WriteStandalone(context.Background(), &page, r); err != nil {
		b.Fatal(err)
	}
	if err := docx.Write(&word, r); err != nil {
		b.Fatal(err)
	}
	api, err := json.Marshal(map[string]string{"content": page.String()}) // < written \u003c
	if err != nil {
		b.Fatal(err)
	}
	shapes := []struct {
		name string
		data []byte
	}{
		{"text", []byte(readSeed(b, "003"))},
		{"html", page.Bytes()},
		{"json", api},
		{"escaped", []byte("<html><body><textarea hidden>" + html.EscapeString(page.String()) + "</textarea></body></html>")},
		{"docx", word.Bytes()},
		{"crawled", []byte(crawled(readSeed(b, "003"), nil))},
	}
	if testenv.Poppler(b, "pdftotext") != "" {
		if err := pdf.Render(r, &doc); err != nil {
			b.Fatal(err)
		}
		shapes = append(shapes, struct {
			name string
			data []byte
		}{"pdf", doc.Bytes()})
	}
	for _, s := range shapes {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(s.data)))
			b.ReportAllocs()
			for b.Loop() {
				d, err := extract.Read(s.data)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := importer.ImportDocument(d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
