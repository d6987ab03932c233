package editor

import (
	"sync"

	"github.com/a-h/templ"

	"nianbao/internal/report"
)

// valueIndexes maps each cell to its place among the value cells of its
// layout row, per template; computed once, as templates never change.
var valueIndexes sync.Map // *report.Template → []int

func valueIndex(t *report.Template, id report.CellID) int {
	if idx, ok := valueIndexes.Load(t); ok {
		return idx.([]int)[id]
	}
	idx := make([]int, len(t.Cells))
	for _, tb := range t.Tables {
		for _, row := range tb.Layout.Body {
			c := 0
			for _, g := range row {
				if g.IsValue() {
					idx[g.Cell] = c
					c++
				}
			}
		}
	}
	valueIndexes.Store(t, idx)
	return idx[id]
}

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

// thAttrs are a header cell's scope and spans, each only where it applies.
func thAttrs(g report.GridCell) templ.Attributes {
	a := spans(g)
	if g.Scope != "" {
		a["scope"] = g.Scope
	}
	return a
}
