package report

import (
	"fmt"
	"strings"
)

// feeWords are how section 六 says that the 信息处理费 was (not) collected.
var feeWords = []string{"信息处理费", "資訊處理費", "信息處理費"}

// feeNarrative checks section 六 against the 信息处理费 (W6, and W3 when
// applications lapsed for unpaid fees). A 2019-format report (the years
// to 2020) is not asked: the fee's rules are in force from 2021.
func (c *checker) feeNarrative() {
	other := c.r.Narrative.Other
	mentions := false
	for _, w := range feeWords {
		mentions = mentions || strings.Contains(other, w)
	}
	if mentions || c.t.Format == Format2019 {
		return // a 2019-format report (years to 2020) predates the fee (国办函〔2020〕109号, in force 2021)
	}
	if id := c.t.Lookup("requests.other_no_fee.total"); id != NoCell {
		if v := c.r.Values[id]; v.State == Number && v.N > 0 {
			c.add(RuleFeeNarrate, Warning, fmt.Sprintf("第三部分有%d件申请因逾期未缴纳费用不再处理，但第六部分没有说明信息处理费的收取情况", v.N), id)
			return
		}
	}
	c.add(RuleOtherEmpty, Warning, "第六部分“其他需要报告的事项”应说明本年度是否收取信息处理费（如：本年度未收取信息处理费）")
}
