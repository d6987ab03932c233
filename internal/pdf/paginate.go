package pdf

// span is a body cell over several rows (section 三's group labels); its
// label is drawn again on every page the span reaches, so each part of it
// must be tall enough for the label.
type span struct {
	start, end int // rows start..end-1
	need       float64
}

// paginate splits table body rows into pages and returns the first row of
// each page. Rows are never split. h holds the row heights; keep[i] ties
// row i to row i+1. first is the room for body rows on the current page,
// full the room on a fresh page below the repeated header; the caller
// starts the table where its first rows fit. A break inside
// a span moves up to the span's start when the part left above would not
// hold its label; the part carried over is grown (in h) to hold it.
func paginate(h []float64, keep []bool, spans []span, first, full float64) []int {
	starts := []int{0}
	a, y, room := 0, 0.0, first
	for i := 0; i < len(h); {
		need := h[i]
		if keep[i] && (i == 0 || !keep[i-1]) {
			need = chainHeight(h, keep, i)
		}
		if y+need > room+slack && i > a {
			b := breakBefore(i, a, h, keep, spans)
			if b <= a {
				b = i // moving up would empty the page: break here
			}
			starts = append(starts, b)
			a, y, room = b, 0, full
			growContinued(h, spans, a, full)
			i = b
			continue
		}
		y += h[i]
		i++
	}
	return starts
}

// chainHeight is the height of row i and the rows keep ties to it.
func chainHeight(h []float64, keep []bool, i int) float64 {
	sum := 0.0
	for ; i < len(h); i++ {
		sum += h[i]
		if !keep[i] {
			break
		}
	}
	return sum
}

// breakBefore moves a break at row i earlier while it would leave a caption
// row at a page foot or too little of a span above it for the span's
// label; it never moves before a, the first row of the page.
func breakBefore(i, a int, h []float64, keep []bool, spans []span) int {
	b := i
	for moved := true; moved; {
		moved = false
		for b > a && keep[b-1] {
			b, moved = b-1, true
		}
		for _, s := range spans {
			if s.start < b && b < s.end && s.start >= a && sum(h[s.start:b]) < s.need {
				b, moved = s.start, true
			}
		}
	}
	return b
}

// growContinued gives the last row of each span continued onto a page
// starting at row a whatever its label still needs there, as far as the
// page's room allows (a label that still lacks room shows what fits).
func growContinued(h []float64, spans []span, a int, room float64) {
	for _, s := range spans {
		if s.start < a && a < s.end {
			part := sum(h[a:s.end])
			if extra := min(s.need, room) - part; extra > 0 {
				h[s.end-1] += extra
			}
		}
	}
}

func sum(h []float64) float64 {
	t := 0.0
	for _, v := range h {
		t += v
	}
	return t
}
