package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedPath is a seed's hand-made JSON (internal/report's fixtures).
func seedPath(name string) string { return filepath.Join(fixtureDir, name+".json") }

// seedTextPath is a seed's published text as fetched (internal/importer's
// copies).
func seedTextPath(name string) string { return filepath.Join(seedDir, name+".txt") }

// writeBroken writes a copy of seed 000 with 结转下年度·自然人 36 → 35.
func writeBroken(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(seedPath("000"))
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(data, []byte(`"carried_forward"`))
	j := i + bytes.Index(data[i:], []byte(`"natural_person": 36`))
	broken := append(append(append([]byte{}, data[:j]...), `"natural_person": 35`...), data[j+len(`"natural_person": 36`):]...)
	p := filepath.Join(t.TempDir(), "broken.json")
	if err := os.WriteFile(p, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCheckCommand(t *testing.T) {
	broken := writeBroken(t)
	malformed := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(malformed, []byte("{\"format\": \"2021\",\n\"requests\": {\"granted\": {\"natural_person\": 1.5}}}"), 0o644)
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // each must appear
		stderr     []string
		noStdout   bool
		stdoutJSON bool
	}{
		{"clean seed", []string{"check", seedPath("002")}, 0, nil, []string{"未发现问题"}, true, false},
		{"warning only", []string{"check", seedPath("003")}, 0, []string{"警告\tW6\t"}, []string{"0个错误、1个警告"}, false, false},
		{"broken", []string{"check", broken}, 1, []string{"错误\tR1\t", "错误\tR3\t自然人列：一(2835)+二(103)=2938，但（七）总计(2902)+四(35)=2937，相差1"}, nil, false, false},
		{"broken json", []string{"check", "--json", broken}, 1, []string{`"culprit": "requests.carried_forward.natural_person"`}, nil, false, true},
		{"clean json", []string{"check", "--json", seedPath("004")}, 0, []string{"[]"}, nil, false, true},
		{"last year", []string{"check", "--last-year", seedPath("002"), seedPath("002")}, 0, []string{"警告\tW1\t自然人列"}, nil, false, false},
		{"malformed", []string{"check", malformed}, 2, nil, []string{"第2行，requests.granted.natural_person：件数应为整数"}, true, false},
		{"missing file", []string{"check", "/nonexistent.json"}, 2, nil, []string{"无法读取"}, true, false},
		{"no file", []string{"check"}, 2, nil, []string{"用法 / Usage: nianbao check"}, true, false},
		{"help", []string{"check", "--help"}, 0, nil, []string{"检查一份报告", "Check a report"}, true, false},
		{"top help", []string{"--help"}, 0, nil, []string{"serve", "migrate", "check"}, true, false},
		{"unknown command", []string{"frobnicate"}, 2, nil, []string{"没有“frobnicate”这个命令"}, true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runCmd(t, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out, errOut)
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out, s) {
					t.Errorf("stdout lacks %q:\n%s", s, out)
				}
			}
			for _, s := range tc.stderr {
				if !strings.Contains(errOut, s) {
					t.Errorf("stderr lacks %q:\n%s", s, errOut)
				}
			}
			if tc.noStdout && out != "" {
				t.Errorf("unexpected stdout: %s", out)
			}
			if tc.stdoutJSON {
				var v []map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("stdout is not a JSON array: %v\n%s", err, out)
				}
			}
		})
	}
}

func TestMigrateCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	for range 2 { // a second run has nothing to do and still succeeds
		code, out, errOut := runEnv(t, "", map[string]string{"NIANBAO_DB": db}, "migrate")
		if code != 0 || !strings.Contains(out, "最新") {
			t.Fatalf("migrate: %d %s %s", code, out, errOut)
		}
	}
}
