package report

// CarryOver prefills a new year's report from last year's, each of the
// template's Carried cells from its LastYear cell: 二、上年结转 from last
// year's 四、结转下年度继续办理, column by column, and the 现行有效件数 of
// 规章 and 行政规范性文件 from last year's, as the base the clerk then moves
// on by this year's 制发 and 废止. It returns the cells it filled; computed
// cells, cells already filled, and cells last year left blank (or has not)
// are not touched.
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
	for _, id := range t.Carried {
		def := t.Cell(id)
		if from := lt.Lookup(def.LastYear); !def.Computed && from != NoCell {
			fill(id, last.Values[from])
		}
	}
	return filled
}
