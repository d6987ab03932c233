package rollup

import "nianbao/internal/report"

// ChangeKind says how a part changed since the sums were taken.
type ChangeKind uint8

const (
	// Added: the body counts now and did not then (a late body approved,
	// a lower government's summary approved).
	Added ChangeKind = iota + 1
	// Removed: the body counted then and does not now (an approval revoked,
	// or it is now counted through a summary above it).
	Removed
	// Revised: the body's numbers changed (a correction approved).
	Revised
)

// Change is one part that changed since the sums were taken.
type Change struct {
	Body int64
	Name string
	Kind ChangeKind
	// Cells are the cells whose value in this part changed, with the value
	// then (Old) and now (New); for an added or removed part, its filled
	// cells.
	Cells []CellChange
}

// CellChange is one cell of a changed part.
type CellChange struct {
	Cell     report.CellID
	Old, New report.Value
}

// Compare lists the parts that changed between then (the parts the sums
// were taken from) and now, in the order of now (and then, for removed
// ones). Parts whose numbers are the same are not changes, whatever their
// source: a published report whose correction has just begun counts the
// same numbers from its publication.
func Compare(t *report.Template, then, now []Part) []Change {
	before := make(map[int64]*Part, len(then))
	for i := range then {
		before[then[i].Body] = &then[i]
	}
	var out []Change
	seen := make(map[int64]bool, len(now))
	for i := range now {
		p := &now[i]
		seen[p.Body] = true
		old, ok := before[p.Body]
		switch {
		case !ok:
			out = append(out, Change{Body: p.Body, Name: p.Name, Kind: Added, Cells: cellChanges(t, "", p.Cells)})
		case old.Cells != p.Cells:
			out = append(out, Change{Body: p.Body, Name: p.Name, Kind: Revised, Cells: cellChanges(t, old.Cells, p.Cells)})
		}
	}
	for i := range then {
		if p := &then[i]; !seen[p.Body] {
			out = append(out, Change{Body: p.Body, Name: p.Name, Kind: Removed, Cells: cellChanges(t, p.Cells, "")})
		}
	}
	return out
}

// cellChanges lists the cells that differ between two compact forms ("" is
// a part not there: every filled cell of the other differs).
func cellChanges(t *report.Template, old, cur string) []CellChange {
	ov, nv := valuesOrBlank(t, old), valuesOrBlank(t, cur)
	var out []CellChange
	for id := range ov {
		if ov[id] != nv[id] {
			out = append(out, CellChange{Cell: report.CellID(id), Old: ov[id], New: nv[id]})
		}
	}
	return out
}

func valuesOrBlank(t *report.Template, cells string) []report.Value {
	if cells != "" {
		if v, err := Decode(t, cells); err == nil {
			return v
		}
	}
	return make([]report.Value, len(t.Cells))
}
