package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckCommandNarrative: seed 002 with its text saying 230 现行有效
// 规范性文件 where its table has 231: `nianbao check` warns W2 with both
// numbers and the cell, in text and in JSON (with the paragraph).
func TestCheckCommandNarrative(t *testing.T) {
	data, err := os.ReadFile(seedPath("002"))
	if err != nil {
		t.Fatal(err)
	}
	changed := bytes.Replace(data, []byte("现行有效规范性文件共231件"), []byte("现行有效规范性文件共230件"), 1)
	if bytes.Equal(changed, data) {
		t.Fatal("seed 002 no longer says 现行有效规范性文件共231件")
	}
	p := filepath.Join(t.TempDir(), "narrative.json")
	if err := os.WriteFile(p, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"check", p}, []string{"警告\tW2\t第一部分写“…现行有效规范性文件共230件…”，", "所述230件与表格“行政规范性文件 现行有效件数”的231件不一致"}},
		{[]string{"check", "--json", p}, []string{`"rule": "W2"`, `"active.normative_docs.in_force"`, `"narrative": "overview"`, `"paragraph": 3`}},
	} {
		code, out, errOut := runCmd(t, tc.args...)
		if code != 0 {
			t.Errorf("%v: exit %d (a warning only)\n%s", tc.args, code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: stdout lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
}

// TestCheckCommandCopied: seed 004's published text checked as 2022's
// report with the 2021 text as last year — only the years changed — gets
// W10 for 第一部分 and 第五部分; against another body's report, none.
func TestCheckCommandCopied(t *testing.T) {
	data, err := os.ReadFile(seedTextPath("004"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "2022.txt")
	if err := os.WriteFile(p, bytes.ReplaceAll(data, []byte("2021"), []byte("2022")), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		last string
		want []string
	}{
		{seedTextPath("004"), []string{"警告\tW10\t第一部分有100%的句子", "警告\tW10\t第五部分有100%的句子", "与2021年报告相同"}},
		{seedTextPath("002"), nil},
	} {
		code, out, errOut := runCmd(t, "check", "--draft", "--last-year", tc.last, p)
		if code != 0 {
			t.Errorf("last year %s: exit %d (warnings only)\n%s", tc.last, code, errOut)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("last year %s: stdout lacks %q:\n%s", tc.last, w, out)
			}
		}
		if tc.want == nil && strings.Contains(out, "W10") {
			t.Errorf("last year %s: W10 for another body's text:\n%s", tc.last, out)
		}
	}
}

// TestCheckCommandStructure: `nianbao check` of seed 003's text with
// 第五部分's heading renamed warns W11 with the line, in text and JSON.
func TestCheckCommandStructure(t *testing.T) {
	data, err := os.ReadFile(seedTextPath("003"))
	if err != nil {
		t.Fatal(err)
	}
	renamed := bytes.Replace(data, []byte("五、存在的主要问题及改进情况"), []byte("五、存在的主要问题及改进措施"), 1)
	p := filepath.Join(t.TempDir(), "renamed.txt")
	if err := os.WriteFile(p, renamed, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "--draft", p}, "警告\tW11\t第93行的标题“五、存在的主要问题及改进措施”与规定的“五、存在的主要问题及改进情况”不同\n"},
		{[]string{"check", "--draft", "--json", p}, `"line": 93`},
	} {
		_, out, _ := runCmd(t, tc.args...)
		if !strings.Contains(out, tc.want) {
			t.Errorf("%v: stdout lacks %q:\n%s", tc.args, tc.want, out)
		}
	}
}

// TestCheckCommandNotApplicable: a published text printing “/” in its 规章
// row is right for 瑞安市人民政府办公室 (a department, guessed from its name)
// and a W12 for 郟县人民政府 (a government) or when --kind says so.
func TestCheckCommandNotApplicable(t *testing.T) {
	dir := t.TempDir()
	write := func(seed, from, to string) string {
		data, err := os.ReadFile(seedTextPath(seed))
		if err != nil {
			t.Fatal(err)
		}
		changed := bytes.Replace(data, []byte(from), []byte(to), 1)
		if bytes.Equal(changed, data) {
			t.Fatalf("seed %s no longer prints %q", seed, from)
		}
		p := filepath.Join(dir, seed+".txt")
		if err := os.WriteFile(p, changed, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	department := write("002", "规章 | 0 | 0 | 0 |", "规章 | / | / | / |")
	government := write("004", "规章\t0\t0\t0", "规章\t/\t/\t/")
	for _, tc := range []struct {
		args []string
		w12  bool
	}{
		{[]string{"check", department}, false},
		{[]string{"check", "--kind", "local_government", department}, true},
		{[]string{"check", government}, true},
		{[]string{"check", "--kind", "other", government}, false},
	} {
		_, out, errOut := runCmd(t, tc.args...)
		got := strings.Contains(out, "警告\tW12\t3个单元格填的是“不适用”或“/”")
		if got != tc.w12 {
			t.Errorf("%v: W12 %v, want %v:\n%s%s", tc.args, got, tc.w12, out, errOut)
		}
	}
	if code, _, errOut := runCmd(t, "check", "--kind", "county", department); code != exitUsage || !strings.Contains(errOut, "机关类别“county”不对") {
		t.Errorf("--kind county: exit %d, %s", code, errOut)
	}
}
