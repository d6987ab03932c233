package report

import "fmt"

// RuleNotApplicable is the check of cells printed 不适用 or “/” where a
// number is due (docs/checks.md, check 6). Evaluators mark such cells down,
// except in the 规章 row of a body that cannot make 规章: under 立法法 only
// 国务院部门 and the 省、设区的市 governments make 规章, so a 县级以上人民政府部门,
// a 乡镇 or a 街道 rightly prints 不适用 there (and 0 is as good).
const RuleNotApplicable = "W12"

func init() {
	RuleTitles[RuleNotApplicable] = "统计表中应填数字的单元格不填“/”或“不适用”"
}

// noRulesRow is the row of section 二 that a body without the power to
// make 规章 (Options.NoRules) may print as 不适用.
const noRulesRow = "rules"

// isRulesRow reports whether def is a cell of the 规章 row.
func isRulesRow(def *CellDef) bool { return def.Table.Key == "active" && def.Row.Key == noRulesRow }

// notApplicable warns of the cells printed 不适用 that the body's kind
// calls a number for (W12): the format asks for numbers, and the
// arithmetic counts such a cell as 0. It is a warning, draft or final: a
// published report may print it, and a reason may explain it.
func (c *checker) notApplicable() {
	var na []CellID
	rulesRow := false
	for id, v := range c.r.Values {
		if v.State != NotApplicable {
			continue
		}
		def := c.t.Cell(CellID(id))
		if isRulesRow(def) {
			if c.opt.NoRules {
				continue // a body that cannot make 规章 rightly prints 不适用
			}
			rulesRow = true
		}
		na = append(na, CellID(id))
	}
	if len(na) == 0 {
		return
	}
	msg := fmt.Sprintf("%d个单元格填的是“不适用”或“/”，统计表应填数字（未发生的填0），计算时按0处理，第一个是%s", len(na), c.t.Cell(na[0]).Name())
	if rulesRow {
		msg += "。县级以上地方人民政府的“规章”一行也应填数字，没有制发的填0"
	}
	c.add(RuleNotApplicable, Warning, msg, na...)
}
