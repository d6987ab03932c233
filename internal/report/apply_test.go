package report_test

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/internal/report"
)

func form(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestApply(t *testing.T) {
	r := report.New(report.T2021)
	set(t, r, "requests.granted.commercial", report.Num(4))
	out, refused := report.Apply(r, form(map[string]string{
		"requests.granted.natural_person": "１２",
		"requests.granted.research":       "abc",
		"requests.granted.total":          "999", // computed: ignored
		"active.fees.amount_wan":          "104.17",
		"narrative.overview":              "第一段\r\n第二段",
		"title":                           "某县2025年报告",
	}))
	if len(refused) != 1 || refused[0].Path != "requests.granted.research" {
		t.Fatalf("refused = %v", refused)
	}
	checks := map[string]report.Value{
		"requests.granted.natural_person": report.Num(12),
		"requests.granted.commercial":     report.Num(4), // absent: kept
		"requests.granted.research":       {},            // refused: unchanged
		"requests.granted.total":          {},
		"active.fees.amount_wan":          report.Num(1041700),
	}
	for p, want := range checks {
		if got, _ := out.Get(p); got != want {
			t.Errorf("%s = %v, want %v", p, got, want)
		}
	}
	if out.Entry(report.T2021.Lookup("requests.granted.research")) != "abc" {
		t.Error("the unreadable text is not kept")
	}
	if out.Narrative.Overview != "第一段\n第二段" || out.Title != "某县2025年报告" {
		t.Errorf("texts: %q %q", out.Narrative.Overview, out.Title)
	}
	if v, _ := r.Get("requests.granted.natural_person"); v.State != report.Blank {
		t.Error("Apply changed its input")
	}
	// The unreadable text is an error of the check, at its cell.
	var found bool
	for _, f := range report.Check(out, report.Options{}) {
		if f.Rule == report.RuleRequestsNN && f.Severity == report.Error && f.CulpritPath() == "requests.granted.research" {
			found = strings.Contains(f.Message, "（填的是“abc”）")
		}
	}
	if !found {
		t.Error("the unreadable input is not a finding")
	}
	// Correcting the text clears it.
	again, refused := report.Apply(out, form(map[string]string{"requests.granted.research": "0"}))
	if len(refused) != 0 || len(again.Unread) != 0 {
		t.Errorf("after correction: refused %v, unread %v", refused, again.Unread)
	}
}

func TestMerge(t *testing.T) {
	base := report.New(report.T2021)
	set(t, base, "requests.granted.natural_person", report.Num(1))
	base.Narrative.Problems = "原文"
	mine, _ := report.Apply(base, form(map[string]string{
		"requests.granted.natural_person": "2", // both change: conflict
		"requests.granted.commercial":     "5", // only mine
		"narrative.problems":              "我的修改",
	}))
	theirs, _ := report.Apply(base, form(map[string]string{
		"requests.granted.natural_person": "3",
		"requests.granted.research":       "7",    // only theirs: taken
		"narrative.problems":              "我的修改", // both alike: fine
	}))
	merged, took, conflicts := report.Merge(base, mine, theirs)
	if len(took) != 1 || took[0].Field != "requests.granted.research" || took[0].New != "7" {
		t.Errorf("took %+v", took)
	}
	if len(conflicts) != 1 || conflicts[0].Mine != "2" || conflicts[0].Theirs != "3" ||
		!strings.Contains(conflicts[0].Label, "予以公开") {
		t.Fatalf("conflicts %+v", conflicts)
	}
	want := map[string]int64{"requests.granted.natural_person": 2, "requests.granted.commercial": 5, "requests.granted.research": 7}
	for p, n := range want {
		if v, _ := merged.Get(p); v != report.Num(n) {
			t.Errorf("merged %s = %v, want %d", p, v, n)
		}
	}
	merged.Take(theirs, conflicts[0])
	if v, _ := merged.Get("requests.granted.natural_person"); v != report.Num(3) {
		t.Errorf("after taking theirs: %v", v)
	}
}

func TestDiffLabels(t *testing.T) {
	a := report.New(report.T2021)
	b := a.Clone()
	set(t, b, "reviews.review.upheld", report.Num(8))
	b.Narrative.Other = "本年度未收取信息处理费。"
	got := report.Diff(a, b)
	if len(got) != 2 || got[0].Label != "第四部分 行政复议·结果维持" || got[0].Old != "" || got[0].New != "8" ||
		got[1].Label != "六、其他需要报告的事项" {
		t.Errorf("Diff = %+v", got)
	}
}

func TestCarryOver(t *testing.T) {
	last, _ := loadSeed(t, "002") // 结转下年度 22/0/0/0/0/0; 现行有效 0 and 231
	r := report.New(report.T2021)
	set(t, r, "requests.carried_over.research", report.Num(9)) // already typed: kept
	filled := report.CarryOver(last, r)
	want := map[string]report.Value{
		"requests.carried_over.natural_person": report.Num(22),
		"requests.carried_over.commercial":     report.Num(0),
		"requests.carried_over.research":       report.Num(9),
		"requests.carried_over.total":          {}, // computed: left to FillTotals
		"active.normative_docs.in_force":       report.Num(231),
		"active.rules.in_force":                report.Num(0),
		"active.normative_docs.issued":         {},
	}
	for p, w := range want {
		if got, _ := r.Get(p); got != w {
			t.Errorf("%s = %v, want %v", p, got, w)
		}
	}
	if len(filled) != 5+2 {
		t.Errorf("filled %d cells, want 7", len(filled))
	}
}

func TestDiffParagraphs(t *testing.T) {
	old := "第一段\n第二段\n\n第三段"
	new := "第一段\n第二段改了\n第三段\n第四段"
	got := report.DiffParagraphs(old, new)
	want := []report.ParaChange{{Added: true, Index: 1, Text: "第二段改了"}, {Index: 1, Text: "第二段"}, {Added: true, Index: 3, Text: "第四段"}}
	if len(got) != len(want) {
		t.Fatalf("DiffParagraphs = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("change %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if len(report.DiffParagraphs(old, old)) != 0 {
		t.Error("a text differs from itself")
	}
}

// TestDiffParagraphsBounded: texts of thousands of paragraphs that differ
// throughout are reported as replaced, quickly and in little memory.
func TestDiffParagraphsBounded(t *testing.T) {
	var a, b strings.Builder
	for i := range 5000 {
		fmt.Fprintf(&a, "旧段落%d\n", i)
		fmt.Fprintf(&b, "新段落%d\n", i)
	}
	got := report.DiffParagraphs("同一开头\n"+a.String()+"同一结尾", "同一开头\n"+b.String()+"同一结尾")
	if len(got) != 10000 || got[0].Index != 1 || !got[0].Added || got[5000].Added {
		t.Errorf("%d changes, first %+v", len(got), got[0])
	}
}

// TestRefusalsRideAlong: a text refused when typed keeps its refusal
// through later edits, clones and merges, and one read back from storage
// is refused the same way; a cell typed correctly drops it.
func TestRefusalsRideAlong(t *testing.T) {
	const cell = "requests.granted.research"
	id := report.T2021.Lookup(cell)
	r, refused := report.Apply(report.New(report.T2021), form(map[string]string{cell: "十二"}))
	if len(refused) != 1 || refused[0].Reason != "请填写阿拉伯数字，没有发生的填0" {
		t.Fatalf("refused: %v", refused)
	}
	later, refusedNow := report.Apply(r, form(map[string]string{"reviews.review.upheld": "3"}))
	stored := report.New(report.T2021)
	stored.SetUnreadByPath(later.UnreadByPath())
	for name, got := range map[string]*report.Report{"after another edit": later, "a clone": later.Clone(), "read back": stored} {
		fs := got.Refusals()
		if len(fs) != 1 || fs[0].Cell != id || fs[0].Input != "十二" || fs[0].Reason != refused[0].Reason {
			t.Errorf("%s: refusals %v", name, fs)
		}
	}
	if len(refusedNow) != 0 {
		t.Errorf("Apply refused what was not posted: %v", refusedNow)
	}
	fixed, _ := report.Apply(later, form(map[string]string{cell: "12"}))
	if fs := fixed.Refusals(); len(fs) != 0 || fixed.Refusal(id) != nil {
		t.Errorf("a corrected cell is still refused: %v", fs)
	}
}

// TestRefusalNote: a refused cell says why, and the number it still holds
// from before, if any (that number is what the totals count).
func TestRefusalNote(t *testing.T) {
	r := report.New(report.T2021)
	set(t, r, "requests.granted.natural_person", report.Num(146))
	set(t, r, "active.fees.amount_wan", report.Num(1041700))
	out, refused := report.Apply(r, form(map[string]string{
		"requests.granted.natural_person": "1o",
		"requests.granted.commercial":     "-3",
		"active.fees.amount_wan":          "10.4.17",
	}))
	want := map[string]string{
		"requests.granted.natural_person": "请填写阿拉伯数字，没有发生的填0；保存的仍是146",
		"requests.granted.commercial":     "不能为负数",
		"active.fees.amount_wan":          "小数点多于一个；保存的仍是104.1700",
	}
	if len(refused) != len(want) {
		t.Fatalf("refused %v", refused)
	}
	for _, e := range refused {
		if got := out.RefusalNote(e); got != want[e.Path] {
			t.Errorf("%s: %q, want %q", e.Path, got, want[e.Path])
		}
	}
}
