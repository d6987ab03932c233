package importer_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// statedTie is a figure a published report's narrative states about its
// tables, read by hand from the text (not from the check): the sentence
// as the report prints it, the figure as printed, and the cells a reader
// sums for it.
type statedTie struct {
	file     string // under testdata
	sentence string // a piece of the narrative holding the figure
	figure   string // the figure as printed in sentence, with its 件
	rule     string
	cells    []string
}

// statedTies are every tie of the seeds' and the real reports' texts
// that a reader makes with confidence. Left out, by hand as well: seed
// 000's "意見徵集35期", "82049條", "383.75萬件" and "來信6244件"; seed
// 001's "网络申请3件、信件申请2件" (not a table row), "按时办结5件" (timely
// is not a row) and "同意公开答复3件" (its 予以公开 4 counts 已主动公开 1 as
// well); seed 002's "7件涉及集体经济组织" (no column is named); seed 003
// (no figure); seed 004's "13000余件"; shanghai's 规章13件 and 行政规范性文件
// 60件 (a 2019-format 二 has no cells) and "其他文件162件".
var statedTies = []statedTie{
	// Seed 000, 徐州市 2022, traditional characters.
	{"seeds/000.txt", "新收政府信息公開申請2981件", "2981件", "W2", []string{"requests.new_received.total"}},
	{"seeds/000.txt", "上年結轉104件", "104件", "W2", []string{"requests.carried_over.total"}},
	{"seeds/000.txt", "依法辦結政府信息公開申請3047件", "3047件", "W2", []string{"requests.handled_total.total"}},
	{"seeds/000.txt", "結轉下年度繼續辦理38件", "38件", "W2", []string{"requests.carried_forward.total"}},
	{"seeds/000.txt", "行政複議68件", "68件", "W4", []string{"reviews.review.total"}},
	{"seeds/000.txt", "行政訴訟44件", "44件", "W4", []string{"reviews.litigation_direct.total", "reviews.litigation_after_review.total"}},
	{"seeds/000.txt", "清理失效規章6件", "6件", "W2", []string{"active.rules.repealed"}},
	{"seeds/000.txt", "新發規章3件", "3件", "W2", []string{"active.rules.issued"}},
	{"seeds/000.txt", "有效規範性檔案374件", "374件", "W2", []string{"active.normative_docs.in_force"}},
	// "…有效規範性檔案374件,清理失效155件": what was repealed is the
	// 規範性檔案 of the clause before.
	{"seeds/000.txt", "清理失效155件", "155件", "W2", []string{"active.normative_docs.repealed"}},
	// Seed 001, 安丘经济开发区管委会 2020, 2019 format.
	{"seeds/001.txt", "共收到政府信息公开申请5件", "5件", "W2", []string{"requests.new_received.total"}},
	{"seeds/001.txt", "共答复政府信息公开申请5件", "5件", "W2", []string{"requests.handled_total.total"}},
	// Seed 002, 瑞安市人民政府办公室 2024.
	{"seeds/002.txt", "等在内的20件行政规范性文件", "20件", "W2", []string{"active.normative_docs.issued"}},
	{"seeds/002.txt", "清理修订废弃规范性文件共8件", "8件", "W2", []string{"active.normative_docs.repealed"}},
	{"seeds/002.txt", "现行有效规范性文件共231件", "231件", "W2", []string{"active.normative_docs.in_force"}},
	{"seeds/002.txt", "共新收125件涉自然人案件", "125件", "W2", []string{"requests.new_received.natural_person"}},
	{"seeds/002.txt", "2件涉企业", "2件", "W2", []string{"requests.new_received.commercial"}},
	// Seed 004, 郏县人民政府 2021.
	{"seeds/004.txt", "全县共受理政府信息公开申请14件", "14件", "W2", []string{"requests.new_received.total"}},
	// 长春市体育局 2023: the text says 2 where the table has 3 (a real
	// contradiction, real-changchun-tiyu-2023.golden).
	{"real/changchun-tiyu-2023.txt", "共受理政府信息公开申请2件", "2件", "W2", []string{"requests.new_received.total"}},
	// 上海市人民政府办公厅 2019, 2019 format.
	{"real/shanghai-2019.js", "共受理政府信息公开申请859件", "859件", "W2", []string{"requests.new_received.total"}},
	{"real/shanghai-2019.js", "答复政府信息公开申请805件", "805件", "W2", []string{"requests.handled_total.total"}},
	{"real/shanghai-2019.js", "含上年度结转申请18件", "18件", "W2", []string{"requests.carried_over.total"}},
	{"real/shanghai-2019.js", "另有72件申请按照《条例》顺延到下年度答复", "72件", "W2", []string{"requests.carried_forward.total"}},
}

// importText reads a published report of testdata as `nianbao check` does.
func importText(t *testing.T, name string) *report.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := importer.ReadGiven(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return r
}

