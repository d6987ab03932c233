package review_test

import (
	"testing"

	"nianbao/internal/report"
	"nianbao/views/review"
)

func TestValidAnchor(t *testing.T) {
	r := report.New(report.T2021)
	r.Narrative.Overview = "第一段\n\n第二段"
	tests := []struct {
		anchor string
		ok     bool
	}{
		{"", true},
		{"section:三", true},
		{"section:七", false},
		{"para:overview:1", true},
		{"para:overview:2", false}, // only two paragraphs
		{"para:overview:-1", false},
		{"para:problems:0", false}, // 五 is empty
		{"para:nosuch:0", false},
		{"cell:requests.granted.total", true},
		{"cell:requests.granted.nosuch", false},
		{"whatever", false},
	}
	for _, tc := range tests {
		if got := review.ValidAnchor(r, tc.anchor); got != tc.ok {
			t.Errorf("ValidAnchor(%q) = %v, want %v", tc.anchor, got, tc.ok)
		}
	}
}

func TestParseAnchor(t *testing.T) {
	tests := []struct {
		in   string
		want review.Anchor
	}{
		{"", review.Anchor{}},
		{"cell:requests.granted.total", review.Anchor{Cell: "requests.granted.total"}},
		{"section:三", review.Anchor{Section: "三"}},
		{"para:problems:2", review.Anchor{Narrative: "problems", Section: "五", Para: 2}},
		{"para:problems:x", review.Anchor{Narrative: "problems", Section: "五", Para: -1}},
	}
	for _, tc := range tests {
		if got := review.ParseAnchor(tc.in); got != tc.want {
			t.Errorf("ParseAnchor(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}
