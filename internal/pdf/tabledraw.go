package pdf

// drawTable draws a table from the cursor on, over as many pages as it
// needs, repeating the header rows on every page and redrawing the label
// of any row span that continues onto a page.
func (d *renderer) drawTable(g *grid) {
	d.ensure(g.leadHeight())
	headH := g.headHeight()
	h, keep := make([]float64, len(g.body)), make([]bool, len(g.body))
	for i, r := range g.body {
		h[i], keep[i] = r.h, r.keep
	}
	spans := bodySpans(g)
	starts := paginate(h, keep, spans, pageBottom-d.y-headH, pageBottom-marginTop-headH)
	d.pdf.SetLineWidth(ruleWidth)
	d.pdf.SetDrawColor(0, 0, 0)
	for p, a := range starts {
		b := len(h)
		if p+1 < len(starts) {
			b = starts[p+1]
		}
		if p > 0 {
			d.newPage()
		}
		headRows := make([]float64, len(g.head))
		for i, r := range g.head {
			headRows[i] = r.h
		}
		var ru *ruling // a layout draws no lines
		if d.fpdf != nil {
			ru = &ruling{}
		}
		d.drawRows(g, g.head, headRows, 0, len(g.head), ru)
		d.drawRows(g, g.body, h, a, b, ru)
		ru.draw(d.pdf)
	}
}

// bodySpans lists the body cells that span rows.
func bodySpans(g *grid) []span {
	var out []span
	for _, r := range g.body {
		for _, c := range r.cells {
			if c.g.RowSpan > 1 {
				out = append(out, span{c.row, c.row + c.g.RowSpan, c.need})
			}
		}
	}
	return out
}

// drawRows draws rows a..b-1 from the cursor down, with h their heights.
// A cell spanning past b is cut at b; one starting above a and reaching
// into it is drawn again over its part, before the row's own cells so
// that the text keeps its reading order.
func (d *renderer) drawRows(g *grid, rows []*gridRow, h []float64, a, b int, ru *ruling) {
	top := make([]float64, b-a+1)
	top[0] = d.y
	for i := a; i < b; i++ {
		top[i-a+1] = top[i-a] + h[i]
	}
	for i := range a {
		for _, c := range rows[i].cells {
			if end := i + c.g.RowSpan; end > a {
				d.drawCell(g, c, top[0], top[min(end, b)-a]-top[0])
				ru.box(g, c, top[0:min(end, b)-a+1])
			}
		}
	}
	for i := a; i < b; i++ {
		for _, c := range rows[i].cells {
			end := min(i+c.g.RowSpan, b)
			d.drawCell(g, c, top[i-a], top[end-a]-top[i-a])
			ru.box(g, c, top[i-a:end-a+1])
		}
	}
	d.y = top[b-a]
}

// drawCell draws a cell's text, centred vertically; lines that do not fit
// a cut span are left out rather than drawn over a rule.
func (d *renderer) drawCell(g *grid, c *gridCell, y, h float64) {
	x := g.colX[c.col]
	w := g.colX[c.col+c.g.ColSpan] - x
	lh := lineHeight(c.style)
	lines := c.lines
	if fit := int((h - 2*cellPadY + slack) / lh); len(lines) > fit {
		lines = lines[:max(fit, 0)]
	}
	top := y + (h-float64(len(lines))*lh)/2
	for i, ln := range lines {
		d.drawLine(c.style, ln, x+cellPadX, baseline(top+float64(i)*lh, lh, c.style.size), w-2*cellPadX, i == len(lines)-1)
	}
}
