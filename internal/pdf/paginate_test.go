package pdf

import (
	"slices"
	"testing"

	"nianbao/internal/report"
)

func emptyReport() *report.Report { return report.New(report.T2021) }

func TestPaginate(t *testing.T) {
	ones := func(n int) []float64 { return slices.Repeat([]float64{1}, n) }
	tests := []struct {
		name        string
		h           []float64
		keep        []int // rows tied to the next
		spans       []span
		first, full float64
		want        []int
	}{
		{"fits", ones(5), nil, nil, 5, 10, []int{0}},
		{"plain break", ones(7), nil, nil, 3, 3, []int{0, 3, 6}},
		{"caption rows stay with their first data row", ones(6), []int{2, 3}, nil, 4, 10, []int{0, 2}},
		{"span moves up when too little of it is left", ones(8), nil, []span{{2, 8, 3}}, 4, 10, []int{0, 2}},
		{"span split when enough is left", ones(8), nil, []span{{1, 8, 3}}, 4, 10, []int{0, 4}},
		{"span at the top of its page is split anyway", ones(12), nil, []span{{0, 12, 6}}, 4, 4, []int{0, 4, 8}},
		{"row taller than a page goes alone", []float64{1, 9, 1}, nil, nil, 5, 5, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			keep := make([]bool, len(tt.h))
			for _, k := range tt.keep {
				keep[k] = true
			}
			h := slices.Clone(tt.h)
			got := paginate(h, keep, tt.spans, tt.first, tt.full)
			if !slices.Equal(got, tt.want) {
				t.Errorf("pages start at %v, want %v", got, tt.want)
			}
			for _, s := range got[1:] {
				if keep[s-1] && s-1 > 0 && !slices.Contains(got, s-1) {
					t.Errorf("row %d, tied to %d, ends a page", s-1, s)
				}
			}
		})
	}
}

// TestGrowContinued: the part of a span carried to a new page grows to
// hold its label.
func TestGrowContinued(t *testing.T) {
	h := []float64{1, 1, 1, 1}
	growContinued(h, []span{{0, 4, 3.5}}, 2, 10)
	if want := []float64{1, 1, 1, 2.5}; !slices.Equal(h, want) {
		t.Errorf("heights %v, want %v", h, want)
	}
	growContinued(h, []span{{0, 4, 9}}, 2, 4)
	if want := []float64{1, 1, 1, 3}; !slices.Equal(h, want) {
		t.Errorf("heights %v, want %v (no more than the page holds)", h, want)
	}
}
