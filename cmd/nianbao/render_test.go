package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const seed = "../../internal/report/testdata/seeds/003.json"

func TestRender(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"year\": \"二〇二四\"\n}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     string // prefix
		stderr     string // substring
		file, head string // output file and its start
	}{
		{"pdf to a file", []string{"render", "--format", "pdf", seed, "-o", filepath.Join(dir, "a.pdf")}, 0, "", "", "a.pdf", "%PDF-1."},
		{"flags after the file", []string{"render", seed, "--format", "html", "-o", filepath.Join(dir, "a.html")}, 0, "", "", "a.html", "<!doctype html>"},
		{"pdf is the default, to stdout", []string{"render", seed}, 0, "%PDF-1.", "", "", ""},
		{"html to stdout with -o -", []string{"render", "--format=html", seed, "-o", "-"}, 0, "<!doctype html>", "", "", ""},
		{"help", []string{"render", "--help"}, 0, "", "用法 / Usage: nianbao render", "", ""},
		{"no file", []string{"render"}, 2, "", "需要且只需要一个报告文件", "", ""},
		{"two files", []string{"render", seed, seed}, 2, "", "需要且只需要一个报告文件", "", ""},
		{"docx", []string{"render", "--format", "docx", seed, "-o", filepath.Join(dir, "a.docx")}, 0, "", "", "a.docx", "PK\x03\x04"},
		{"xlsx", []string{"render", "--format", "xlsx", seed, "-o", filepath.Join(dir, "a.xlsx")}, 0, "", "", "a.xlsx", "PK\x03\x04"},
		{"csv to stdout", []string{"render", "--format", "csv", seed}, 0, "\ufeff部分,行,列,路径,值\n", "", "", ""},
		{"unknown format", []string{"render", "--format", "odt", seed}, 2, "", "不支持的格式“odt”", "", ""},
		{"unknown flag", []string{"render", "--colour", seed}, 2, "", "flag provided but not defined", "", ""},
		{"missing report", []string{"render", filepath.Join(dir, "none.json")}, 2, "", "无法读取", "", ""},
		{"bad report", []string{"render", bad}, 2, "", "第2行，year：应为四位数的年份", "", ""},
		{"unwritable output", []string{"render", seed, "-o", filepath.Join(dir, "no", "such", "dir.pdf")}, 1, "", "无法写入", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.HasPrefix(stdout, tt.stdout) {
				t.Errorf("stdout starts %.40q, want %q", stdout, tt.stdout)
			}
			if !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr, tt.stderr)
			}
			if tt.file != "" {
				data, err := os.ReadFile(filepath.Join(dir, tt.file))
				if err != nil || !bytes.HasPrefix(data, []byte(tt.head)) {
					t.Errorf("%s: %v, starts %.20q, want %q", tt.file, err, data, tt.head)
				}
			}
		})
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dir, ".nianbao-render-*")); len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

// TestRenderListed: render is among the commands of nianbao --help.
func TestRenderListed(t *testing.T) {
	_, _, stderr := runCmd(t, "--help")
	if !strings.Contains(stderr, "render") {
		t.Errorf("usage does not list render:\n%s", stderr)
	}
}
