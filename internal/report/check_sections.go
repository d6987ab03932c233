package report

import (
	"fmt"
)

// Rule id of the check of 六's fee notices (docs/checks.md).
const (
	RuleFeeNotices = "W9" // what 一 and 六 say of the fee contradicts itself or （六）2 (check_fee.go)
)

func init() {
	RuleTitles[RuleFeeNotices] = "正文所述信息处理费、收费通知情况前后一致，并与第三部分表格一致"
}

// noNoticeWords are how 六 says no fee notice was issued.
var noNoticeWords = []string{"未发出收费通知", "未发放收费通知", "未出具收费通知", "没有发出收费通知", "未向申请人发出收费通知",
	"未发出信息处理费收费通知", "无收费通知", "未发生收费通知"}

// feeNotices checks 六's words on fee notices against （六）2 both ways:
// applications that lapsed because a fee notice went unpaid mean a
// notice was issued (W9).
func (c *checker) feeNotices() {
	id := c.t.Lookup("requests.other_no_fee.total")
	if id == NoCell || !c.r.Values[id].Filled() || c.r.Values[id].N == 0 {
		return
	}
	for i, para := range Paragraphs(c.r.Narrative.Other) {
		for _, sentence := range sentences(para) {
			if containsAny(Simplify(sentence), noNoticeWords) {
				f := c.add(RuleFeeNotices, Warning, fmt.Sprintf("第六部分写“%s”，但第三部分有%d件申请因逾期未按收费通知要求缴纳费用不再处理", quoteStart(sentence), c.r.Values[id].N), id)
				f.Narrative, f.Para = NarrativeOther, i
				return
			}
		}
	}
}
