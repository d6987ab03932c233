package demo_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"nianbao/internal/demo"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/store"
)

// TestRegionReportsCheckClean: every report of the demo region could be
// approved.
func TestRegionReportsCheckClean(t *testing.T) {
	for _, name := range demo.Counted {
		r := demo.RegionReportOf(name)
		for _, f := range report.Check(r, report.Options{Final: true}) {
			t.Errorf("%s: %s %s", name, f.Rule, f.Message)
		}
	}
}

// TestRegionCanBeSummed: the city's summary of the demo region counts the
// approved and published reports, names the draft and the bodies without
// a report, and counts the jointly issued document twice (the case the
// office overrides).
func TestRegionCanBeSummed(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := demo.Seed(ctx, st); err != nil {
		t.Fatal(err)
	}
	city, _ := st.BodiesNamed(ctx, demo.City)
	ms, err := st.RegionMembers(ctx, city[0].ID, demo.ReportYear)
	if err != nil {
		t.Fatal(err)
	}
	cov, sum, err := rollup.Take(ms, city[0].ID, report.ScopeRegion)
	if err != nil {
		t.Fatal(err)
	}
	var counted, missing []string
	for _, p := range cov.Parts() {
		counted = append(counted, p.Name)
	}
	for _, e := range cov.Missing() {
		missing = append(missing, e.Name+"/"+e.State.Label())
	}
	slices.Sort(counted)
	slices.Sort(missing)
	wantCounted := slices.Sorted(slices.Values(demo.Counted))
	wantMissing := []string{demo.Housing + "/未开始", demo.Education + "/草稿", demo.County + "/未开始"}
	slices.Sort(wantMissing)
	if !slices.Equal(counted, wantCounted) || !slices.Equal(missing, wantMissing) {
		t.Errorf("counted %v, missing %v", counted, missing)
	}
	issued := report.T2021.Lookup("active.normative_docs.issued")
	var want int64
	for _, name := range demo.Counted {
		want += demo.RegionReportOf(name).Values[issued].N
	}
	if got := sum.Values[issued]; got != report.Num(want) {
		t.Errorf("normative documents issued: %v, want %d (the joint one twice)", got, want)
	}
}
