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
