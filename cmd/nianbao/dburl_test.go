package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatabaseURLIsNeverAFileName: a PostgreSQL URL given to --db or
// NIANBAO_DB is refused in words by every command that opens the database,
// and nothing is created in the working folder (before, migrate made a
// SQLite file in a folder named "postgres:").
func TestDatabaseURLIsNeverAFileName(t *testing.T) {
	urls := []string{"postgres://nianbao@127.0.0.1/nianbao", "postgresql://u:p@db.example/nianbao?sslmode=disable", "postgres:///nianbao"}
	commands := []struct {
		name  string
		stdin string
		args  []string
	}{
		{"migrate", "", []string{"migrate"}},
		{"serve", "", []string{"serve", "--addr", "127.0.0.1:0"}},
		{"user add", "long-enough-1\n", []string{"user", "add", "--username", "root", "--role", "admin", "--body", "某市人民政府", "--password-stdin"}},
		{"user disable", "", []string{"user", "disable", "--username", "root"}},
		{"backup", "", []string{"backup", "out.db"}},
	}
	for _, u := range urls {
		for _, c := range commands {
			for _, via := range []string{"flag", "env"} {
				t.Run(c.name+"/"+via+"/"+u, func(t *testing.T) {
					dir := t.TempDir()
					t.Chdir(dir)
					args, environ := c.args, map[string]string{}
					if via == "flag" {
						args = append(append([]string{c.args[0]}, verbOf(c.args)...), "--db", u)
						args = append(args, c.args[1+len(verbOf(c.args)):]...)
					} else {
						environ["NIANBAO_DB"] = u
					}
					code, out, errOut := runEnv(t, c.stdin, environ, args...)
					if code != 1 {
						t.Errorf("exit code %d, want 1; stdout %q stderr %q", code, out, errOut)
					}
					if !strings.Contains(errOut, "是网址（URL）") || !strings.Contains(errOut, u) {
						t.Errorf("stderr does not say the URL is refused:\n%s", errOut)
					}
					entries, err := os.ReadDir(dir)
					if err != nil {
						t.Fatal(err)
					}
					for _, e := range entries {
						t.Errorf("%s created %s in the working folder", c.name, filepath.Join(dir, e.Name()))
					}
				})
			}
		}
	}
}

// verbOf returns the sub-command word of a two-word command ("user add").
func verbOf(args []string) []string {
	if args[0] == "user" {
		return args[1:2]
	}
	return nil
}
