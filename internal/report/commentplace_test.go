package report_test

import (
	"testing"

	"nianbao/internal/report"
)

func TestHasCommentPlace(t *testing.T) {
	r := report.New(report.T2021)
	r.Narrative.Overview = "第一段\n\n第二段"
	tests := []struct {
		place string
		ok    bool
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
		if got := r.HasCommentPlace(tc.place); got != tc.ok {
			t.Errorf("HasCommentPlace(%q) = %v, want %v", tc.place, got, tc.ok)
		}
	}
}

func TestParseCommentPlace(t *testing.T) {
	tests := []struct {
		in   string
		want report.CommentPlace
	}{
		{"", report.CommentPlace{}},
		{"cell:requests.granted.total", report.CommentPlace{Cell: "requests.granted.total"}},
		{"section:三", report.CommentPlace{Section: "三"}},
		{"para:problems:2", report.CommentPlace{Narrative: "problems", Section: "五", Para: 2}},
		{"para:problems:x", report.CommentPlace{Narrative: "problems", Section: "五", Para: -1}},
		// The places the comment form offers read back as what they name.
		{report.SectionPlace("二"), report.CommentPlace{Section: "二"}},
		{report.ParaPlace("overview", 3), report.CommentPlace{Narrative: "overview", Section: "一", Para: 3}},
		{report.CellPlace("requests.new.natural"), report.CommentPlace{Cell: "requests.new.natural"}},
	}
	for _, tc := range tests {
		if got := report.ParseCommentPlace(tc.in); got != tc.want {
			t.Errorf("ParseCommentPlace(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}
