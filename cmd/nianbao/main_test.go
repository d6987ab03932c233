package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runCmd runs the command line in-process and returns its exit code and
// output.
func runCmd(t *testing.T, stdin string, environ map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &env{getenv: func(k string) string { return environ[k] }, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code := run(context.Background(), args, e)
	return code, out.String(), errOut.String()
}

func seedPath(name string) string {
	return filepath.Join("..", "..", "internal", "report", "testdata", "seeds", name+".json")
}

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
			code, out, errOut := runCmd(t, "", nil, tc.args...)
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

// TestServeAndShutdown starts the app on a free port with a fresh database
// under a temp folder, reads a page, and shuts it down on cancel.
func TestServeAndShutdown(t *testing.T) {
	dbPath := filepath.Join(t.TempDir(), "sub", "nianbao.db")
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	go func() { done <- serve(ctx, log, "127.0.0.1:0", dbPath, false, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve ended: %v", err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start")
	}
	for _, p := range []string{"/healthz", "/"} {
		resp, err := http.Get("http://" + addr + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: %d %s", p, resp.StatusCode, body)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: CSP %q", p, csp)
		}
	}
	if _, err := os.Stat(dbPath); err != nil {
		t.Errorf("database file not created: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("server did not shut down")
	}
}

func TestMigrateCommand(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	for range 2 { // a second run has nothing to do and still succeeds
		code, out, errOut := runCmd(t, "", map[string]string{"NIANBAO_DB": db}, "migrate")
		if code != 0 || !strings.Contains(out, "最新") {
			t.Fatalf("migrate: %d %s %s", code, out, errOut)
		}
	}
}
