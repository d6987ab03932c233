package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/report"
)

var (
	seedDir    = filepath.Join("..", "..", "internal", "importer", "testdata", "seeds")
	fixtureDir = filepath.Join("..", "..", "internal", "report", "testdata", "seeds")
)

// seedVariant writes a seed with its 1-based line n replaced to a temp
// file named name.
func seedVariant(t *testing.T, seed string, n int, line, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(seedDir, seed+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[n-1] = line
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestImportCommand: nianbao import writes the report's JSON to stdout and
// the format and notes to stderr, with the documented exit codes.
func TestImportCommand(t *testing.T) {
	tests := []struct {
		name    string
		args    func(t *testing.T) []string
		code    int
		fixture string   // the stdout must be this fixture byte for byte
		stderr  []string // each must occur in stderr
	}{
		{"seed 002, no title", func(*testing.T) []string { return []string{"import", filepath.Join(seedDir, "002.txt")} },
			exitOK, "002", []string{"识别为2021年格式，依据第16行“本年制发件数”", "第3行：标题中没有机关名称", "共2条读取说明"}},
		{"seed 004, realigned rows", func(*testing.T) []string { return []string{"import", filepath.Join(seedDir, "004.txt")} },
			exitOK, "004", []string{"第43行：“（一）予以公开”行只有6个数", "第63行：“（六）其他处理 3.其他”行只有6个数", "第46行：行名“2.其他法律法规禁止公开”"}},
		{"seed 000, traditional, --json", func(*testing.T) []string { return []string{"import", "--json", filepath.Join(seedDir, "000.txt")} },
			exitOK, "000", []string{"第313行：从这一行起是网页附件链接"}},
		{"seed 001, 2019 format", func(*testing.T) []string { return []string{"import", filepath.Join(seedDir, "001.txt")} },
			exitOK, "", []string{"识别为2019年格式，依据第35行“本年新制作数量”", "第31行：这是2019年格式的报告", "不可比", "第377行：落款"}},
		{"a row that cannot be read", func(t *testing.T) []string {
			return []string{"import", seedVariant(t, "002", 35, "三、本年度办理结果 | (一)予以公开 | 39 | 2 | 2 | 43 |", "r.txt")}
		}, exitFindings, "", []string{"第35行：“（一）予以公开”行应有7个数，读到4个"}},
		{"a web page's script holding the report", func(*testing.T) []string {
			return []string{"import", filepath.Join("..", "..", "internal", "importer", "testdata", "real", "shanghai-2019.js")}
		}, exitFindings, "", []string{"识别为2019年格式", "第33行（表2第4行）：“一、本年新收政府信息公开申请数量”行：原文科研机构、社会公益组织这2格是空的"}},
		{"not a report", func(t *testing.T) []string { return []string{"import", writeTemp(t, "x.txt", "你好\n")} },
			exitUsage, "", []string{"不像是政府信息公开工作年度报告"}},
		{"no such file", func(t *testing.T) []string { return []string{"import", filepath.Join(t.TempDir(), "none.txt")} },
			exitUsage, "", []string{"无法读取"}},
		{"no file named", func(*testing.T) []string { return []string{"import"} }, exitUsage, "", []string{"用法 / Usage"}},
		{"help", func(*testing.T) []string { return []string{"import", "--help"} }, exitOK, "", []string{"用法 / Usage: nianbao import", "读入一份已发布报告", "Read a published report's file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, tt.args(t)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			if tt.fixture != "" {
				want, err := os.ReadFile(filepath.Join(fixtureDir, tt.fixture+".json"))
				if err != nil {
					t.Fatal(err)
				}
				if stdout != string(want) {
					t.Errorf("stdout is not the fixture %s.json:\n%.400s", tt.fixture, stdout)
				}
			}
			if tt.code != exitUsage && !strings.Contains(tt.name, "help") {
				if _, err := report.Decode([]byte(stdout)); err != nil {
					t.Errorf("stdout is not a report: %v", err)
				}
			}
		})
	}
}

// TestImportJSONNotes: --json-notes writes the reading log as JSON.
func TestImportJSONNotes(t *testing.T) {
	code, stdout, stderr := runCmd(t, "import", "--json-notes", filepath.Join(seedDir, "004.txt"))
	if code != exitOK || stdout == "" {
		t.Fatalf("exit %d, stdout %d bytes", code, len(stdout))
	}
	var log struct {
		Format string `json:"format"`
		Notes  []struct {
			Line int    `json:"line"`
			Kind string `json:"kind"`
		} `json:"notes"`
		Cells map[string]struct {
			Line   int  `json:"line"`
			Filled bool `json:"filled"`
		} `json:"cells"`
	}
	if err := json.Unmarshal([]byte(stderr), &log); err != nil {
		t.Fatalf("stderr is not JSON: %v\n%s", err, stderr)
	}
	if log.Format != "2021" || len(log.Notes) != 24 || !log.Cells["requests.other_misc.other"].Filled {
		t.Errorf("log: format %s, %d notes, other_misc.other %+v", log.Format, len(log.Notes), log.Cells["requests.other_misc.other"])
	}
}

// TestCheckText: nianbao check reads a published text by importing it
// first, prints the format and notes, then the findings; JSON is read as
// before.
func TestCheckText(t *testing.T) {
	tests := []struct {
		name   string
		path   func(t *testing.T) string
		code   int
		stdout []string
		stderr []string
		absent []string // must not occur in stderr
	}{
		{"seed 004", func(*testing.T) string { return filepath.Join(seedDir, "004.txt") }, exitOK,
			nil, []string{"识别为2021年格式", "第43行：", "未发现问题"}, nil},
		{"seed 001, 2019 format", func(*testing.T) string { return filepath.Join(seedDir, "001.txt") }, exitOK,
			nil, []string{"识别为2019年格式", "未发现问题"}, nil}, // no W6: the fee's rules postdate the 2019 format
		{"misprinted total", func(t *testing.T) string {
			return seedVariant(t, "002", 35, "三、本年度办理结果 | (一)予以公开 | 39 | 2 | 0 | 0 | 0 | 2 | 44 |", "r.txt")
		}, exitFindings, []string{"错误\tR1\t“（一）予以公开”行"}, []string{"第35行：第三部分 （一）予以公开 × 总计读到44，与勾稽关系不符"}, nil},
		{"text without .txt", func(t *testing.T) string {
			data, err := os.ReadFile(filepath.Join(seedDir, "003.txt"))
			if err != nil {
				t.Fatal(err)
			}
			return writeTemp(t, "report.html", string(data))
		}, exitOK, []string{"警告\tW6"}, []string{"识别为2021年格式"}, nil},
		{"JSON as before", func(*testing.T) string { return filepath.Join(fixtureDir, "002.json") }, exitOK,
			nil, []string{"未发现问题"}, []string{"识别为"}},
		{"not a report", func(t *testing.T) string { return writeTemp(t, "x.txt", "你好") }, exitUsage,
			nil, []string{"nianbao check："}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runCmd(t, "check", tt.path(t))
			if code != tt.code {
				t.Errorf("exit %d, want %d; stdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(stdout, s) {
					t.Errorf("stdout lacks %q:\n%s", s, stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr lacks %q:\n%s", s, stderr)
				}
			}
			for _, s := range tt.absent {
				if strings.Contains(stderr, s) {
					t.Errorf("stderr has %q:\n%s", s, stderr)
				}
			}
		})
	}
}
