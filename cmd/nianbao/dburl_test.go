package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDatabaseURLIsNeverAFileName: a URL given to --db or NIANBAO_DB is
// never taken for a file name by any command that opens the database: a
// postgres:// URL is connected to (here nothing listens, so the command
// fails saying so), any other URL is refused in words, and nothing is
// created in the working folder (before, migrate made a SQLite file in a
// folder named "postgres:").
func TestDatabaseURLIsNeverAFileName(t *testing.T) {
	urls := []struct{ url, says string }{
		{"postgres://nianbao@127.0.0.1:1/nianbao?connect_timeout=5", "127.0.0.1"},
		{"postgresql://u@127.0.0.1:1/nianbao?sslmode=disable&connect_timeout=5", "127.0.0.1"},
		{"mysql://u@127.0.0.1/nianbao", "是网址（URL）"},
		{"postgres:nianbao", "不是完整的 PostgreSQL 网址"},
	}
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
				t.Run(c.name+"/"+via+"/"+u.url, func(t *testing.T) {
					dir := t.TempDir()
					t.Chdir(dir)
					args, environ := c.args, map[string]string{}
					if via == "flag" {
						args = append(append([]string{c.args[0]}, verbOf(c.args)...), "--db", u.url)
						args = append(args, c.args[1+len(verbOf(c.args)):]...)
					} else {
						environ["NIANBAO_DB"] = u.url
					}
					code, out, errOut := runEnv(t, c.stdin, environ, args...)
					if code != 1 {
						t.Errorf("exit code %d, want 1; stdout %q stderr %q", code, out, errOut)
					}
					if !strings.Contains(errOut, u.says) {
						t.Errorf("stderr does not say %q:\n%s", u.says, errOut)
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
