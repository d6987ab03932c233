package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGoldenFindings: `nianbao check` of every seed and every real report
// in testdata — their JSON and their published texts — prints exactly
// the findings of its golden file in testdata/golden. The golden files
// are written by hand: each finding was checked against the report, and
// the "#" lines say why it is right (a real report that contradicts
// itself is named with the sentence) or why a report has none.
func TestGoldenFindings(t *testing.T) {
	var inputs []string
	for _, pattern := range []string{
		"../../internal/report/testdata/seeds/*.json",
		"../../internal/importer/testdata/001.json",
		"../../internal/importer/testdata/seeds/*.txt",
		"../../internal/importer/testdata/real/*.txt",
	} {
		m, err := filepath.Glob(pattern)
		if err != nil || len(m) == 0 {
			t.Fatalf("%s: %v %v", pattern, m, err)
		}
		inputs = append(inputs, m...)
	}
	goldens, _ := filepath.Glob("testdata/golden/*.golden")
	if len(goldens) != len(inputs) {
		t.Errorf("%d golden files for %d reports: every report in testdata needs one", len(goldens), len(inputs))
	}
	for _, in := range inputs {
		name := goldenName(in)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "golden", name+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, line := range strings.Split(string(data), "\n") {
				if line != "" && !strings.HasPrefix(line, "#") {
					want = append(want, line)
				}
			}
			_, out, _ := runCmd(t, "check", in)
			got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if out == "" {
				got = nil
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("findings\n%s\nwant (%s.golden)\n%s", strings.Join(got, "\n"), name, strings.Join(want, "\n"))
			}
		})
	}
}

// goldenName is the golden file's name for a report in testdata:
// report-seeds-002.json for internal/report/testdata/seeds/002.json.
func goldenName(path string) string {
	p := strings.TrimPrefix(filepath.ToSlash(path), "../../internal/")
	return strings.ReplaceAll(strings.Replace(p, "testdata/", "", 1), "/", "-")
}
