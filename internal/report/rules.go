package report

import "strings"

// Rule ids are stable: scripts of supervising offices match on them. They
// follow docs/template-2021.md §7.
const (
	RuleRowTotal    = "R1" // 三: 总计 column = sum of the six applicant columns, per row
	RuleColumnTotal = "R2" // 三: （七）总计 = sum of the 21 result rows, per column
	RuleBalance     = "R3" // 三: 一 + 二 = （七） + 四, per column
	RuleRequestsNN  = "R4" // 三: whole numbers ≥ 0
	RuleReviewTotal = "R5" // 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结, per group
	RuleReviewsNN   = "R6" // 四: whole numbers ≥ 0
	RuleActiveNN    = "R7" // 二: counts ≥ 0, fee amount ≥ 0 (four decimals are enforced on input)
	RuleComplete    = "R8" // every cell filled (blank ≠ 0), narrative sections written
	RuleCarriedOver = "W1" // 二、上年结转 (Y) = 四、结转下年度 (Y-1), per column
	RuleFeeNarrate  = "W3" // （六）2 > 0 ⇒ 六 reports the 信息处理费
	RuleInForce     = "W5" // 现行有效 (Y) = 现行有效 (Y-1) + 制发 − 废止
	RuleOtherEmpty  = "W6" // 六 does not say whether 信息处理费 was collected
)

// RuleTitles names each rule in a line, for help pages and the findings panel.
var RuleTitles = map[string]string{
	RuleRowTotal:    "各行“总计”等于各类申请人之和",
	RuleColumnTotal: "“（七）总计”等于各项办理结果之和",
	RuleBalance:     "本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和",
	RuleRequestsNN:  "第三部分各数值为非负整数",
	RuleReviewTotal: "行政复议、行政诉讼“总计”等于各项结果之和",
	RuleReviewsNN:   "第四部分各数值为非负整数",
	RuleActiveNN:    "第二部分各数值不为负",
	RuleComplete:    "各项内容填写完整",
	RuleCarriedOver: "本年“上年结转”与上年报告“结转下年度继续办理”一致",
	RuleFeeNarrate:  "有逾期未缴纳信息处理费的申请时，第六部分说明信息处理费情况",
	RuleInForce:     "现行有效件数与上年报告衔接",
	RuleOtherEmpty:  "第六部分说明信息处理费的收取情况",
}

// Relation is one instance of an arithmetic rule: sum(Plus) = sum(Minus).
// R1 per row, R2 and R3 per column, R5 per group.
type Relation struct {
	Rule  string
	Plus  []CellID
	Minus []CellID
	// Scope names where the relation applies: the row (（一）予以公开行),
	// the column (自然人列) or the group (行政复议).
	Scope string
}

// buildRelations instantiates R1, R2, R3 and R5 from the table structure.
func buildRelations(t *Template) []Relation {
	var rels []Relation
	req := t.Table("requests")
	for _, row := range req.Rows {
		n := len(row.Cells)
		rels = append(rels, Relation{Rule: RuleRowTotal, Plus: row.Cells[: n-1 : n-1], Minus: row.Cells[n-1:],
			Scope: "“" + shortRow(row) + "”行"})
	}
	for ci := range requestsCols {
		scope := requestsCols[ci].label + "列"
		at := func(key string) CellID { return req.Row(key).Cells[ci] }
		var leaves []CellID
		for _, row := range req.Rows {
			if row.Leaf {
				leaves = append(leaves, row.Cells[ci])
			}
		}
		rels = append(rels,
			Relation{Rule: RuleColumnTotal, Plus: leaves, Minus: []CellID{at("handled_total")}, Scope: scope},
			Relation{Rule: RuleBalance, Plus: []CellID{at("new_received"), at("carried_over")},
				Minus: []CellID{at("handled_total"), at("carried_forward")}, Scope: scope})
	}
	for _, row := range t.Table("reviews").Rows {
		n := len(row.Cells)
		scope := row.Label
		if len(row.Groups) > 0 {
			scope = row.Groups[0] + "（" + row.Label + "）"
		}
		rels = append(rels, Relation{Rule: RuleReviewTotal, Plus: row.Cells[: n-1 : n-1], Minus: row.Cells[n-1:], Scope: scope})
	}
	return rels
}

// shortRow is a row's label without its long parenthesis, for scopes:
// （二）部分公开, not the whole counting note.
func shortRow(r *Row) string {
	if r.Leaf && len(r.Groups) > 1 {
		return r.Ref[:strings.Index(r.Ref, "）")+len("）")] + r.Label
	}
	if i := indexRune(r.Label, '（', 1); i > 0 {
		return r.Label[:i]
	}
	return r.Label
}

// indexRune finds the n-th (0-based) occurrence of c in s, or -1.
func indexRune(s string, c rune, n int) int {
	for i, r := range s {
		if r == c {
			if n == 0 {
				return i
			}
			n--
		}
	}
	return -1
}
