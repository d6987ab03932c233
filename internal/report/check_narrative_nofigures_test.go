package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNarrativeNoFigures: paragraphs that state no figure of the tables
// (testdata/narrative/no-figures.txt, written after the non-figure
// sentences of published reports: counts of 条, 篇 and 人次, 件 of other
// things, shares, plans, the table's words without a number, reviews the
// body decided) tie nothing to a cell and give no narrative finding, as
// 第一部分 and as 第六部分 of seed 003.
func TestNarrativeNoFigures(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "narrative", "no-figures.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			paras = append(paras, line)
		}
	}
	if len(paras) < 100 {
		t.Fatalf("%d paragraphs, want at least 100", len(paras))
	}
	narrative := map[string]bool{RuleNarrativeTables: true, RuleNarrativeReviews: true, RuleYear: true, RuleFeeNotices: true}
	for _, key := range []string{NarrativeOverview, NarrativeOther} {
		for _, para := range paras {
			r := seedReport(t, "003")
			r.Narrative.Set(key, para)
			c := &checker{t: r.Template(), r: r}
			for _, tt := range c.figureTies() {
				t.Errorf("%s: “%s” tied %d to %v", key, para, tt.n, tt.paths)
			}
			for _, f := range Check(r, Options{}) {
				if narrative[f.Rule] {
					t.Errorf("%s: “%s”: false alarm %s: %s", key, para, f.Rule, f.Message)
				}
			}
		}
	}
}
