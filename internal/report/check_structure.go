package report

import "fmt"

// RuleStructure is the check of a published text's headings
// (docs/checks.md): evaluators mark down a 年报 whose six headings are
// missing, renamed or out of the official order.
const RuleStructure = "W11"

func init() {
	RuleTitles[RuleStructure] = "六个部分的标题齐全、与规定一致并按规定顺序排列"
}

// PrintedHeading is one section's heading as a published text prints it,
// as the importer read it.
type PrintedHeading struct {
	// Line is the heading's line (from 1), 0 when the text has none.
	Line int
	// Text is the heading as printed.
	Text string
	// Renamed: the text prints a heading other than the official one
	// (a variant, or the number and keywords).
	Renamed bool
	// Misplaced: the heading stands before a heading that should come
	// before it.
	Misplaced bool
}

// structure warns of each heading of a published text that is missing,
// out of order or renamed (W11), placed at the heading's line.
func (c *checker) structure(printed *[6]PrintedHeading) {
	for j, h := range printed {
		if j >= len(c.t.Sections) {
			return
		}
		official := c.t.Sections[j].Heading
		var msg string
		switch {
		case h.Line == 0:
			msg = fmt.Sprintf("原文没有第%s部分的标题“%s”", c.t.Sections[j].Number, official)
		case h.Misplaced:
			msg = fmt.Sprintf("第%d行的标题“%s”不在规定的位置：应排在第%s部分", h.Line, h.Text, c.t.Sections[j].Number)
			if j > 0 {
				msg += "，在“" + c.t.Sections[j-1].Heading + "”之后"
			}
		case h.Renamed:
			msg = fmt.Sprintf("第%d行的标题“%s”与规定的“%s”不同", h.Line, h.Text, official)
		default:
			continue
		}
		c.add(RuleStructure, Warning, msg).Line = h.Line
	}
}
