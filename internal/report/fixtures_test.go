package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"nianbao/internal/report"
)

// seeds are the four 2021-format published reports (internal/importer/testdata/seeds), as JSON
// with every number taken from the printed text.
var seeds = []string{"000", "002", "003", "004"}

func loadSeed(tb testing.TB, name string) (*report.Report, []byte) {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		tb.Fatalf("seed %s: %v", name, err)
	}
	return r, data
}

func TestSeedsCheckClean(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r, _ := loadSeed(t, name)
			for _, f := range report.Check(r, report.Options{Final: true}) {
				if f.Severity == report.Error {
					t.Errorf("unexpected error finding %s: %s", f.Rule, f.Message)
				}
			}
		})
	}
}

func TestSeedsRoundTrip(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r, data := loadSeed(t, name)
			out, err := r.MarshalJSON()
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, data) {
				t.Errorf("round trip changed the JSON:\n%s", firstDiff(data, out))
			}
		})
	}
}

// TestFillTotalsMatchesPrinted: computing the totals of a seed from its
// input cells gives back the printed totals.
func TestFillTotalsMatchesPrinted(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			r, _ := loadSeed(t, name)
			computed := r.Clone()
			for id, def := range r.Template().Cells {
				if def.Computed {
					computed.Values[id] = report.Value{}
				}
			}
			report.FillTotals(computed)
			for id, def := range r.Template().Cells {
				if computed.Values[id] != r.Values[id] {
					t.Errorf("%s: computed %v, printed %v", def.Path, computed.Values[id], r.Values[id])
				}
			}
		})
	}
}

func firstDiff(a, b []byte) string {
	la, lb := bytes.Split(a, []byte("\n")), bytes.Split(b, []byte("\n"))
	for i := range min(len(la), len(lb)) {
		if !bytes.Equal(la[i], lb[i]) {
			return "line " + strconv.Itoa(i+1) + ":\n- " + string(la[i]) + "\n+ " + string(lb[i])
		}
	}
	return "lengths differ"
}

func BenchmarkDecode(b *testing.B) {
	_, data := loadSeed(b, "000")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.Decode(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	r, _ := loadSeed(b, "000")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := r.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}
