package report

// build turns the label tables of template2021.go into a Template: rows,
// cells, printed layout and arithmetic relations.
func build(format string) *Template {
	t := &Template{Format: format, byPath: map[string]CellID{}}
	var active *Table
	if format == Format2021 {
		active = t.buildActive()
	}
	requests := t.buildRequests(format)
	reviews := t.buildReviews()
	tables := map[string]*Table{"二": active, "三": requests, "四": reviews}
	narratives := map[string]string{"一": NarrativeOverview, "五": NarrativeProblems, "六": NarrativeOther}
	for i, h := range headings {
		num := []string{"一", "二", "三", "四", "五", "六"}[i]
		n := narratives[num]
		t.Sections = append(t.Sections, Section{Number: num, Heading: h, Narrative: n, Table: tables[num],
			Placeholder: narrativeTexts[n].placeholder, Tip: narrativeTexts[n].tip, Lines: narrativeTexts[n].lines})
	}
	t.linkLastYear()
	addVariants(t)
	t.Relations = buildRelations(t)
	t.cellRels = make([][]int, len(t.Cells))
	for i, rel := range t.Relations {
		for _, id := range append(append([]CellID(nil), rel.Plus...), rel.Minus...) {
			t.cellRels[id] = append(t.cellRels[id], i)
		}
	}
	return t
}

// addCell appends a cell definition and returns its id.
func (t *Template) addCell(tb *Table, r *Row, col column, parents []string, kind Kind, computed bool) CellID {
	id := CellID(len(t.Cells))
	path := tb.Key + "." + r.Key + "." + col.key
	t.Cells = append(t.Cells, CellDef{ID: id, Path: path, Table: tb, Row: r, ColKey: col.key,
		ColLabel: col.label, ColGroups: parents, Kind: kind, Computed: computed})
	t.byPath[path] = id
	r.Cells = append(r.Cells, id)
	return id
}

// buildActive builds section 二: four blocks, each printed as a caption row
// spanning all four columns, a header row and its data rows; a block with one
// value column lets it span the three value columns.
func (t *Template) buildActive() *Table {
	tb := &Table{Key: "active", Section: "二"}
	t.Tables = append(t.Tables, tb)
	lay := Layout{Cols: 4, Widths: []float64{0.31, 0.23, 0.23, 0.23}}
	for bi, b := range activeBlocks {
		capID := idf("active-b%d", bi)
		lay.Body = append(lay.Body, []GridCell{label(capID, b.caption, "colgroup", 1, 4)})
		itemID := idf("active-b%d-item", bi)
		head := []GridCell{label(itemID, ActiveItemHeader, "col", 1, 1)}
		span := 3 / len(b.headers)
		for ci, h := range b.headers {
			head = append(head, label(idf("active-b%d-%s", bi, b.cols[ci]), h, "col", 1, span))
		}
		lay.Body = append(lay.Body, head)
		for _, rk := range b.rows {
			r := &Row{Key: rk[0], Label: rk[1], Groups: []string{b.caption}, Ref: rk[1]}
			tb.Rows = append(tb.Rows, r)
			rowID := "active-r-" + r.Key
			line := []GridCell{label(rowID, r.Label, "row", 1, 1)}
			for ci, ck := range b.cols {
				id := t.addCell(tb, r, column{ck, b.headers[ci]}, nil, b.kind, false)
				line = append(line, value(id, span, capID, idf("active-b%d-%s", bi, ck), rowID))
			}
			lay.Body = append(lay.Body, line)
		}
	}
	tb.Layout = lay
	return tb
}

