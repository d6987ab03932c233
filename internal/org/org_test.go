package org_test

import (
	"testing"
	"time"

	"nianbao/internal/org"
)

func TestDeadline(t *testing.T) {
	tests := []struct {
		kind       org.Kind
		month, day int
		want       string
	}{
		{org.Department, 0, 0, "2025-01-31"},
		{org.LocalGovernment, 0, 0, "2025-03-31"},
		{org.Other, 0, 0, "2025-01-31"},
		{org.Other, 2, 15, "2025-02-15"},
		{org.LocalGovernment, 1, 31, "2025-01-31"},
	}
	for _, tt := range tests {
		got := org.Deadline(tt.kind, 2024, time.Month(tt.month), tt.day).Format(time.DateOnly)
		if got != tt.want {
			t.Errorf("Deadline(%s, 2024, %d/%d) = %s, want %s", tt.kind, tt.month, tt.day, got, tt.want)
		}
	}
	if !org.ValidDeadline(2, 28) || org.ValidDeadline(2, 29) || org.ValidDeadline(4, 31) || org.ValidDeadline(13, 1) {
		t.Error("ValidDeadline is wrong")
	}
}

// TestKindOfName: the kinds guessed from the names published reports are
// signed with, and who of them may make 规章.
func TestKindOfName(t *testing.T) {
	for _, tc := range []struct {
		name  string
		want  org.Kind
		rules bool
	}{
		{"徐州市", org.LocalGovernment, true},
		{"濮阳市人民政府", org.LocalGovernment, true},
		{"郏县人民政府", org.LocalGovernment, true},
		{"天府新城人民政府 ", org.LocalGovernment, true}, // a trailing space, as typed
		{"瑞安市人民政府办公室", org.Department, false},
		{"上海市浦东新区教育局", org.Department, false},
		{"南平市乡村振兴局", org.Department, false},
		{"安丘经济开发区管委会", org.Other, false},
		{"苏州工业园区管理委员会", org.Other, false},
		{"来凤县翔凤镇人民政府", org.Other, false},
		{"民意乡人民政府", org.Other, false},
		{"长春市朝阳区南湖街道办事处", org.Other, false},
		{"静安区石门二路街道", org.Other, false},
		{"广西壮族自治区人民政府", org.LocalGovernment, true},
		{"北京市发展和改革委员会", org.Department, false},
		{"朝阳区城市管理委员会", org.Department, false},
	} {
		got := org.KindOfName(tc.name)
		if got != tc.want || got.MakesRules() != tc.rules {
			t.Errorf("KindOfName(%q) = %s (makes rules %v), want %s (%v)", tc.name, got, got.MakesRules(), tc.want, tc.rules)
		}
	}
}
