package importer_test

import (
	"os"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// TestFewerNumbersThanCellsInSectionTwo: a row of section 二 that prints
// two numbers for its three cells (a cell lost in copying) is not cut
// into three — nothing confirms a cut of that table, and 20 and 8 are
// printed apart — so its cells stay blank and a note says why, instead of
// reading 2, 0 and 8.
func TestFewerNumbersThanCellsInSectionTwo(t *testing.T) {
	data, err := os.ReadFile("testdata/seeds/002.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "行政规范性文件 | 20 | 8 | 231 |", "行政规范性文件 | 20 | 8 |", 1)
	if text == string(data) {
		t.Fatal("the row to damage is not in the seed's text")
	}
	res, err := importer.Import(text)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"active.normative_docs.issued", "active.normative_docs.repealed", "active.normative_docs.in_force"} {
		if v := res.Report.Values[report.T2021.Lookup(path)]; v.State != report.Blank {
			t.Errorf("%s read as %v, want blank", path, v)
		}
	}
	found := false
	for _, n := range res.Notes {
		found = found || strings.Contains(n.Msg, "应有3个数，读到2个（20 8）")
	}
	if !found {
		t.Errorf("no note says what was found: %v", res.Notes)
	}
}

// TestGluedCellInSectionThree: a row of section 三 whose last two cells
// ran together (2 | 43 printed 243) is cut inside that number only — the
// numbers printed apart stay apart — where the row's total and the
// columns confirm the cut; a row whose cut nothing confirms stays blank.
func TestGluedCellInSectionThree(t *testing.T) {
	data, err := os.ReadFile("testdata/seeds/002.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), "(一)予以公开 | 39 | 2 | 0 | 0 | 0 | 2 | 43 |", "(一)予以公开 | 39 | 2 | 0 | 0 | 0 | 243 |", 1)
	if text == string(data) {
		t.Fatal("the row to damage is not in the seed's text")
	}
	res, err := importer.Import(text)
	if err != nil {
		t.Fatal(err)
	}
	want := expected(t, "002")
	for _, col := range []string{"natural_person", "commercial", "other", "total"} {
		id := report.T2021.Lookup("requests.granted." + col)
		if res.Report.Values[id] != want.Values[id] || res.Cells[id].Unsure {
			t.Errorf("granted.%s = %+v (unsure %v), want %+v", col, res.Report.Values[id], res.Cells[id].Unsure, want.Values[id])
		}
	}
}
