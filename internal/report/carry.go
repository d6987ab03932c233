package report

// CarryOver prefills a new year's report from last year's: 二、上年结转 from
// last year's 四、结转下年度继续办理, column by column, and the 现行有效件数
// of 规章 and 行政规范性文件 from last year's, as the base the clerk then
// moves on by this year's 制发 and 废止. It returns the cells it filled;
// cells already filled, and cells last year left blank, are not touched.
func CarryOver(last, r *Report) []CellID {
	var filled []CellID
	fill := func(to CellID, v Value) {
		if to == NoCell || r.Values[to].State != Blank || v.State != Number {
			return
		}
		r.Values[to] = v
		filled = append(filled, to)
	}
	t, lt := r.Template(), last.Template()
	now := t.Table("requests").Row("carried_over")
	before := lt.Table("requests").Row("carried_forward")
	for ci, id := range now.Cells {
		if !t.Cell(id).Computed {
			fill(id, last.Values[before.Cells[ci]])
		}
	}
	if lt.Table("active") != nil && t.Table("active") != nil {
		for _, key := range []string{"rules", "normative_docs"} {
			from := lt.Lookup("active." + key + ".in_force")
			fill(t.Lookup("active."+key+".in_force"), last.Values[from])
		}
	}
	return filled
}
