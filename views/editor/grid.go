package editor

import (
	"sync"

	"nianbao/internal/report"
)

// cellDOM is what the page writes for each cell of a template, computed
// once per template (templates never change): the live check writes every
// cell's mark and total on each keystroke.
type cellDOM struct {
	input, mark, aria, totalAria []string
	// col is the cell's place among the value cells of its layout row.
	col []int
}

var doms sync.Map // *report.Template → *cellDOM

func domOf(t *report.Template) *cellDOM {
	if d, ok := doms.Load(t); ok {
		return d.(*cellDOM)
	}
	n := len(t.Cells)
	d := &cellDOM{input: make([]string, n), mark: make([]string, n), aria: make([]string, n),
		totalAria: make([]string, n), col: make([]int, n)}
	for i := range t.Cells {
		def := &t.Cells[i]
		d.input[i], d.mark[i] = InputID(def.Path), MarkID(def.Path)
		d.aria[i] = def.AriaLabel()
		d.totalAria[i] = d.aria[i] + "（自动计算）"
	}
	for _, tb := range t.Tables {
		for _, row := range tb.Layout.Body {
			c := 0
			for _, g := range row {
				if g.IsValue() {
					d.col[g.Cell] = c
					c++
				}
			}
		}
	}
	doms.Store(t, d)
	return d
}

func valueIndex(t *report.Template, id report.CellID) int { return domOf(t).col[id] }

func inputMode(k report.Kind) string {
	if k == report.AmountWan {
		return "decimal"
	}
	return "numeric"
}

// caption names a table for screen readers: its section heading.
func caption(p *Page, tb *report.Table) string {
	for _, s := range p.tmpl().Sections {
		if s.Table == tb {
			return s.Heading
		}
	}
	return tb.Key
}
