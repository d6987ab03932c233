package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/store"
)

func openStore(t *testing.T, path string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestUserCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "nb.db")
	steps := []struct {
		name  string
		stdin string
		args  []string
		code  int
		out   string
	}{
		{"clerk before any body", "long-enough-1\n", []string{"user", "add", "--db", db, "--username", "zhang", "--role", "clerk", "--body", "某局", "--password-stdin"}, 1, "没有名为"},
		{"first admin makes the root", "long-enough-1\n", []string{"user", "add", "--db", db, "--username", "root", "--role", "admin", "--body", "某市人民政府", "--password-stdin"}, 0, "授予"},
		{"clerk of the root", "另一个足够长的密码\r\n", []string{"user", "add", "--db", db, "--username", "zhang", "--role", "clerk", "--body", "某市人民政府", "--password-stdin"}, 0, ""},
		{"bad role", "", []string{"user", "add", "--db", db, "--username", "li", "--role", "boss", "--body", "1"}, 1, "--role"},
		{"new user without password", "", []string{"user", "add", "--db", db, "--username", "li", "--role", "clerk", "--body", "1"}, 1, "--password-stdin"},
		{"short password", "short\n", []string{"user", "add", "--db", db, "--username", "li", "--role", "clerk", "--body", "1", "--password-stdin"}, 1, "至少8个字符"},
		{"existing user gets a role", "", []string{"user", "add", "--db", db, "--username", "zhang", "--role", "reviewer", "--body", "1"}, 0, ""},
		{"no such body", "", []string{"user", "add", "--db", db, "--username", "zhang", "--role", "reviewer", "--body", "99"}, 1, "no such"},
		{"passwd", "a-new-password\n", []string{"user", "passwd", "--db", db, "--username", "zhang", "--password-stdin"}, 0, ""},
		{"passwd unknown user", "a-new-password\n", []string{"user", "passwd", "--db", db, "--username", "nobody", "--password-stdin"}, 1, "no such"},
		{"disable", "", []string{"user", "disable", "--db", db, "--username", "zhang"}, 0, "停用"},
		{"no username", "", []string{"user", "disable", "--db", db}, 2, "Usage"},
		{"unknown verb", "", []string{"user", "remove"}, 2, "user passwd"},
	}
	for _, s := range steps {
		code, out := runIn(t, s.stdin, s.args...)
		if code != s.code || !strings.Contains(out, s.out) {
			t.Errorf("%s: exit %d, want %d; output %q should contain %q", s.name, code, s.code, out, s.out)
		}
	}
	st := openStore(t, db)
	u, err := st.UserByUsername(context.Background(), "zhang")
	if err != nil || !u.Disabled || !auth.CheckPassword(u.PasswordHash, "a-new-password") {
		t.Errorf("zhang after the commands: %+v, %v", u, err)
	}
	if g, _ := st.Grants(context.Background(), u.ID); len(g) != 2 {
		t.Errorf("zhang's roles: %v", g)
	}
	if n, _ := st.UserCount(context.Background()); n != 2 {
		t.Errorf("%d users, want 2", n)
	}
	if code, _ := runIn(t, "", "user", "enable", "--db", db, "--username", "zhang"); code != 0 {
		t.Error("enable failed")
	}
}

func TestHelpIsBilingual(t *testing.T) {
	for _, args := range [][]string{{"user", "--help"}, {"user", "add", "--help"}, {"backup", "--help"}, {"--help"}} {
		code, out := runIn(t, "", args...)
		if code != 0 || !strings.Contains(out, "用法") || !strings.Contains(out, "Usage") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
}

func TestBackupCommand(t *testing.T) {
	dir := t.TempDir()
	db, copyPath := filepath.Join(dir, "nb.db"), filepath.Join(dir, "backup.db")
	if code, out := runIn(t, "", "backup", "--db", db, copyPath); code != 1 || !strings.Contains(out, "找不到数据库") {
		t.Errorf("backup of a missing database: exit %d, %q", code, out)
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("backup created the missing database")
	}
	runIn(t, "long-enough-1\n", "user", "add", "--db", db, "--username", "root", "--role", "admin", "--body", "某市", "--password-stdin")
	if code, out := runIn(t, "", "backup", "--db", db, copyPath); code != 0 {
		t.Fatalf("backup: exit %d, %q", code, out)
	}
	if code, _ := runIn(t, "", "backup", "--db", db, copyPath); code != 1 {
		t.Error("backup overwrote an existing file")
	}
	st := openStore(t, copyPath)
	if n, _ := st.UserCount(context.Background()); n != 1 {
		t.Errorf("the backup has %d users, want 1", n)
	}
}
