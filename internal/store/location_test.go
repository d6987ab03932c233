package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

// TestDialectOf: a postgres:// URL is PostgreSQL, a path is SQLite, and any
// other URL is refused — never taken for a file name.
func TestDialectOf(t *testing.T) {
	cases := []struct {
		in      string
		want    Dialect
		refused bool
	}{
		{"postgres://u@h/db", Postgres, false},
		{"postgresql://u@h/db?sslmode=disable", Postgres, false},
		{"POSTGRES://h/db", Postgres, false},
		{"postgres:///db", Postgres, false},
		{"postgres:db", "", true},
		{"mysql://h/db", "", true},
		{"data/nianbao.db", SQLite, false},
		{"/var/lib/nianbao/nb.db", SQLite, false},
		{`C:\data\nb.db`, SQLite, false},
		{"nianbao.db", SQLite, false},
	}
	for _, c := range cases {
		got, err := DialectOf(c.in)
		if got != c.want || errors.Is(err, ErrURLLocation) != c.refused {
			t.Errorf("DialectOf(%q) = %q, %v; want %q, refused %v", c.in, got, err, c.want, c.refused)
		}
	}
}

func TestOpenRefusesOtherURL(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := Open(context.Background(), "mysql://u@127.0.0.1/nianbao")
	if !errors.Is(err, ErrURLLocation) {
		t.Fatalf("Open(URL) = %v, want ErrURLLocation", err)
	}
	if m, _ := filepath.Glob("*"); len(m) != 0 {
		t.Errorf("Open(URL) created %v", m)
	}
}
