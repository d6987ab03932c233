package report

import (
	"fmt"
	"strconv"
)

// The rates readers and evaluators compute from a report's tables, named
// as they name them.
const (
	// RateDisclosure is 公开率: （一）予以公开 + （二）部分公开 over （七）总计,
	// of the 总计 column of section 三.
	RateDisclosure = "公开率"
	// RateReviewCorrected is 复议纠错率: 行政复议 结果纠正 over the cases
	// decided (总计 − 尚未审结).
	RateReviewCorrected = "行政复议纠错率"
	// RateLitigationCorrected is 诉讼纠错率: 结果纠正 over the cases decided,
	// of both 行政诉讼 groups together.
	RateLitigationCorrected = "行政诉讼纠错率"
)

// Rate is a ratio of two sums of cells. It is undefined (OK false) when a
// cell it needs is blank or when nothing is below the line.
type Rate struct {
	Name     string
	Num, Den int64
	OK       bool
}

// Percent prints the rate as readers quote it, 85.7%, or "" when undefined.
func (q Rate) Percent() string {
	if !q.OK {
		return ""
	}
	return fmt.Sprintf("%.1f%%", float64(q.Num)*100/float64(q.Den))
}

// Decimal prints the rate as a fraction with four decimals, 0.8571, for
// files; "" when undefined.
func (q Rate) Decimal() string {
	if !q.OK {
		return ""
	}
	return strconv.FormatFloat(float64(q.Num)/float64(q.Den), 'f', 4, 64)
}

// Rates returns the report's rates in a fixed order (RateDisclosure,
// RateReviewCorrected, RateLitigationCorrected); a 2019-format report has
// the same cells for them.
func (r *Report) Rates() []Rate {
	return []Rate{
		r.rate(RateDisclosure, []string{"requests.granted.total", "requests.partly_granted.total"}, nil,
			[]string{"requests.handled_total.total"}, nil),
		r.rate(RateReviewCorrected, []string{"reviews.review.corrected"}, nil,
			[]string{"reviews.review.total"}, []string{"reviews.review.pending"}),
		r.rate(RateLitigationCorrected,
			[]string{"reviews.litigation_direct.corrected", "reviews.litigation_after_review.corrected"}, nil,
			[]string{"reviews.litigation_direct.total", "reviews.litigation_after_review.total"},
			[]string{"reviews.litigation_direct.pending", "reviews.litigation_after_review.pending"}),
	}
}

// RateNames are the names of Rates, in order.
var RateNames = []string{RateDisclosure, RateReviewCorrected, RateLitigationCorrected}

func (r *Report) rate(name string, num, numMinus, den, denMinus []string) Rate {
	q := Rate{Name: name}
	n, ok1 := r.sumPaths(num, numMinus)
	d, ok2 := r.sumPaths(den, denMinus)
	if ok1 && ok2 && d > 0 {
		q.Num, q.Den, q.OK = n, d, true
	}
	return q
}

// sumPaths adds the cells of plus and takes away those of minus; false if
// any is blank or unknown (不适用 counts as 0, as in the rules).
func (r *Report) sumPaths(plus, minus []string) (int64, bool) {
	var s int64
	for i, paths := range [][]string{plus, minus} {
		for _, p := range paths {
			v, ok := r.Get(p)
			if !ok || v.State == Blank {
				return 0, false
			}
			if v.State == Number {
				s += v.N * int64(1-2*i)
			}
		}
	}
	return s, true
}

// RateFormulas says how Rates computes each rate, in the template's own
// labels: 公开率 = （一）予以公开 + （二）部分公开 ÷ （七）总计 …
func RateFormulas(t *Template) string {
	req, rev := t.Table("requests"), t.Table("reviews")
	col := func(tb *Table, row, key string) string {
		for _, id := range tb.Row(row).Cells {
			if c := t.Cell(id); c.ColKey == key {
				return c.ColLabel
			}
		}
		return key
	}
	return fmt.Sprintf("%s = %s + %s ÷ %s；%s、%s = %s ÷（%s − %s）。",
		RateDisclosure, req.Row("granted").Ref, req.Row("partly_granted").Ref, req.Row("handled_total").Ref,
		RateReviewCorrected, RateLitigationCorrected,
		col(rev, "review", "corrected"), col(rev, "review", "total"), col(rev, "review", "pending"))
}
