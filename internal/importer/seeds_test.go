package importer_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// seedNames are the five published reports in testdata/seeds.
var seedNames = []string{"000", "001", "002", "003", "004"}

func readSeed(tb testing.TB, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// expected returns the hand-made JSON of a seed: internal/report's fixtures
// for the 2021 seeds, testdata/001.json for the 2019 one.
func expected(tb testing.TB, name string) *report.Report {
	tb.Helper()
	path := filepath.Join("..", "report", "testdata", "seeds", name+".json")
	if name == "001" {
		path = filepath.Join("testdata", "001.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return r
}

func mustImport(tb testing.TB, text string) *importer.Result {
	tb.Helper()
	res, err := importer.Import(text)
	if err != nil {
		tb.Fatal(err)
	}
	return res
}

// valueDiffs lists the cells whose values differ, by JSON path.
func valueDiffs(want, got *report.Report) []string {
	if want.Format != got.Format {
		return []string{fmt.Sprintf("format: want %s, got %s", want.Format, got.Format)}
	}
	var out []string
	for id, def := range want.Template().Cells {
		if w, g := want.Values[id], got.Values[id]; w != g {
			out = append(out, fmt.Sprintf("%s: want %s (%d), got %s (%d)", def.Path,
				report.FormatValue(def.Kind, w), w.State, report.FormatValue(def.Kind, g), g.State))
		}
	}
	return out
}

// textDiffs compares the front matter and the narrative.
func textDiffs(want, got *report.Report) []string {
	var out []string
	cmp := func(field, w, g string) {
		if w != g {
			out = append(out, fmt.Sprintf("%s:\nwant %q\n got %q", field, clip(w), clip(g)))
		}
	}
	cmp("org", want.Org, got.Org)
	cmp("title", want.Title, got.Title)
	cmp("preface", want.Preface, got.Preface)
	cmp("overview", want.Narrative.Overview, got.Narrative.Overview)
	cmp("problems", want.Narrative.Problems, got.Narrative.Problems)
	cmp("other", want.Narrative.Other, got.Narrative.Other)
	if want.Year != got.Year {
		out = append(out, fmt.Sprintf("year: want %d, got %d", want.Year, got.Year))
	}
	return out
}

func clip(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:60]) + "…" + string(r[len(r)-60:])
	}
	return s
}

// TestSeeds: every seed imports to its hand-made JSON, cell by cell, with
// the same title, org, year, preface and narrative, and the import passes
// report.Check as a final report with no error.
func TestSeeds(t *testing.T) {
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			want, res := expected(t, name), mustImport(t, readSeed(t, name))
			for _, d := range append(valueDiffs(want, res.Report), textDiffs(want, res.Report)...) {
				t.Error(d)
			}
			if !jsonEqual(want.Legacy2019, res.Report.Legacy2019) {
				t.Errorf("legacy2019:\nwant %s\n got %s", want.Legacy2019, res.Report.Legacy2019)
			}
			for _, f := range report.Check(res.Report, report.Options{Final: true}) {
				if f.Severity == report.Error {
					t.Errorf("check error %s: %s", f.Rule, f.Message)
				}
			}
			for _, n := range res.Notes {
				if n.Kind == importer.Unreadable || n.Kind == importer.Unsure && name != "002" {
					t.Errorf("unexpected note %s %s", n.Kind, n)
				}
			}
		})
	}
}

// TestSeedsJSON: the 2021 seeds' JSON output is byte for byte the fixture.
func TestSeedsJSON(t *testing.T) {
	for _, name := range []string{"000", "002", "003", "004"} {
		t.Run(name, func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join("..", "report", "testdata", "seeds", name+".json"))
			if err != nil {
				t.Fatal(err)
			}
			got, err := mustImport(t, readSeed(t, name)).Report.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("JSON differs from the fixture")
			}
		})
	}
}

func jsonEqual(a, b []byte) bool {
	if len(a) == 0 || len(b) == 0 {
		return len(a) == len(b)
	}
	var va, vb any
	if json.Unmarshal(a, &va) != nil || json.Unmarshal(b, &vb) != nil {
		return false
	}
	ja, _ := json.Marshal(va)
	jb, _ := json.Marshal(vb)
	return bytes.Equal(ja, jb)
}

