package demo_test

import (
	"context"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"nianbao/internal/demo"
	"nianbao/internal/report"
	"nianbao/internal/store"
)

func TestSeedIsIdempotent(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for i, want := range []bool{true, false} {
		added, err := demo.Seed(ctx, st)
		if err != nil || added != want {
			t.Fatalf("run %d: Seed = %t, %v; want %t", i+1, added, err, want)
		}
	}
	users, _ := st.Users(ctx)
	bodies, _ := st.Bodies(ctx)
	if len(users) != len(demo.Accounts) || len(bodies) != 8 {
		t.Errorf("%d users, %d bodies after two runs", len(users), len(bodies))
	}
}

// TestReportIsHalfFilled: section 二 filled, section 三 about half, totals
// of the filled rows computed, and what is filled adds up.
func TestReportIsHalfFilled(t *testing.T) {
	r, err := demo.Report()
	if err != nil {
		t.Fatal(err)
	}
	filled := map[string]int{}
	total := map[string]int{}
	for _, c := range report.T2021.Cells {
		total[c.Table.Key]++
		if r.Values[c.ID].Filled() {
			filled[c.Table.Key]++
		}
	}
	if filled["active"] != total["active"] {
		t.Errorf("section 二: %d of %d filled", filled["active"], total["active"])
	}
	if f, n := filled["requests"], total["requests"]; f < n/3 || f > 2*n/3 {
		t.Errorf("section 三: %d of %d filled, want about half", f, n)
	}
	if v, _ := r.Get("requests.new_received.total"); v != report.Num(134) {
		t.Errorf("requests.new_received.total = %+v, want 134 (computed)", v)
	}
	for _, f := range report.Check(r, report.Options{}) {
		if f.Severity == report.Error {
			t.Errorf("demo report has an error: %s %s", f.Rule, f.Message)
		}
	}
}

// TestSeedRefusesRealData: demo accounts, whose password is public, are
// never added beside real users.
func TestSeedRefusesRealData(t *testing.T) {
	st, err := store.Open(t.Context(), filepath.Join(t.TempDir(), "real.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, _, err := st.CreateFirstAdmin(t.Context(), store.NewUser{Username: "admin", PasswordHash: "x"},
		store.Body{Name: "某市人民政府", Kind: "local_government"}); err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Seed(t.Context(), st); !errors.Is(err, demo.ErrRealData) {
		t.Errorf("Seed beside a real user: %v", err)
	}
	if users, _ := st.Users(t.Context()); len(users) != 1 {
		t.Errorf("%d users after the refusal", len(users))
	}
}

// TestYearIsLastYearInChina: the demo's year follows the calendar in China,
// where New Year comes eight hours before UTC's.
func TestYearIsLastYearInChina(t *testing.T) {
	for _, tt := range []struct {
		utc  string
		want int
	}{
		{"2026-12-03T08:00:00Z", 2025},
		{"2026-12-31T15:59:59Z", 2025},
		{"2026-12-31T16:00:00Z", 2026},
	} {
		now, _ := time.Parse(time.RFC3339, tt.utc)
		if got := demo.YearBefore(now); got != tt.want {
			t.Errorf("YearBefore(%s) = %d, want %d", tt.utc, got, tt.want)
		}
	}
	r, err := demo.Report()
	if err != nil {
		t.Fatal(err)
	}
	if r.Year != demo.ReportYear || !strings.Contains(r.Title, strconv.Itoa(demo.ReportYear)+"年") {
		t.Errorf("demo report is of %d titled %q, want %d", r.Year, r.Title, demo.ReportYear)
	}
}
