package report

import "fmt"

// Format names which official format a report follows.
const (
	// Format2021 is 国办公开办函〔2021〕30号, used from the 2021 report year on.
	Format2021 = "2021"
	// Format2019 is the 试行 format of 国办公开办函〔2019〕60号. nianbao only
	// reads it (import of old reports): sections 三 and 四 are comparable,
	// section 二 is not and is kept aside as legacy data.
	Format2019 = "2019"
)

// CellID indexes a numeric cell of a template; it is the index into
// Report.Values. NoCell marks the absence of a cell.
type CellID int

// NoCell is the CellID of no cell.
const NoCell CellID = -1

// Kind says what a cell holds.
type Kind uint8

const (
	// Count is a whole number of documents, decisions, applications or cases.
	Count Kind = iota
	// AmountWan is a money amount in 万元 with at most four decimals; it is
	// held as whole 元.
	AmountWan
)

// Template is one official format as data: its sections and every numeric
// cell with its labels and JSON key. Templates are built once at start and
// never change; share them freely.
type Template struct {
	Format   string
	Sections []Section
	Tables   []*Table
	Cells    []CellDef
	// Relations are the arithmetic rules of the format, instantiated per row,
	// column or group (R1, R2, R3, R5).
	Relations []Relation
	// Carried are the cells a new year's report takes from last year's
	// (CellDef.LastYear), in the order the clerk is told of them: 三's
	// 上年结转 first, then 二's 现行有效件数.
	Carried []CellID

	byPath   map[string]CellID
	cellRels [][]int
}

// Section is one of the six top-level sections, in printed order.
type Section struct {
	Number  string // 一 … 六
	Heading string // exact official heading, e.g. 一、总体情况
	// Narrative is the JSON key under "narrative" for a text section
	// (overview, problems, other); empty for a table section.
	Narrative string
	// Table is the statistical table of a table section; nil for text.
	Table *Table
	// Placeholder is the usual outline a narrative section's box shows
	// while empty, Tip what the format asks the section to say, Lines the
	// box's height; all empty for a table section.
	Placeholder, Tip string
	Lines            int
	// Variants are headings printed in published reports for this section
	// instead of the official one (variants.go); Keywords must all occur in
	// a short line that starts with the section's number for the importer
	// to take it for the heading.
	Variants []string
	Keywords []string
}

// Table is one statistical table. Its data model is uniform, table → row →
// column, which is also the JSON path (e.g. requests.granted.total); how it
// is printed, with merged headers, is its Layout.
type Table struct {
	Key     string // active, requests, reviews
	Section string // 二, 三, 四
	Rows    []*Row
	Layout  Layout
	// Note is printed text that belongs to the table (section 三's
	// 勾稽关系 note); empty when none.
	Note string
	// Help tells the clerk above the table which of its cells the system
	// computes; empty when it says nothing.
	Help string
}

// Row is a row of the data model: a printed row of sections 二 and 三, or one
// group (行政复议, 未经复议直接起诉, 复议后起诉) of section 四.
type Row struct {
	Key string
	// Label is the row's own printed label, e.g. 1.属于国家秘密.
	Label string
	// Groups are the labels of the merged cells that enclose the row,
	// outermost first, e.g. [三、本年度办理结果 （三）不予公开].
	Groups []string
	// Ref is the short name used inside findings, e.g. 一, （三）1, （七）总计.
	Ref string
	// Cells are the row's cells in printed order.
	Cells []CellID
	// Leaf marks the 21 result rows of section 三 (R2 sums them).
	Leaf bool
	// Landmarks are the distinctive parts of the row's label by which a
	// printed label is recognised whatever else it carries (variants.go).
	Landmarks []string
}

// CellDef describes one numeric cell.
type CellDef struct {
	ID    CellID
	Path  string // dotted JSON path, e.g. requests.granted.natural_person
	Table *Table
	Row   *Row
	// ColKey is the JSON key of the column, e.g. natural_person.
	ColKey string
	// ColLabel is the column's own printed header, e.g. 自然人.
	ColLabel string
	// ColGroups are the headers above ColLabel, outermost first.
	ColGroups []string
	Kind      Kind
	// Computed cells are totals that an authored report fills itself
	// (FillTotals); a report read from outside keeps them as printed.
	Computed bool
	// LastYear is the path of last year's cell this one starts from (a new
	// report is prefilled from it and checked against it; CarryOver, W1,
	// W5), and LastYearHint how the editor names that number; both empty
	// for a cell without one.
	LastYear, LastYearHint string
}

// Cell returns the definition of id. It panics on an id of another template,
// which is a programming error.
func (t *Template) Cell(id CellID) *CellDef { return &t.Cells[id] }

// Lookup returns the cell with the dotted JSON path, or NoCell.
func (t *Template) Lookup(path string) CellID {
	if id, ok := t.byPath[path]; ok {
		return id
	}
	return NoCell
}

// Table returns the table with the JSON key, or nil.
func (t *Template) Table(key string) *Table {
	for _, tb := range t.Tables {
		if tb.Key == key {
			return tb
		}
	}
	return nil
}

// Row returns the row with the key, or nil.
func (tb *Table) Row(key string) *Row {
	for _, r := range tb.Rows {
		if r.Key == key {
			return r
		}
	}
	return nil
}

// RowName is the row's label with its enclosing group, as a clerk would
// name it: （三）不予公开 1.属于国家秘密. Section 三's outer group
// 三、本年度办理结果 and section 二's block captions are left out: the row
// label alone is unambiguous.
func (c *CellDef) RowName() string {
	name := c.Row.Label
	for i := len(c.Row.Groups) - 1; i >= 0; i-- {
		g := c.Row.Groups[i]
		if g == requestsResultsGroup || c.Table.Key == "active" {
			break
		}
		name = g + " " + name
	}
	return name
}

// ColName is the column's header with its parent where the header alone is
// ambiguous (section 四: 行政复议·结果维持).
func (c *CellDef) ColName() string {
	if c.Table.Key == "reviews" {
		return c.Row.Label + "·" + c.ColLabel
	}
	return c.ColLabel
}

// Name is the cell as a clerk would point at it in a message:
// 第三部分（一）予以公开 × 自然人.
func (c *CellDef) Name() string {
	if c.Table.Key == "reviews" {
		return fmt.Sprintf("第%s部分 %s", c.Table.Section, c.ColName())
	}
	return fmt.Sprintf("第%s部分 %s × %s", c.Table.Section, c.RowName(), c.ColName())
}

// AriaLabel names the cell by its full row and column headers, for screen
// readers and the form's aria-label.
func (c *CellDef) AriaLabel() string {
	row := ""
	for _, g := range c.Row.Groups {
		row += g + " "
	}
	row += c.Row.Label
	col := ""
	for _, g := range c.ColGroups {
		col += g + " "
	}
	col += c.ColLabel
	if c.Table.Key == "reviews" {
		return col
	}
	return row + "，" + col
}

// T2021 is the 2021 format, the one reports are written in.
var T2021 = build(Format2021)

// T2019 is the older 2019 format, read by the importer only.
var T2019 = build(Format2019)

// ByFormat returns the template of a format name, or nil.
func ByFormat(format string) *Template {
	switch format {
	case Format2021:
		return T2021
	case Format2019:
		return T2019
	}
	return nil
}
