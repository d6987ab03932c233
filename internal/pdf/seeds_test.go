package pdf_test

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/internal/report"
)

// seeds are the four published 2021-format reports kept as JSON by
// internal/report (000 is in traditional characters).
var seeds = []string{"000", "002", "003", "004"}

func loadSeed(tb testing.TB, name string) *report.Report {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "report", "testdata", "seeds", name+".json"))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		tb.Fatalf("seed %s: %v", name, err)
	}
	return r
}
