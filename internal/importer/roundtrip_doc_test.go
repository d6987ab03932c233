package importer_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"nianbao/internal/docx"
	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// wordDoc is LibreOffice's filter for Word 97–2003 .doc, the format
// Word's 另存为“Word 97-2003 文档” writes.
const wordDoc = "doc:MS Word 97"

// TestRoundTripDoc: each seed as nianbao's Word file, saved by an office
// suite as an old Word 97–2003 .doc, reads back line for line as the
// .docx reads (every paragraph, every table row and cell, merged cells
// as in the .docx), and imports to every one of the template's cells
// (175 in the 2021 format), the org, the year and the narrative equal,
// with nothing marked unread or to check.
func TestRoundTripDoc(t *testing.T) {
	docxs := map[string][]byte{}
	for _, name := range roundTripSeeds {
		var buf bytes.Buffer
		if err := docx.Write(&buf, testenv.Seed(t, name)); err != nil {
			t.Fatal(err)
		}
		docxs[name+".docx"] = buf.Bytes()
	}
	docs := testenv.LibreOfficeConvert(t, docxs, wordDoc)
	for _, name := range roundTripSeeds {
		t.Run(name, func(t *testing.T) {
			want := testenv.Seed(t, name)
			fromDocx, docxRes := readDoc(t, docxs[name+".docx"])
			d, res := readDoc(t, docs[name+".docx"])
			if d.Kind != extract.DOC {
				t.Fatalf("kind %s", d.Kind)
			}
			sameLines(t, fromDocx, d)
			sameLines(t, d, extract.ReadString(d.HTML()))
			sameReport(t, want, res)
			noDoubts(t, name, res)
			if n := requestCells(want); want.Format == report.Format2021 && n != 175 {
				t.Errorf("%d cells of section 三's table compared, want 175", n)
			}
			if res.Report.Narrative != docxRes.Report.Narrative || res.Report.Title != docxRes.Report.Title {
				t.Errorf("narrative or title differ from the .docx reading:\n%+v\n%+v", res.Report.Narrative, docxRes.Report.Narrative)
			}
		})
	}
}

// requestCells counts the cells of section 三's table (申请情况), the
// template's largest: 25 rows of 7 in the 2021 format.
func requestCells(r *report.Report) int {
	n := 0
	for _, c := range r.Template().Cells {
		if strings.HasPrefix(c.Path, "requests.") {
			n++
		}
	}
	return n
}

// TestRoundTripDocFromText: the seeds' published texts, opened as text
// by an office suite and saved as .doc, import as the texts themselves
// do: the same cells, org, year, title and narrative. (A 2019 report's
// legacy section 二 is kept as read; a Word paragraph's spaces between
// Chinese characters fold away, as in a .docx, so it is not compared.)
func TestRoundTripDocFromText(t *testing.T) {
	texts := map[string][]byte{}
	for _, name := range roundTripSeeds {
		texts[name+".txt"] = []byte(readSeed(t, name))
	}
	docs := testenv.LibreOfficeConvert(t, texts, wordDoc, "--infilter=Text (encoded):UTF8,LF,,")
	for _, name := range roundTripSeeds {
		t.Run(name, func(t *testing.T) {
			want, err := importer.ImportDocument(extract.ReadString(readSeed(t, name)))
			if err != nil {
				t.Fatal(err)
			}
			d, got := readDoc(t, docs[name+".txt"])
			if d.Kind != extract.DOC {
				t.Fatalf("kind %s", d.Kind)
			}
			for _, diff := range valueDiffs(want.Report, got.Report) {
				t.Error(diff)
			}
			w, g := *want.Report, *got.Report
			w.Legacy2019, g.Legacy2019 = nil, nil
			wj, _ := json.Marshal(&w)
			gj, _ := json.Marshal(&g)
			if !bytes.Equal(wj, gj) {
				t.Errorf("report differs from the text's:\n%s\n%s", gj, wj)
			}
		})
	}
}
