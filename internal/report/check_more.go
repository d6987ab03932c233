package report

import (
	"fmt"
	"strings"
)

// completeness reports blank cells and unwritten sections (R8): a warning in
// a draft, an error in a final check. Cells printed as 不适用 are a warning:
// the format asks for numbers, and the arithmetic counts them as 0.
func (c *checker) completeness() {
	sev := Warning
	if c.opt.Final {
		sev = Error
	}
	var blank, na []CellID
	for id, v := range c.r.Values {
		switch v.State {
		case Blank:
			if _, typed := c.r.Unread[CellID(id)]; !typed { // reported as unreadable already
				blank = append(blank, CellID(id))
			}
		case NotApplicable:
			na = append(na, CellID(id))
		}
	}
	if len(blank) > 0 {
		c.add(RuleComplete, sev, fmt.Sprintf("还有%d个单元格未填写（未发生的请填0），第一个是%s", len(blank), c.t.Cell(blank[0]).Name()), blank...)
	}
	if len(na) > 0 {
		c.add(RuleComplete, Warning, fmt.Sprintf("%d个单元格填的是“不适用”，计算时按0处理，第一个是%s", len(na), c.t.Cell(na[0]).Name()), na...)
	}
	for _, s := range c.t.Sections {
		if s.Narrative == "" || s.Narrative == NarrativeOther {
			continue
		}
		if strings.TrimSpace(c.r.Narrative.Text(s.Narrative)) == "" {
			c.add(RuleComplete, sev, fmt.Sprintf("“%s”部分尚未填写", s.Heading))
		}
	}
}

// feeWords are how section 六 says that the 信息处理费 was (not) collected.
var feeWords = []string{"信息处理费", "資訊處理費", "信息處理費"}

// narrative checks section 六 against the 信息处理费 (W6, and W3 when
// applications lapsed for unpaid fees).
func (c *checker) narrative() {
	other := c.r.Narrative.Other
	mentions := false
	for _, w := range feeWords {
		mentions = mentions || strings.Contains(other, w)
	}
	if mentions {
		return
	}
	if id := c.t.Lookup("requests.other_no_fee.total"); id != NoCell {
		if v := c.r.Values[id]; v.State == Number && v.N > 0 {
			c.add(RuleFeeNarrate, Warning, fmt.Sprintf("第三部分有%d件申请因逾期未缴纳费用不再处理，但第六部分没有说明信息处理费的收取情况", v.N), id)
			return
		}
	}
	c.add(RuleOtherEmpty, Warning, "第六部分“其他需要报告的事项”应说明本年度是否收取信息处理费（如：本年度未收取信息处理费）")
}

// crossYear compares with last year's report: 上年结转 with 结转下年度 (W1)
// and the 现行有效件数 carried over (W5).
func (c *checker) crossYear(last *Report) {
	lt := last.Template()
	now := c.t.Table("requests").Row("carried_over").Cells
	before := lt.Table("requests").Row("carried_forward").Cells
	for ci, id := range now {
		a, b := c.r.Values[id], last.Values[before[ci]]
		if !a.Filled() || !b.Filled() || a.N == b.N {
			continue
		}
		c.add(RuleCarriedOver, Warning, fmt.Sprintf("%s列：本年“二、上年结转”为%d，但%d年报告“四、结转下年度继续办理”为%d，相差%d",
			c.t.Cell(id).ColLabel, a.N, last.Year, b.N, abs(a.N-b.N)), id)
	}
	if last.Format != Format2021 || c.r.Format != Format2021 {
		return
	}
	for _, key := range []string{"rules", "normative_docs"} {
		c.inForce(c.t.Table("active").Row(key), last.Values[lt.Table("active").Row(key).Cells[2]])
	}
}

// inForce checks one row of 第二十条第（一）项, whose cells are issued,
// repealed, in_force, against last year's in_force.
func (c *checker) inForce(row *Row, prev Value) {
	iid, rid, nid := row.Cells[0], row.Cells[1], row.Cells[2]
	issued, repealed, now := c.r.Values[iid], c.r.Values[rid], c.r.Values[nid]
	if !prev.Filled() || !issued.Filled() || !repealed.Filled() || !now.Filled() {
		return
	}
	want := prev.N + issued.N - repealed.N
	if want == now.N {
		return
	}
	c.add(RuleInForce, Warning, fmt.Sprintf("%s：上年现行有效(%d)+本年制发(%d)−本年废止(%d)=%d，但本年现行有效件数为%d，相差%d（如有清理、修订等情况可说明原因）",
		row.Label, prev.N, issued.N, repealed.N, want, now.N, abs(want-now.N)), nid, iid, rid)
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}