// buildRequests builds section 三 with its three-row header and the
// three label columns of merged row groups.
func (t *Template) buildRequests(format string) *Table {
	tb := &Table{Key: "requests", Section: "三", Note: requestsNote, Help: requestsHelp}
	t.Tables = append(t.Tables, tb)
	rows := append(append(append([]requestsRow{}, requestsHead...), otherRows(format)...), requestsTail...)

	const appID, legalID = "requests-h-applicants", "requests-h-legal"
	colID := func(k string) string { return "requests-h-" + k }
	note := label("requests-h-note", requestsNote, "", 3, 3)
	note.Note = true
	lay := Layout{Cols: 10, Widths: []float64{0.07, 0.11, 0.27, 0.08, 0.08, 0.08, 0.08, 0.08, 0.07, 0.08}}
	lay.Head = [][]GridCell{
		{note, label(appID, requestsApplicants, "colgroup", 1, 7)},
		{label(colID("natural_person"), "自然人", "col", 2, 1), label(legalID, requestsLegalPersons, "colgroup", 1, 5),
			label(colID("total"), "总计", "col", 2, 1)},
		nil,
	}
	for _, c := range requestsCols[1:6] {
		lay.Head[2] = append(lay.Head[2], label(colID(c.key), c.label, "col", 1, 1))
	}

	groupSpan := map[string]int{}
	results := 0
	for _, rr := range rows {
		groupSpan[rr.group]++
		if rr.level > 0 {
			results++
		}
	}
	seen := map[string]bool{}
	for _, rr := range rows {
		r := &Row{Key: rr.key, Label: rr.label, Ref: rr.ref}
		r.Leaf = rr.level > 0 && rr.key != "handled_total"
		rowID := "requests-r-" + r.Key
		var line []GridCell
		rowHeaders := []string{}
		switch rr.level {
		case 0:
			line = append(line, label(rowID, rr.label, "row", 1, 3))
		case 1, 2:
			r.Groups = append(r.Groups, requestsResultsGroup)
			rowHeaders = append(rowHeaders, "requests-r-results")
			if !seen[requestsResultsGroup] {
				seen[requestsResultsGroup] = true
				line = append(line, label("requests-r-results", requestsResultsGroup, "rowgroup", results, 1))
			}
			if rr.level == 1 {
				line = append(line, label(rowID, rr.label, "row", 1, 2))
				break
			}
			r.Groups = append(r.Groups, rr.group)
			gid := groupID(rr.group)
			rowHeaders = append(rowHeaders, gid)
			if !seen[rr.group] {
				seen[rr.group] = true
				line = append(line, label(gid, rr.group, "rowgroup", groupSpan[rr.group], 1))
			}
			line = append(line, label(rowID, rr.label, "row", 1, 1))
		}
		rowHeaders = append(rowHeaders, rowID)
		tb.Rows = append(tb.Rows, r)
		for ci, c := range requestsCols {
			parents := []string{requestsApplicants}
			colHeaders := []string{appID}
			if ci >= 1 && ci <= 5 {
				parents = append(parents, requestsLegalPersons)
				colHeaders = append(colHeaders, legalID)
			}
			computed := c.key == "total" || r.Key == "handled_total"
			id := t.addCell(tb, r, c, parents, Count, computed)
			hs := append(append(append([]string{}, colHeaders...), colID(c.key)), rowHeaders...)
			line = append(line, value(id, 1, hs...))
		}
		lay.Body = append(lay.Body, line)
	}
	tb.Layout = lay
	return tb
}

func otherRows(format string) []requestsRow {
	if format == Format2019 {
		return requestsOther2019
	}
	return requestsOther2021
}

func groupID(group string) string {
	switch group {
	case groupWithheld:
		return "requests-g-withheld"
	case groupUnavailable:
		return "requests-g-unavailable"
	case groupNotProcessed:
		return "requests-g-not_processed"
	}
	return "requests-g-other"
}

// buildReviews builds section 四: one row of fifteen numbers under a
// three-row header (行政复议 | 行政诉讼 › 未经复议直接起诉 / 复议后起诉).
func (t *Template) buildReviews() *Table {
	tb := &Table{Key: "reviews", Section: "四"}
	t.Tables = append(t.Tables, tb)
	lay := Layout{Cols: 15}
	for range 15 {
		lay.Widths = append(lay.Widths, 1.0/15)
	}
	const revID, litID = "reviews-h-review", "reviews-h-litigation"
	lay.Head = [][]GridCell{{label(revID, reviewsReview, "colgroup", 1, 5), label(litID, reviewsLitigation, "colgroup", 1, 10)}, nil, nil}
	var line []GridCell
	for _, g := range reviewsGroups {
		r := &Row{Key: g.key, Label: g.label, Ref: g.label}
		parents := []string{g.label}
		groupHeaders := []string{revID}
		gid := "reviews-h-" + g.key
		if g.parent != "" {
			r.Groups = []string{g.parent}
			parents = []string{g.parent, g.label}
			groupHeaders = []string{litID, gid}
			lay.Head[1] = append(lay.Head[1], label(gid, g.label, "colgroup", 1, 5))
		}
		tb.Rows = append(tb.Rows, r)
		for _, c := range reviewsCols {
			hid := gid + "-" + c.key
			if g.parent == "" {
				lay.Head[1] = append(lay.Head[1], label(hid, c.label, "col", 2, 1))
			} else {
				lay.Head[2] = append(lay.Head[2], label(hid, c.label, "col", 1, 1))
			}
			id := t.addCell(tb, r, c, parents, Count, c.key == "total")
			line = append(line, value(id, 1, append(append([]string{}, groupHeaders...), hid)...))
		}
	}
	lay.Body = [][]GridCell{line}
	tb.Layout = lay
	return tb
}

// cellRelations returns the indexes of the relations a cell takes part in.
func (t *Template) cellRelations(id CellID) []int { return t.cellRels[id] }

// linkLastYear records where each carried cell comes from: 三's 上年结转
// from last year's 结转下年度继续办理, column by column, and 二's 现行有效件数
// of 规章 and 行政规范性文件 from last year's.
func (t *Template) linkLastYear() {
	link := func(id, from CellID, hint string) {
		if id == NoCell || from == NoCell {
			return
		}
		def := t.Cell(id)
		def.LastYear, def.LastYearHint = t.Cell(from).Path, hint
		t.Carried = append(t.Carried, id)
	}
	if tb := t.Table("requests"); tb != nil {
		now, before := tb.Row("carried_over"), tb.Row("carried_forward")
		for ci, id := range now.Cells {
			link(id, before.Cells[ci], carriedForwardHint)
		}
	}
	if tb := t.Table("active"); tb != nil {
		for _, key := range []string{"rules", "normative_docs"} {
			id := t.Lookup("active." + key + ".in_force")
			link(id, id, inForceHint)
		}
	}
}
