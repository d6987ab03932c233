package rollup

import (
	"fmt"

	"nianbao/internal/report"
)

// Part is one report that a summary adds up: the body, where its numbers
// come from, and the numbers in the compact form (Encode).
type Part struct {
	Body   int64
	Name   string
	Source Source
	Cells  string
}

// Sum is a summary's numbers, cell by cell, and the parts they add up.
type Sum struct {
	T      *report.Template
	Values []report.Value
	Parts  []Part
	// blank and na count, per cell, the parts that left it blank or
	// printed 不适用.
	blank, na []int32
}

// Add sums the parts cell by cell: a blank in any part makes the cell blank
// (blank is not 0); 不适用 counts as 0, and the cell is 不适用 only when
// every part printed it; with no parts every cell is blank. A part whose
// numbers cannot be read is an error naming it.
func Add(t *report.Template, parts []Part) (*Sum, error) {
	n := len(t.Cells)
	s := &Sum{T: t, Values: make([]report.Value, n), Parts: parts, blank: make([]int32, n), na: make([]int32, n)}
	for _, p := range parts {
		count := 0
		err := each(p.Cells, func(i int, v report.Value) {
			count++
			if i >= n {
				return
			}
			switch v.State {
			case report.Blank:
				s.blank[i]++
			case report.NotApplicable:
				s.na[i]++
			default:
				s.Values[i].N += v.N
			}
		})
		if err == nil && count != n {
			err = fmt.Errorf("%d values, the template has %d cells", count, n)
		}
		if err != nil {
			return nil, fmt.Errorf("rollup: the numbers of %s: %w", p.Name, err)
		}
	}
	for i := range s.Values {
		switch {
		case len(parts) == 0 || s.blank[i] > 0:
			s.Values[i] = report.Value{}
		case int(s.na[i]) == len(parts):
			s.Values[i] = report.Value{State: report.NotApplicable}
		default:
			s.Values[i].State = report.Number
		}
	}
	return s, nil
}

// Contribution is what one part gives to a cell.
type Contribution struct {
	Part  *Part
	Value report.Value
}

// Contributions lists every part's value of a cell, in the parts' order.
func (s *Sum) Contributions(id report.CellID) []Contribution {
	out := make([]Contribution, len(s.Parts))
	for i := range s.Parts {
		out[i] = Contribution{Part: &s.Parts[i], Value: nth(s.Parts[i].Cells, id)}
	}
	return out
}

// BlankIn names the parts that left a cell blank (why its sum is blank).
func (s *Sum) BlankIn(id report.CellID) []string {
	return s.partsWith(id, report.Blank, s.blank)
}

// NotApplicableIn names the parts that printed 不适用 in a cell (counted as 0).
func (s *Sum) NotApplicableIn(id report.CellID) []string {
	return s.partsWith(id, report.NotApplicable, s.na)
}

func (s *Sum) partsWith(id report.CellID, state report.State, counts []int32) []string {
	if counts[id] == 0 {
		return nil
	}
	var names []string
	for _, c := range s.Contributions(id) {
		if c.Value.State == state {
			names = append(names, c.Part.Name)
		}
	}
	return names
}

// Unsummed is a cell the parts could not sum: which parts left it blank.
type Unsummed struct {
	Cell  report.CellID
	Blank []string
}

// Unsummed lists the cells whose sum is blank because a part left them
// blank, in template order.
func (s *Sum) Unsummed() []Unsummed {
	var out []Unsummed
	for id := range s.Values {
		if s.blank[id] > 0 {
			out = append(out, Unsummed{Cell: report.CellID(id), Blank: s.BlankIn(report.CellID(id))})
		}
	}
	return out
}

// Take decides a summary's coverage of the members below root and sums the
// reports that count.
func Take(members []Member, root int64, scope report.Scope) (Coverage, *Sum, error) {
	cov := Cover(members, root, scope)
	sum, err := Add(report.T2021, cov.Parts())
	return cov, sum, err
}

// Summary is the summary report as the sums make it: every cell, totals
// too, the sum of the parts as printed, with the title and the preface
// that say what it sums. It is what `nianbao rollup` writes, and what the
// board's spreadsheet shows for a body that has no 汇总 report yet.
func Summary(org string, year int, scope report.Scope, sum *Sum) *report.Report {
	r := report.New(report.T2021)
	r.Org, r.Year, r.Scope = org, year, scope
	if year != 0 {
		r.Title = report.DefaultTitle(org, year)
	}
	r.Preface = Preface(org, scope)
	copy(r.Values, sum.Values)
	return r
}
