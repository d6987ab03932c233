package report

import "fmt"

// crossYear compares with last year's report: 上年结转 with 结转下年度 (W1)
// the 现行有效件数 carried over (W5) and the text carried over (W10).
func (c *checker) crossYear(last *Report) {
	c.copiedText(last)
	lt := last.Template()
	for _, id := range c.t.Table("requests").Row("carried_over").Cells {
		from := lt.Lookup(c.t.Cell(id).LastYear)
		if from == NoCell {
			continue
		}
		a, b := c.r.Values[id], last.Values[from]
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
		row := c.t.Table("active").Row(key)
		c.inForce(row, last.Values[lt.Lookup(c.t.Cell(row.Cells[2]).LastYear)])
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
