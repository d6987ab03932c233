package public

import (
	"nianbao/views/layout"
)

// DataPage is the open data: the reader's choice of bodies, years and
// tables, and the figures of the chosen reports side by side.
type DataPage struct {
	Frame layout.Page
	// The choice, as options of the form (Selected marks the chosen).
	Bodies []DataOption // bodies with published reports
	Under  []DataOption // bodies with such bodies below them
	Years  []DataOption
	Tables []DataOption
	// Message says why nothing is shown, or what was left out of the
	// choice (in Chinese).
	Message string
	// Series heads the columns: one per report (body and year).
	Series []SeriesHead
	// Rows are the figures: the rates, then each chosen cell.
	Rows []DataRow
	// Total is how many reports the choice holds; the page shows Series,
	// a part of them.
	Total        int
	From, To     int
	PrevURL      string
	NextURL      string
	CSVURL       string
	PermalinkURL string
	BulkYears    []BulkLink
	// Formulas say how the rates are computed, in the template's words.
	Formulas string
}

// DataOption is one choice of the form.
type DataOption struct {
	Value, Label string
	Selected     bool
}

// SeriesHead names a column: a report of a body and a year.
type SeriesHead struct {
	Label string
	URL   string // the published revision
}

// DataRow is a line of figures: a rate or a cell, named by its section,
// row and column.
type DataRow struct {
	Group  string // 比率, 第二部分 …
	Label  string
	Rate   bool
	Values []DataValue
}

// DataValue is one figure as shown. A blank cell is shown as 空白, set
// apart from 0 and 不适用.
type DataValue struct {
	Text string
	// Blank is an empty cell of the report (or an undefined rate).
	Blank bool
}

// BulkLink is a year's bulk files.
type BulkLink struct {
	Year            int
	CSVURL, JSONURL string
}