// narrativeFindings are the W2 and W4 findings of the whole check.
func narrativeFindings(r *report.Report) []report.Finding {
	var out []report.Finding
	for _, f := range report.Check(r, report.Options{Final: true}) {
		if f.Rule == report.RuleNarrativeTables || f.Rule == report.RuleNarrativeReviews {
			out = append(out, f)
		}
	}
	return out
}

// TestNarrativeMutations (issue 12, "How it is tested"): for every figure
// of statedTies, changing the cell it names, or the figure in the
// sentence, gives exactly one more W2/W4 finding than the report as
// published (长春's own contradiction stays the one), which names the
// cells, quotes the sentence and gives both numbers.
func TestNarrativeMutations(t *testing.T) {
	base := map[string]*report.Report{}
	for _, st := range statedTies {
		if base[st.file] == nil {
			base[st.file] = importText(t, st.file)
		}
	}
	for _, st := range statedTies {
		t.Run(st.file+"/"+st.sentence, func(t *testing.T) {
			r0 := base[st.file]
			sec, text := sectionHolding(r0, st.sentence)
			if sec == "" {
				t.Fatalf("no narrative holds %q", st.sentence)
			}
			n, err := strconv.ParseInt(strings.TrimSuffix(st.figure, "件"), 10, 64)
			if err != nil || !strings.Contains(st.sentence, st.figure) {
				t.Fatalf("figure %q not a number of %q", st.figure, st.sentence)
			}
			var sum int64
			for _, p := range st.cells {
				sum += r0.Values[r0.Template().Lookup(p)].N
			}
			others := othersThan(narrativeFindings(r0), st.cells)

			// (a) the first cell one more.
			cell := r0.Clone()
			id := cell.Template().Lookup(st.cells[0])
			cell.Values[id] = report.Num(cell.Values[id].N + 1)
			expectOne(t, "cell changed", cell, others, st, st.sentence, n, sum+1)

			// (b) the figure in the text seven more.
			changed := strings.Replace(st.sentence, st.figure, strconv.FormatInt(n+7, 10)+"件", 1)
			txt := r0.Clone()
			txt.Narrative.Set(sec, strings.Replace(text, st.sentence, changed, 1))
			expectOne(t, "figure changed", txt, others, st, changed, n+7, sum)
		})
	}
}

// sectionHolding is the narrative section whose text holds s.
func sectionHolding(r *report.Report, s string) (string, string) {
	for _, sec := range []string{report.NarrativeOverview, report.NarrativeProblems, report.NarrativeOther} {
		if text := r.Narrative.Text(sec); strings.Contains(text, s) {
			return sec, text
		}
	}
	return "", ""
}

// othersThan are the findings that name other cells than cells.
func othersThan(fs []report.Finding, cells []string) []string {
	var out []string
	for _, f := range fs {
		if !slices.Equal(f.Paths(), cells) {
			out = append(out, f.Message)
		}
	}
	return out
}

// expectOne checks that r's W2/W4 findings are others and one more, of
// st's rule and cells, quoting a piece of sentence that holds the figure,
// with stated and table as its numbers.
func expectOne(t *testing.T, what string, r *report.Report, others []string, st statedTie, sentence string, stated, table int64) {
	t.Helper()
	fs := narrativeFindings(r)
	var mine []report.Finding
	for _, f := range fs {
		if !slices.Contains(others, f.Message) {
			mine = append(mine, f)
		}
	}
	if len(mine) != 1 || len(fs) != len(others)+1 {
		t.Errorf("%s: %d findings, want the %d of the report and one more:", what, len(fs), len(others))
		for _, f := range fs {
			t.Logf("  %s %v %s", f.Rule, f.Paths(), f.Message)
		}
		return
	}
	f := mine[0]
	if f.Rule != st.rule || !slices.Equal(f.Paths(), st.cells) {
		t.Errorf("%s: %s %v, want %s %v", what, f.Rule, f.Paths(), st.rule, st.cells)
	}
	quoted := between(f.Message, "写“", "”，")
	figure := strconv.FormatInt(stated, 10) + "件"
	core := strings.Trim(quoted, "…")
	if core == "" || !strings.Contains(core, figure) || !(strings.Contains(sentence, core) || strings.Contains(core, sentence)) {
		t.Errorf("%s: the message quotes %q, not the sentence %q with %s: %s", what, quoted, sentence, figure, f.Message)
	}
	if !strings.Contains(f.Message, "所述"+figure) || !strings.Contains(f.Message, "的"+strconv.FormatInt(table, 10)+"件") {
		t.Errorf("%s: the message does not give %d and %d: %s", what, stated, table, f.Message)
	}
}

func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	s = s[i+len(from):]
	if j := strings.Index(s, to); j >= 0 {
		return s[:j]
	}
	return s
}
