package rollup

import "nianbao/internal/report"

// Refreshed says what taking new sums into a summary did.
type Refreshed struct {
	// Updated are the cells set to their new sum.
	Updated []report.CellID
	// Kept are the cells the office had changed by hand (they differed
	// from the sums taken before), left as they were although their sum
	// changed.
	Kept []report.CellID
}

// Refresh takes new sums into a summary r: each cell the office left as the
// old sum (or, at the first take, left blank) becomes its new sum; a cell
// it changed by hand — an override, or a number or text typed that the
// sums never held — keeps what was typed, and its difference from the new
// sum is then a finding (W40) that wants its reason. The totals are
// computed again; the texts are never touched. old is nil at the first
// take.
func Refresh(r *report.Report, old, sums []report.Value) Refreshed {
	var res Refreshed
	t := r.Template()
	for id := range r.Values {
		cell := report.CellID(id)
		if t.Cell(cell).Computed || r.Values[id] == sums[id] {
			continue
		}
		if byHand(r, cell, old) {
			res.Kept = append(res.Kept, cell)
			continue
		}
		r.Values[id] = sums[id]
		res.Updated = append(res.Updated, cell)
	}
	report.FillTotals(r)
	return res
}

// byHand reports whether the office changed a cell from the sum it was
// given: a text typed that is not a number, a value that is not the old
// sum, or, before any sums, anything at all.
func byHand(r *report.Report, id report.CellID, old []report.Value) bool {
	if _, typed := r.Unread[id]; typed {
		return true
	}
	if old == nil {
		return r.Values[id].State != report.Blank
	}
	return r.Values[id] != old[id]
}
