package ui

import (
	"strconv"

	"github.com/a-h/templ"

	"nianbao/internal/report"
)

// Spans are a grid cell's rowspan and colspan, each only where it exceeds
// one; the editor and the import preview draw report.Layout with them.
func Spans(g report.GridCell) templ.Attributes {
	a := templ.Attributes{}
	if g.RowSpan > 1 {
		a["rowspan"] = strconv.Itoa(g.RowSpan)
	}
	if g.ColSpan > 1 {
		a["colspan"] = strconv.Itoa(g.ColSpan)
	}
	return a
}

// headAttrs are a header cell's scope and spans, each only where it applies.
func headAttrs(g report.GridCell) templ.Attributes {
	a := Spans(g)
	if g.Scope != "" {
		a["scope"] = g.Scope
	}
	return a
}
