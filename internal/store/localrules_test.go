package store_test

import (
	"errors"
	"strings"
	"testing"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
)

func TestLocalRules(t *testing.T) { eachDB(t, testLocalRules) }

// testLocalRules: rules set for a city hold for a bureau two levels below;
// a county's own rules take over for the bodies below the county, and
// removing them gives the city's back; the kind is the body's own.
func testLocalRules(t *testing.T, open opener) {
	s := open(t)
	ctx := t.Context()
	body := func(parent int64, name string, kind org.Kind) int64 {
		b, err := s.CreateBody(ctx, store.Body{ParentID: parent, Name: name, Kind: kind}, 0)
		if err != nil {
			t.Fatal(err)
		}
		return b.ID
	}
	city := body(0, "某市人民政府", org.LocalGovernment)
	county := body(city, "某县人民政府", org.LocalGovernment)
	bureau := body(county, "某县教育局", org.Department)
	other := body(0, "另一市人民政府", org.LocalGovernment)
	want := func(step string, body int64, from int64, max int, items string, kind org.Kind) {
		t.Helper()
		cs, err := s.CheckSettings(ctx, body)
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		if cs.RulesFrom != from || cs.Local.OverviewMax != max || strings.Join(cs.Local.OverviewItems, "|") != items || cs.Kind != kind {
			t.Errorf("%s: body %d has %+v, want rules of %d (%d, %q), kind %s", step, body, cs, from, max, items, kind)
		}
	}
	want("nothing set", bureau, 0, 0, "", org.Department)
	if err := s.SetLocalRules(ctx, city, report.LocalRules{OverviewMax: 1000, OverviewItems: []string{"政策解读", "政府网站"}}, 0); err != nil {
		t.Fatal(err)
	}
	want("the city's", bureau, city, 1000, "政策解读|政府网站", org.Department)
	want("the city itself", city, city, 1000, "政策解读|政府网站", org.LocalGovernment)
	want("another tree", other, 0, 0, "", org.LocalGovernment)
	if cs, _ := s.CheckSettings(ctx, bureau); cs.Local.From != "某市人民政府" {
		t.Errorf("rules from %q", cs.Local.From)
	}
	if err := s.SetLocalRules(ctx, county, report.LocalRules{OverviewItems: []string{"政务公开专区"}}, 0); err != nil {
		t.Fatal(err)
	}
	want("the county's", bureau, county, 0, "政务公开专区", org.Department)
	want("the city unchanged", city, city, 1000, "政策解读|政府网站", org.LocalGovernment)
	if err := s.SetLocalRules(ctx, county, report.LocalRules{}, 0); err != nil {
		t.Fatal(err)
	}
	want("the county's removed", bureau, city, 1000, "政策解读|政府网站", org.Department)
	if _, err := s.CheckSettings(ctx, 9999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a missing body: %v", err)
	}
	if err := s.SetLocalRules(ctx, 9999, report.LocalRules{OverviewMax: 5}, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("rules for a missing body: %v", err)
	}
}
