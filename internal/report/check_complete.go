package report

import (
	"fmt"
	"strings"
)

// completeness reports blank cells and unwritten sections (R8): a warning in
// a draft, an error in a final check. Cells printed as 不适用 are W12's
// (check_kind.go).
func (c *checker) completeness() {
	sev := Warning
	if c.opt.Final {
		sev = Error
	}
	var blank []CellID
	for id, v := range c.r.Values {
		if v.State == Blank {
			if _, typed := c.r.Unread[CellID(id)]; !typed { // reported as unreadable already
				blank = append(blank, CellID(id))
			}
		}
	}
	if len(blank) > 0 {
		c.add(RuleComplete, sev, fmt.Sprintf("还有%d个单元格未填写（未发生的请填0），第一个是%s", len(blank), c.t.Cell(blank[0]).Name()), blank...).
			finalError = true
	}
	for _, s := range c.t.Sections {
		if s.Narrative == "" || s.Narrative == NarrativeOther {
			continue
		}
		if strings.TrimSpace(c.r.Narrative.Text(s.Narrative)) == "" {
			c.add(RuleComplete, sev, fmt.Sprintf("“%s”部分尚未填写", s.Heading)).finalError = true
		}
	}
}

// Tally is how many errors and warnings a final check finds. The store
// keeps it with every save, for the status board (which must not read and
// check thousands of reports to show a number each).
type Tally struct{ Errors, Warnings int }

// TallyOf counts findings as a final check reports them, whether they come
// from a final check or a draft's: a draft's blank cells and unwritten
// sections, warnings while drafting, are errors at submission. So the live
// check, which checks a draft once, also gives the tally to save.
func TallyOf(fs []Finding) Tally {
	var t Tally
	for _, f := range fs {
		if f.Severity == Error || f.finalError {
			t.Errors++
		} else {
			t.Warnings++
		}
	}
	return t
}
