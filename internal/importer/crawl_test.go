package importer_test

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// cellSepRE is what separates a seed's table cells and words.
var cellSepRE = regexp.MustCompile(`[ \t|　]+`)

// crawled does to a seed's text what a crawler or a copy from a page does:
// the whole report on one line, every separator between cells gone, and,
// with the seed rng, stray spaces cut into some numbers (230 000023) and
// some separators kept (none with a nil rng).
func crawled(text string, rng *rand.Rand) string {
	if rng == nil {
		rng = rand.New(zeroSource{})
	}
	var b strings.Builder
	for _, line := range strings.Split(text, "\n") {
		parts := cellSepRE.Split(strings.TrimSpace(line), -1)
		for i, p := range parts {
			if i > 0 && rng.IntN(10) == 0 {
				b.WriteByte(' ')
			}
			for j, r := range p {
				if j > 0 && r >= '0' && r <= '9' && rng.IntN(12) == 0 {
					b.WriteByte(' ')
				}
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// wrongUnmarked counts the cells whose value differs from the seed's and
// which the import neither left blank nor marked to check; and the cells
// read exactly.
func wrongUnmarked(want *report.Report, res *importer.Result) (wrong int, exact int, paths []string) {
	for id, def := range want.Template().Cells {
		w, g := want.Values[id], res.Report.Values[id]
		switch {
		case w == g:
			exact++
		case g.State == report.Blank || res.Cells[id].Unsure:
		default:
			wrong++
			paths = append(paths, def.Path+"="+report.FormatValue(def.Kind, g))
		}
	}
	return wrong, exact, paths
}

// TestCrawledSeeds: every seed, run together on one line with its cells
// glued and stray spaces in its numbers (20 random variants each), reads
// with no cell wrong and unmarked: each is exact, blank with a note, or
// marked to check. Most read exactly; the share is logged.
func TestCrawledSeeds(t *testing.T) {
	total, exactAll := 0, 0
	for _, name := range seedNames {
		want := expected(t, name)
		for seed := range 100 {
			rng := rand.New(rand.NewPCG(uint64(seed), 11))
			text := crawled(readSeed(t, name), rng)
			res, err := importer.Import(text)
			if err != nil {
				t.Fatalf("%s/%d: %v", name, seed, err)
			}
			checkSources(t, res.Text, res)
			wrong, exact, paths := wrongUnmarked(want, res)
			if wrong > 0 {
				t.Errorf("%s/%d: %d cells wrong and unmarked: %v", name, seed, wrong, paths)
			}
			total += len(want.Values)
			exactAll += exact
		}
	}
	t.Logf("crawled seeds: %d of %d cells read exactly (%.1f%%)", exactAll, total, 100*float64(exactAll)/float64(total))
	if exactAll*10 < total*8 {
		t.Errorf("only %d of %d cells exact", exactAll, total)
	}
}

// TestCrawledAmbiguous: where more than one cut fits, the cells stay blank
// and the note gives the readings. Seed 000's section 四 run together
// (39810116811114123810056) cuts three ways by the groups' totals;
// its 行政规范性文件 row (no arithmetic) many ways.
func TestCrawledAmbiguous(t *testing.T) {
	res, err := importer.Import(crawled(readSeed(t, "000"), rand.New(rand.NewPCG(1, 1<<62))))
	if err != nil {
		t.Fatal(err)
	}
	tmpl := res.Report.Template()
	for _, path := range []string{"reviews.review.upheld", "reviews.litigation_direct.total", "active.normative_docs.issued"} {
		if v := res.Report.Values[tmpl.Lookup(path)]; v.State != report.Blank {
			t.Errorf("%s = %+v, want blank", path, v)
		}
	}
	var four, docs bool
	for _, n := range res.Notes {
		four = four || n.Kind == importer.Unreadable && strings.Contains(n.Msg, "第四部分的数字连在一起（39810116811114123810056），按各组总计可以切分为：39|8|10|11|68|1|11|14|12|38|1|0|0|5|6，或")
		docs = docs || n.Kind == importer.Unreadable && strings.Contains(n.Msg, "“行政规范性文件”行的数字连在一起（38155374）")
	}
	if !four || !docs {
		t.Errorf("notes %v", res.Notes)
	}
	if v := res.Report.Values[tmpl.Lookup("requests.handled_total.total")]; v != expected(t, "000").Values[tmpl.Lookup("requests.handled_total.total")] {
		t.Errorf("（七）总计 %+v", v)
	}
}

// zeroSource makes a rand.Rand whose IntN(n) is always n-1: no strays.
type zeroSource struct{}

func (zeroSource) Uint64() uint64 { return 1<<64 - 1 }
