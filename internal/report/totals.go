package report

// FillTotals computes every computed cell of a report authored in the app:
// section 三's 总计 column and （七）总计 row, and section 四's 总计 of each
// group. A total is blank until every cell it adds up is filled, so that
// the rules never judge a half-typed row. A report read from outside (an
// import, a JSON file) is not passed through here: it is checked with its
// totals as printed.
func FillTotals(r *Report) {
	t := r.Template()
	req := t.Table("requests")
	handled := req.Row("handled_total")
	// The （七） row first, column by column, then every row's 总计 (which
	// for （七） is the sum of its applicant columns, the same number as the
	// sum of the leaves' totals).
	for ci, id := range handled.Cells[:len(handled.Cells)-1] {
		var ids []CellID
		for _, row := range req.Rows {
			if row.Leaf {
				ids = append(ids, row.Cells[ci])
			}
		}
		r.Values[id] = sum(r, ids)
	}
	for _, tb := range []*Table{req, t.Table("reviews")} {
		for _, row := range tb.Rows {
			n := len(row.Cells)
			r.Values[row.Cells[n-1]] = sum(r, row.Cells[:n-1])
		}
	}
}

// sum adds the cells; blank if any is blank (not-applicable counts as 0).
func sum(r *Report, ids []CellID) Value {
	var s int64
	for _, id := range ids {
		v := r.Values[id]
		if v.State == Blank {
			return Value{}
		}
		s += v.N
	}
	return Num(s)
}
