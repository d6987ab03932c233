package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"nianbao/internal/report"
)

// Seeds names the published reports kept as JSON for tests: the four of
// the 2021 format (internal/report/testdata/seeds) and 001, the 2020
// report in the 2019 format (internal/importer/testdata).
var Seeds = []string{"000", "001", "002", "003", "004"}

// Seed reads one of Seeds.
func Seed(tb testing.TB, name string) *report.Report {
	tb.Helper()
	path := filepath.Join(RepoRoot(tb), "internal", "report", "testdata", "seeds", name+".json")
	if name == "001" {
		path = filepath.Join(RepoRoot(tb), "internal", "importer", "testdata", "001.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		tb.Fatalf("seed %s: %v", name, err)
	}
	return r
}
