package importer_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"nianbao/internal/docx"
	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/testenv"
	"nianbao/views/document"
)

// documentCorpus is every seed as nianbao's web page and Word file, the
// real Shanghai script, and crawled seeds.
func documentCorpus(tb testing.TB) [][]byte {
	var out [][]byte
	for _, name := range roundTripSeeds {
		r := testenv.Seed(tb, name)
		var page, word bytes.Buffer
		if err := document.WriteStandalone(context.Background(), &page, r); err != nil {
			tb.Fatal(err)
		}
		if err := docx.Write(&word, r); err != nil {
			tb.Fatal(err)
		}
		out = append(out, page.Bytes(), word.Bytes(), []byte(crawled(readSeed(tb, name), rand.New(rand.NewPCG(7, 7)))))
	}
	js, err := os.ReadFile(filepath.Join("testdata", "real", "shanghai-2019.js"))
	if err != nil {
		tb.Fatal(err)
	}
	return append(out, js)
}

// FuzzImportDocument: no file — web page, Word file, script, text — makes
// extract or the importer panic, and what the import says it read is on
// the lines it names. PDFs are left out: they are read by pdftotext, a
// program of its own.
func FuzzImportDocument(f *testing.F) {
	for _, data := range documentCorpus(f) {
		f.Add(data)
	}
	f.Add([]byte(`<table><tr><td rowspan="99999" colspan="99999">一、总体情况</td></tr></table>`))
	f.Add([]byte(`let c = "<p>一、总体情况</p><table><tr><td>\u4e09、收到和处理政府信息公开申请情况\"</td></tr>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			return
		}
		d, err := extract.Read(data)
		if err != nil {
			return // refused in words: extract's own tests check the words
		}
		res, err := importer.ImportDocument(d)
		if err != nil {
			if !errors.Is(err, importer.ErrNotReport) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkSources(t, res.Text, res)
		if out, err := res.Report.MarshalJSON(); err != nil || !json.Valid(out) {
			t.Fatalf("report JSON: %v", err)
		}
	})
}

// TestLargeInputs: a 1 MB input of each shape reads in well under a
// second — a page with a huge table, a Word file of many paragraphs, one
// line of glued digits, a text of many headings.
func TestLargeInputs(t *testing.T) {
	row := "<tr><td>（三）不予公开</td><td>1.属于国家秘密</td>" + strings.Repeat("<td>1</td>", 7) + "</tr>"
	page := "<p>一、总体情况</p><p>三、收到和处理政府信息公开申请情况</p><table>" + strings.Repeat(row, 1<<20/len(row)) + "</table>"
	var word bytes.Buffer
	r := testenv.Seed(t, "002")
	r.Narrative.Overview = strings.Repeat("政府信息公开工作。\n", 1<<20/len("政府信息公开工作。\n"))
	if err := docx.Write(&word, r); err != nil {
		t.Fatal(err)
	}
	glued := "一、总体情况三、收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量" + strings.Repeat("1234567890", 1<<20/10)
	headings := strings.Repeat("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n规章 1 2 3\n", 1<<20/100)
	for name, data := range map[string][]byte{"page": []byte(page), "word": word.Bytes(), "glued": []byte(glued), "headings": []byte(headings)} {
		best := time.Hour // the best of three: the machine is shared with other tests
		for range 3 {
			start := time.Now()
			d, err := extract.Read(data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if _, err := importer.ImportDocument(d); err != nil && !errors.Is(err, importer.ErrNotReport) {
				t.Fatalf("%s: %v", name, err)
			}
			best = min(best, time.Since(start))
		}
		if best > time.Second {
			t.Errorf("%s (%d KB): %v", name, len(data)>>10, best)
		} else {
			t.Logf("%s (%d KB): %v", name, len(data)>>10, best)
		}
	}
}

// mutate damages data as a fuzzer would: bytes changed, cut out, copied
// elsewhere.
func mutate(data []byte, rng *rand.Rand) []byte {
	data = append([]byte(nil), data...)
	for range 1 + rng.IntN(6) {
		if len(data) == 0 {
			return []byte("<")
		}
		i := rng.IntN(len(data))
		switch rng.IntN(3) {
		case 0:
			data[i] = byte(rng.IntN(256))
		case 1:
			data = append(data[:i], data[min(len(data), i+rng.IntN(64)):]...)
		default:
			j := rng.IntN(len(data))
			piece := append([]byte(nil), data[j:min(len(data), j+rng.IntN(256))]...)
			data = append(data[:i], append(piece, data[i:]...)...)
		}
	}
	return data
}

// TestMutatedDocuments: 2,000 damaged pages, Word files, scripts and
// crawled texts (deterministic, so that every go test runs them, which a
// fuzzer on this machine does too slowly): no panic, no read slower than
// half a second, every cell read from the line it names.
func TestMutatedDocuments(t *testing.T) {
	corpus := documentCorpus(t)
	rng := rand.New(rand.NewPCG(2026, 12))
	for i := range 2000 {
		data := mutate(corpus[rng.IntN(len(corpus))], rng)
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			continue
		}
		start := time.Now()
		d, err := extract.Read(data)
		if err != nil {
			continue
		}
		res, err := importer.ImportDocument(d)
		if el := time.Since(start); el > time.Second/2 {
			t.Errorf("input %d (%d bytes) took %v", i, len(data), el)
		}
		if err == nil {
			checkSources(t, res.Text, res)
		} else if !errors.Is(err, importer.ErrNotReport) {
			t.Fatalf("input %d: %v", i, err)
		}
	}
}
