package rollup

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/report"
)

// The compact form of a report's numbers, which the store keeps for every
// counted report and every part of a summary, so that summing a region of
// thousands of bodies reads a few hundred bytes per body instead of
// decoding its JSON: the values in template order, comma-separated, a blank
// as nothing, 不适用 as "-", a count as an integer, an amount in whole 元.
const naCell = "-"

// Encode writes values in the compact form.
func Encode(values []report.Value) string {
	var b strings.Builder
	b.Grow(len(values) * 3)
	for i, v := range values {
		if i > 0 {
			b.WriteByte(',')
		}
		switch v.State {
		case report.Number:
			b.WriteString(strconv.FormatInt(v.N, 10))
		case report.NotApplicable:
			b.WriteString(naCell)
		}
	}
	return b.String()
}

// Decode reads the compact form of a report in template t.
func Decode(t *report.Template, cells string) ([]report.Value, error) {
	out := make([]report.Value, 0, len(t.Cells))
	err := each(cells, func(_ int, v report.Value) { out = append(out, v) })
	if err != nil {
		return nil, err
	}
	if len(out) != len(t.Cells) {
		return nil, fmt.Errorf("rollup: %d values, the template has %d cells", len(out), len(t.Cells))
	}
	return out, nil
}

// each calls fn with every value of the compact form, in order.
func each(cells string, fn func(i int, v report.Value)) error {
	i := 0
	for start := 0; start <= len(cells); i++ {
		end := strings.IndexByte(cells[start:], ',')
		if end < 0 {
			end = len(cells)
		} else {
			end += start
		}
		v, err := field(cells[start:end])
		if err != nil {
			return fmt.Errorf("rollup: value %d: %w", i, err)
		}
		fn(i, v)
		start = end + 1
	}
	return nil
}

// field reads one value of the compact form.
func field(s string) (report.Value, error) {
	switch s {
	case "":
		return report.Value{}, nil
	case naCell:
		return report.Value{State: report.NotApplicable}, nil
	}
	neg := s[0] == '-'
	digits := s
	if neg {
		digits = s[1:]
	}
	var n int64
	for j := 0; j < len(digits); j++ {
		c := digits[j]
		if c < '0' || c > '9' || j >= 18 {
			return report.Value{}, fmt.Errorf("%q is not a whole number", s)
		}
		n = n*10 + int64(c-'0')
	}
	if digits == "" {
		return report.Value{}, fmt.Errorf("%q is not a whole number", s)
	}
	if neg {
		n = -n
	}
	return report.Num(n), nil
}

// nth returns the value of cell id in the compact form, or a blank when
// the form is shorter.
func nth(cells string, id report.CellID) report.Value {
	start := 0
	for range int(id) {
		k := strings.IndexByte(cells[start:], ',')
		if k < 0 {
			return report.Value{}
		}
		start += k + 1
	}
	end := strings.IndexByte(cells[start:], ',')
	if end < 0 {
		end = len(cells) - start
	}
	v, _ := field(cells[start : start+end]) // written by Encode: readable
	return v
}
