package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
)

func TestIsURL(t *testing.T) {
	cases := []struct {
		in   string
		want bool
	}{
		{"postgres://u@h/db", true},
		{"postgresql://u@h/db?sslmode=disable", true},
		{"POSTGRES://h/db", true},
		{"postgres:///db", true},
		{"postgres:db", true},
		{"mysql://h/db", true},
		{"data/nianbao.db", false},
		{"/var/lib/nianbao/nb.db", false},
		{`C:\data\nb.db`, false},
		{"./a://b.db", false},
		{"nianbao.db", false},
	}
	for _, c := range cases {
		if got := IsURL(c.in); got != c.want {
			t.Errorf("IsURL(%q) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestOpenRefusesURL(t *testing.T) {
	t.Chdir(t.TempDir())
	_, err := Open(context.Background(), "postgres://u@127.0.0.1/nianbao")
	if !errors.Is(err, ErrURLLocation) {
		t.Fatalf("Open(URL) = %v, want ErrURLLocation", err)
	}
	if m, _ := filepath.Glob("*"); len(m) != 0 {
		t.Errorf("Open(URL) created %v", m)
	}
}
