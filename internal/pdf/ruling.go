package pdf

import (
	"cmp"
	"math"
	"slices"
)

// ruling collects the ruled lines of one page of a table as unit segments (one
// grid column of a horizontal rule, one row of a vertical rule) and draws
// each once, as long merged lines: a rule drawn twice, once per cell that
// shares it, comes out heavier than the others in most viewers.
type ruling struct {
	h map[hSeg]bool
	v map[vSeg]bool
}

type hSeg struct{ y, x1, x2 float64 }
type vSeg struct{ x, y1, y2 float64 }

// rnd keeps ruled lines computed along different paths at the same place.
func rnd(v float64) float64 { return math.Round(v*1000) / 1000 }

// box adds the edges of a placed cell; ys are the tops of the rows it
// covers on this page, then its bottom. A nil ruling collects nothing.
func (ru *ruling) box(g *grid, c *gridCell, ys []float64) {
	if ru == nil {
		return
	}
	if ru.h == nil {
		ru.h, ru.v = map[hSeg]bool{}, map[vSeg]bool{}
	}
	for col := c.col; col < c.col+c.g.ColSpan; col++ {
		x1, x2 := rnd(g.colX[col]), rnd(g.colX[col+1])
		ru.h[hSeg{rnd(ys[0]), x1, x2}] = true
		ru.h[hSeg{rnd(ys[len(ys)-1]), x1, x2}] = true
	}
	for i := range len(ys) - 1 {
		for _, x := range []float64{g.colX[c.col], g.colX[c.col+c.g.ColSpan]} {
			ru.v[vSeg{rnd(x), rnd(ys[i]), rnd(ys[i+1])}] = true
		}
	}
}

// draw strokes the collected ruled lines, joining segments that touch.
func (ru *ruling) draw(p surface) {
	if ru == nil {
		return
	}
	hs := make([]hSeg, 0, len(ru.h))
	for s := range ru.h {
		hs = append(hs, s)
	}
	slices.SortFunc(hs, func(a, b hSeg) int { return cmpPair(a.y, b.y, a.x1, b.x1) })
	for i := 0; i < len(hs); {
		j, end := i+1, hs[i].x2
		for ; j < len(hs) && hs[j].y == hs[i].y && hs[j].x1 <= end; j++ {
			end = max(end, hs[j].x2)
		}
		p.Line(hs[i].x1, hs[i].y, end, hs[i].y)
		i = j
	}
	vs := make([]vSeg, 0, len(ru.v))
	for s := range ru.v {
		vs = append(vs, s)
	}
	slices.SortFunc(vs, func(a, b vSeg) int { return cmpPair(a.x, b.x, a.y1, b.y1) })
	for i := 0; i < len(vs); {
		j, end := i+1, vs[i].y2
		for ; j < len(vs) && vs[j].x == vs[i].x && vs[j].y1 <= end; j++ {
			end = max(end, vs[j].y2)
		}
		p.Line(vs[i].x, vs[i].y1, vs[i].x, end)
		i = j
	}
}

func cmpPair(a1, b1, a2, b2 float64) int {
	if c := cmp.Compare(a1, b1); c != 0 {
		return c
	}
	return cmp.Compare(a2, b2)
}