// TestFormatAndHeadings: the format, the label that decided it, and the
// heading lines, which skip the false headings of seeds 000 (四、结转下年度
// at line 253), 002 (二、考核考绩… at line 66) and 003 (一、工作情况 at 9).
func TestFormatAndHeadings(t *testing.T) {
	tests := []struct {
		seed     string
		format   string
		evidence importer.Evidence
		headings [6]int
	}{
		{"000", report.Format2021, importer.Evidence{Line: 15, Label: "本年制发件数"}, [6]int{5, 12, 43, 261, 307, 310}},
		{"001", report.Format2019, importer.Evidence{Line: 35, Label: "本年新制作数量"}, [6]int{2, 31, 102, 326, 364, 373}},
		{"002", report.Format2021, importer.Evidence{Line: 16, Label: "本年制发件数"}, [6]int{2, 14, 29, 58, 63, 70}},
		{"003", report.Format2021, importer.Evidence{Line: 40, Label: "本年制发件数"}, [6]int{5, 37, 54, 86, 93, 107}},
		{"004", report.Format2021, importer.Evidence{Line: 20, Label: "本年制发件数"}, [6]int{5, 17, 34, 67, 74, 86}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			res := mustImport(t, readSeed(t, tt.seed))
			if res.Format != tt.format || res.Evidence != tt.evidence {
				t.Errorf("format %s %+v, want %s %+v", res.Format, res.Evidence, tt.format, tt.evidence)
			}
			if res.Headings != tt.headings {
				t.Errorf("headings at %v, want %v", res.Headings, tt.headings)
			}
		})
	}
}

// TestSources: cells say the line and the text they came from.
func TestSources(t *testing.T) {
	tests := []struct {
		seed, path string
		want       importer.Source
	}{
		{"000", "requests.new_received.natural_person", importer.Source{Line: 57, Text: "2835"}},
		{"000", "active.fees.amount_wan", importer.Source{Line: 42, Text: "120321.1863"}},
		{"000", "reviews.litigation_after_review.total", importer.Source{Line: 306, Text: "6"}},
		{"001", "requests.other_unsplit.total", importer.Source{Line: 307, Text: "0"}},
		{"002", "requests.granted.total", importer.Source{Line: 35, Text: "43"}},
		{"003", "requests.handled_total.legal_services", importer.Source{Line: 83, Text: "7"}},
		{"004", "requests.granted.natural_person", importer.Source{Line: 43, Text: "14"}},
		{"004", "requests.granted.commercial", importer.Source{Line: 43, Text: "0", Unsure: true}},
		{"004", "requests.granted.other", importer.Source{Line: 43, Unsure: true, Filled: true}},
		{"004", "requests.granted.total", importer.Source{Line: 43, Text: "14"}},
		{"004", "requests.new_received.other", importer.Source{Line: 41, Text: "0"}},
	}
	for _, tt := range tests {
		t.Run(tt.seed+" "+tt.path, func(t *testing.T) {
			res := mustImport(t, readSeed(t, tt.seed))
			id := res.Report.Template().Lookup(tt.path)
			if id == report.NoCell {
				t.Fatalf("no cell %s", tt.path)
			}
			if got := res.Cells[id]; got != tt.want {
				t.Errorf("source %+v, want %+v", got, tt.want)
			}
		})
	}
}

// TestRealignNotes004: the notes name each of the 21 result rows of seed
// 004 that had a 法人 cell missing, on its line, and nothing else in 三 was
// repaired.
func TestRealignNotes004(t *testing.T) {
	res := mustImport(t, readSeed(t, "004"))
	repaired := map[int]string{}
	for _, n := range res.Notes {
		if n.Kind == importer.Repaired {
			repaired[n.Line] = n.Msg
		}
	}
	if !strings.Contains(repaired[34], "21行") {
		t.Errorf("no summary note at the heading of 三 (line 34): %q", repaired[34])
	}
	line := 43
	for _, row := range report.T2021.Table("requests").Rows {
		if !row.Leaf {
			continue
		}
		msg, ok := repaired[line]
		if !ok || !strings.Contains(msg, row.Label) || !strings.Contains(msg, "已补0") {
			t.Errorf("line %d (%s): note %q", line, row.Key, msg)
		}
		line++
	}
	if len(repaired) != 22 {
		t.Errorf("%d repaired notes, want 22 (21 rows and the summary)", len(repaired))
	}
}

// TestNotes001: the 2019 seed says its section 二 is not comparable, drops
// the attachment links and keeps the signature apart.
func TestNotes001(t *testing.T) {
	res := mustImport(t, readSeed(t, "001"))
	want := []importer.Note{
		{Line: 31, Kind: importer.Info},
		{Line: 375, Kind: importer.Info},
		{Line: 377, Kind: importer.Info},
	}
	if len(res.Notes) != len(want) {
		t.Fatalf("notes %v, want 3", res.Notes)
	}
	for i, w := range want {
		if n := res.Notes[i]; n.Line != w.Line || n.Kind != w.Kind {
			t.Errorf("note %d: %s %s, want line %d %s", i, n.Kind, n, w.Line, w.Kind)
		}
	}
	if !strings.Contains(res.Notes[0].Msg, "不可比") {
		t.Errorf("legacy note: %s", res.Notes[0].Msg)
	}
	if res.Signature != "安丘经济开发区管委会 2021年1月25日" {
		t.Errorf("signature %q", res.Signature)
	}
}
