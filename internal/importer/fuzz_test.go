package importer_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/importer"
)

// FuzzImport: no text makes the importer panic, and what it says it read is
// what it outputs (checkSources). The seeds and their damaged variants are
// the seed corpus, run by every plain `go test`.
func FuzzImport(f *testing.F) {
	for _, name := range seedNames {
		data, err := os.ReadFile(filepath.Join("testdata", "seeds", name+".txt"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
		for _, d := range damages {
			f.Add(apply(string(data), d.fn))
		}
	}
	f.Add("一、总体情况\n三、收到和处理政府信息公开申请情况\n（七）总计 | 1 | 2\n四、政府信息公开行政复议、行政诉讼情况\n1 2 3")
	f.Fuzz(func(t *testing.T, text string) {
		res, err := importer.Import(text)
		if err != nil {
			if !errors.Is(err, importer.ErrNotReport) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		checkSources(t, res.Text, res)
		out, err := res.Report.MarshalJSON()
		if err != nil || !json.Valid(out) {
			t.Fatalf("report JSON: %v\n%s", err, out)
		}
		if _, err := res.LogJSON(); err != nil {
			t.Fatalf("log JSON: %v", err)
		}
	})
}

// BenchmarkImport imports each whole seed.
func BenchmarkImport(b *testing.B) {
	for _, name := range seedNames {
		text := readSeed(b, name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := importer.Import(text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestLogJSON: the reading log as JSON names the format, the notes and
// the cells by path.
func TestLogJSON(t *testing.T) {
	res := mustImport(t, readSeed(t, "004"))
	data, err := res.LogJSON()
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Format   string
		Evidence struct {
			Line  int
			Label string
		}
		Notes []struct {
			Line    int
			Kind    string
			Message string
		}
		Cells map[string]struct {
			Line   int
			Text   string
			Unsure bool
			Filled bool
		}
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	if log.Format != "2021" || log.Evidence.Line != 20 || len(log.Notes) != len(res.Notes) {
		t.Errorf("log %+v", log)
	}
	c := log.Cells["requests.granted.other"]
	if c.Line != 43 || !c.Filled || !c.Unsure {
		t.Errorf("requests.granted.other: %+v", c)
	}
	if !strings.Contains(log.Notes[2].Message, "予以公开") || log.Notes[2].Kind != "repaired" {
		t.Errorf("third note %+v", log.Notes[2])
	}
}
