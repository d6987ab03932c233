package importer_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// golden is one file of testdata/golden: the reports it is about (as
// JSON or as published text) and the findings the whole check must give
// each of them, every one written and justified by hand from the report's
// text and tables (testdata/golden/README.md).
type golden struct {
	inputs   []string
	findings []string
}

// readGolden parses a golden file: "@check PATH" lines name the inputs
// (relative to testdata), other unindented lines are findings, each of
// which must be followed by an indented "why:" line; "#" starts a comment.
func readGolden(t *testing.T, path string) golden {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var g golden
	needWhy := ""
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line != trimmed:
			if strings.HasPrefix(trimmed, "why:") {
				needWhy = ""
			}
		case needWhy != "":
			t.Fatalf("%s:%d: the finding %q has no why: line", path, n-1, needWhy)
		case strings.HasPrefix(line, "@check "):
			g.inputs = append(g.inputs, strings.TrimSpace(strings.TrimPrefix(line, "@check ")))
		default:
			g.findings = append(g.findings, strings.Join(strings.Fields(line), " "))
			needWhy = line
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if needWhy != "" {
		t.Fatalf("%s: the finding %q has no why: line", path, needWhy)
	}
	if len(g.inputs) == 0 {
		t.Fatalf("%s: no @check line", path)
	}
	return g
}

// checkWhole runs the whole check as `nianbao check` does on a file: a
// JSON report as it is, a published text read by the importer first
// (with its headings, W11); final; the body's kind guessed from its name.
func checkWhole(tb testing.TB, path string) []report.Finding {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, res, err := importer.ReadGiven(path, data) // as nianbao check reads it
	if err != nil {
		tb.Fatalf("%s: %v", path, err)
	}
	return report.Check(r, importer.CheckOptions(r, res, true, "", nil))
}

var digitRun = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)

// goldenLine is a finding as a golden file writes it: rule, severity,
// place (the cells — the first and their count when more than three —,
// the likely culprit, the text's section and paragraph
// from 1, the field, the line of a published text; "-" for none) and the
// numbers its message quotes, in order ("-" for none).
func goldenLine(f report.Finding) string {
	var place []string
	switch paths := f.Paths(); {
	case len(paths) > 3:
		// R8 names every blank cell: the first and the count say it.
		place = append(place, "cells="+paths[0]+"+…("+strconv.Itoa(len(paths))+")")
	case len(paths) > 0:
		place = append(place, "cells="+strings.Join(paths, "+"))
	}
	if c := f.CulpritPath(); c != "" {
		place = append(place, "culprit="+c)
	}
	if f.Narrative != "" {
		place = append(place, "text="+f.Narrative+"."+strconv.Itoa(f.Para+1))
	}
	if f.Field != "" {
		place = append(place, "field="+f.Field)
	}
	if f.Line > 0 {
		place = append(place, "line="+strconv.Itoa(f.Line))
	}
	numbers := strings.Join(digitRun.FindAllString(f.Message, -1), ",")
	return strings.Join([]string{f.Rule, string(f.Severity), orDash(strings.Join(place, ",")), orDash(numbers)}, " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// TestGoldenFindings: the whole check of every seed (as JSON and as the
// published text) and of every report of the corpus gives exactly the
// findings its golden file lists and justifies by hand.
func TestGoldenFindings(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "golden", "*.golden"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Fatalf("only %d golden files", len(files))
	}
	for _, file := range files {
		g := readGolden(t, file)
		for _, in := range g.inputs {
			t.Run(filepath.Base(file)+"/"+filepath.Base(in), func(t *testing.T) {
				var got []string
				messages := map[string]string{}
				for _, f := range checkWhole(t, filepath.Join("testdata", in)) {
					line := goldenLine(f)
					got = append(got, line)
					messages[line] = f.Message
				}
				if diff := findingsDiff(g.findings, got, messages); diff != "" {
					t.Errorf("%s against %s:\n%s", in, file, diff)
				}
			})
		}
	}
}

// findingsDiff lists the findings the golden file has and the check does
// not give, and those the check gives that the golden file lacks (with
// their messages), or "" when they are the same.
func findingsDiff(want, got []string, messages map[string]string) string {
	want, got = slices.Sorted(slices.Values(want)), slices.Sorted(slices.Values(got))
	var b strings.Builder
	for _, w := range want {
		if i := slices.Index(got, w); i >= 0 {
			got = slices.Delete(got, i, i+1)
			continue
		}
		fmt.Fprintf(&b, "- %s   (in the golden file, not given by the check)\n", w)
	}
	for _, g := range got {
		fmt.Fprintf(&b, "+ %s   (given by the check, not in the golden file)\n      %s\n", g, messages[g])
	}
	return b.String()
}

// BenchmarkWholeCheck: the whole check of the longest seed (003, 3,481
// characters of 第一部分 in 15 paragraphs) as `nianbao check` and the
// editor run it: final, with the published headings (W11), the body's
// kind (W12) and last year's report (W1, W5, W10: the same text a year
// earlier, the worst case of the copy comparison); "no-last-year" without
// it. "text-typed" changes 第一部分 before every check (at its end, as a
// clerk adds to the text; "typed-first" in its first paragraph), so the
// narrative checks read that sentence again (narrative_memo.go keeps
// what they found in the others). Budget: 50 µs (docs/design.md). Besides ns/op it
// reports cpu-ns/op, the CPU time the process spent per check, which on a
// machine shared with other work does not count the time others had the
// core.
func BenchmarkWholeCheck(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "seeds", "003.txt"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := importer.Import(string(data))
	if err != nil {
		b.Fatal(err)
	}
	r := res.Report
	last := r.Clone()
	last.Year--
	opt := importer.CheckOptions(r, res, true, "", last)
	noLast := opt
	noLast.LastYear = nil
	// An administrator's rules for 第一部分 (W13, W14), which read the
	// whole text: kept for the text, so they cost nothing while the clerk
	// types into the tables.
	local := opt
	local.Local = report.LocalRules{OverviewMax: 1000, OverviewItems: []string{"政务公开专区", "政策解读/解读", "12345"}, From: "某市"}
	overview := r.Narrative.Overview
	atEnd := func(i int) string { return overview + strconv.Itoa(i) }
	first := func(i int) string { return strconv.Itoa(i) + overview }
	for _, tc := range []struct {
		name string
		opt  report.Options
		// typed is 第一部分 as typed before the check numbered i (typings);
		// nil: unchanged.
		typed func(i int) string
	}{
		{"003", opt, nil},
		{"003-no-last-year", noLast, nil},
		{"003-local-rules", local, nil},
		{"003-text-typed", opt, atEnd},
		{"003-text-typed-no-last-year", noLast, atEnd},
		{"003-text-typed-first", opt, first},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			start := processCPU(b)
			for b.Loop() {
				if tc.typed != nil {
					r.Narrative.Overview = tc.typed(int(typings.Add(1)))
				}
				report.Check(r, tc.opt)
			}
			b.ReportMetric(float64(processCPU(b)-start)/float64(b.N), "cpu-ns/op")
			r.Narrative.Overview = overview
		})
	}
}

// typings numbers the texts BenchmarkWholeCheck types, across its runs
// and cases: a text typed is new to the process, as a clerk's is, and
// never found in a memo a run before kept.
var typings atomic.Int64

// processCPU is the CPU time (user and system) the process has spent.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
