package report_test

import (
	"strings"
	"testing"

	"nianbao/internal/report"
)

// TestFingerprint: a warning keeps its fingerprint across changes that do
// not touch it (another section rewritten, a paragraph added above it)
// and gets another when a number it quotes changes, in the text or in the
// table; TallyMarked counts a warning confirmed only under its current
// fingerprint.
func TestFingerprint(t *testing.T) {
	base, _ := loadSeed(t, "002")
	slip := func(mutate func(r *report.Report)) report.Finding {
		t.Helper()
		r := base.Clone()
		r.Narrative.Overview = strings.Replace(r.Narrative.Overview, "现行有效规范性文件共231件", "现行有效规范性文件共230件", 1)
		mutate(r)
		for _, f := range report.Check(r, report.Options{}) {
			if f.Rule == report.RuleNarrativeTables {
				return f
			}
		}
		t.Fatal("no W2")
		return report.Finding{}
	}
	w2 := slip(func(*report.Report) {})
	if len(w2.Fingerprint()) != 24 {
		t.Errorf("fingerprint %q", w2.Fingerprint())
	}
	for _, tc := range []struct {
		name   string
		mutate func(r *report.Report)
		same   bool
	}{
		{"第五部分 rewritten", func(r *report.Report) { r.Narrative.Problems += "另有一项问题正在整改。" }, true},
		{"a paragraph added above", func(r *report.Report) { r.Narrative.Overview = "本年度概述。\n" + r.Narrative.Overview }, true},
		{"the text's number changed", func(r *report.Report) {
			r.Narrative.Overview = strings.Replace(r.Narrative.Overview, "共230件", "共229件", 1)
		}, false},
		{"the table's cell changed", func(r *report.Report) {
			r.Values[r.Template().Lookup("active.normative_docs.in_force")] = report.Num(232)
		}, false},
	} {
		f := slip(tc.mutate)
		if (f.Fingerprint() == w2.Fingerprint()) != tc.same {
			t.Errorf("%s: fingerprint %s, before %s; want the same: %v (%s)", tc.name, f.Fingerprint(), w2.Fingerprint(), tc.same, f.Message)
		}
	}

	r := base.Clone()
	r.Narrative.Overview = strings.Replace(r.Narrative.Overview, "现行有效规范性文件共231件", "现行有效规范性文件共230件", 1)
	fs := report.Check(r, report.Options{})
	for _, tc := range []struct {
		name  string
		marks map[string]report.Mark
		want  report.Tally
	}{
		{"no marks", nil, report.Tally{Warnings: 1}},
		{"confirmed", map[string]report.Mark{w2.Fingerprint(): {Status: report.MarkConfirmed}}, report.Tally{Warnings: 1, Confirmed: 1}},
		{"sent back", map[string]report.Mark{w2.Fingerprint(): {Status: report.MarkReturned}}, report.Tally{Warnings: 1}},
		{"confirmed under an old fingerprint", map[string]report.Mark{slip(func(r *report.Report) {
			r.Values[r.Template().Lookup("active.normative_docs.in_force")] = report.Num(232)
		}).Fingerprint(): {Status: report.MarkConfirmed}}, report.Tally{Warnings: 1}},
	} {
		if got := report.TallyMarked(fs, tc.marks); got != tc.want {
			t.Errorf("%s: %+v, want %+v", tc.name, got, tc.want)
		}
	}
}

// TestFingerprintStable: the fingerprint is the first 12 bytes (hex) of
// the SHA-256 of the rule, the section, the field, the line and the
// message, each followed by a 0 byte — marks saved under it must keep
// finding their warnings. The wants were computed with sha256sum.
func TestFingerprintStable(t *testing.T) {
	for _, tc := range []struct {
		f    report.Finding
		want string
	}{
		{report.Finding{Rule: "W7", Narrative: "overview", Message: "第一部分写“2022年，全市共收到申请”"}, "afca6cafd14c0f0cfb7f821d"},
		{report.Finding{Rule: "W11", Field: "title", Line: 12, Message: "标题与正式格式不同"}, "47291091619fb65b91414965"},
	} {
		if got := tc.f.Fingerprint(); got != tc.want {
			t.Errorf("%s %q: fingerprint %s, want %s", tc.f.Rule, tc.f.Message, got, tc.want)
		}
	}
}
