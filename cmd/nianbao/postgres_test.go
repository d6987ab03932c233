package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/demo"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
)

// TestCommandsOnPostgres: migrate, user, backup and rollup take a
// postgres:// URL (as --db or NIANBAO_DB) and work on it; a URL is never
// taken for a file name.
func TestCommandsOnPostgres(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	url := testenv.Postgres(t)
	if code, out := runIn(t, "", "migrate", "--db", url); code != 0 || !strings.Contains(out, "最新") {
		t.Fatalf("migrate --db %s: %d %s", url, code, out)
	}
	env := map[string]string{"NIANBAO_DB": url}
	if code, out, errOut := runEnv(t, "long-enough-1\n", env, "user", "add", "--username", "root", "--role", "admin",
		"--body", "某市人民政府", "--password-stdin"); code != 0 {
		t.Fatalf("user add on NIANBAO_DB=%s: %d %s %s", url, code, out, errOut)
	}
	st := openStore(t, url)
	if bs, err := st.Bodies(t.Context()); err != nil || len(bs) != 1 || bs[0].Name != "某市人民政府" {
		t.Errorf("bodies after user add: %v %v", bs, err)
	}
	if code, out := runIn(t, "", "rollup", "--db", url, "--body", "1", "--year", "2024"); code == 2 {
		t.Errorf("rollup --db %s did not run: %d %s", url, code, out)
	}
	dump := filepath.Join(dir, "backup.dump")
	if code, out := runIn(t, "", "backup", "--db", url, dump); code != 0 {
		t.Fatalf("backup --db %s: %d %s", url, code, out)
	}
	if fi, err := os.Stat(dump); err != nil || fi.Size() == 0 {
		t.Errorf("backup file: %v %v", fi, err)
	}
	for _, bad := range []string{"mysql://root@localhost/nianbao", "postgres:nianbao"} {
		if code, out := runIn(t, "", "migrate", "--db", bad); code == 0 {
			t.Errorf("migrate --db %s succeeded: %s", bad, out)
		}
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, e := range ents {
		names = append(names, e.Name())
	}
	if len(names) != 1 || names[0] != "backup.dump" {
		t.Errorf("the working folder holds %v; want only backup.dump (no folder named after a URL)", names)
	}
}

// TestServeOnPostgres: serve --demo on a postgres:// URL seeds the demo,
// and a login holds across requests (the session is kept in PostgreSQL).
func TestServeOnPostgres(t *testing.T) {
	var out bytes.Buffer
	url := startServe(t, testenv.Postgres(t), true, &out)
	c := webtest.NewClient(url)
	c.Login(t, "demo-clerk", demo.Password)
	res := c.Get(t, "/")
	if res.Status != http.StatusOK || !strings.Contains(res.Body, "2024年") || !strings.Contains(res.Body, demo.Education) {
		t.Errorf("the demo clerk's start page on PostgreSQL lacks the 2024 report: %d", res.Status)
	}
}
