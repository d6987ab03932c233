package report

// ReasonHints are the examples shown in the reason box of each warning
// when a report is submitted: the kind of reason that would explain that
// rule's warning. Every warning rule has one (TestEveryWarningHasAHint), so
// the box never offers another rule's excuse.
var ReasonHints = map[string]string{
	RuleComplete:         "如：该项数据尚在核实，提交前补填",
	RuleNotApplicable:    "如：本机关没有该项业务，故填“不适用”",
	RuleCarriedOver:      "如：上年报告的结转件数有误，本年按台账实际结转件数填写",
	RuleNarrativeTables:  "如：正文所写数字的统计口径与表格不同（如含上年结转），已核对无误",
	RuleFeeNarrate:       "如：相关收费通知于上年度发出，本年度未收取信息处理费",
	RuleNarrativeReviews: "如：正文所写复议、诉讼件数含上年结转案件",
	RuleInForce:          "如：本年开展规章清理，部分文件宣布失效，未计入本年废止件数",
	RuleOtherEmpty:       "如：本机关本年度未收取信息处理费，已在第六部分补充说明",
	RuleYear:             "如：此处引用的是上年度的情况，不是本年度",
	RuleTokenProblems:    "如：本年度确无需要报告的问题，已向领导报告",
	RuleFeeNotices:       "如：所写“未发出收费通知”指本年度，相关通知于上年度发出",
	RuleCopied:           "如：该部分工作与上年相同，文字已核对，适用于本年度",
	RuleStructure:        "如：按本地区统一要求，第六部分标题另有写法",
	RuleSummaryDiffers:   "如：两个单位联合办理的申请只计1次",
	RuleSummaryMissing:   "如：该单位本年度已撤并，其数据计入承接单位",
	RuleSummaryStale:     "如：该单位的修改不影响汇总数，经核对无误",
	RuleSummaryPreface:   "如：汇总范围已在标题中写明",
}

// ReasonHint is the example for the reason box of a warning of this rule,
// or a plain request for a rule without one.
func ReasonHint(rule string) string {
	if h, ok := ReasonHints[rule]; ok {
		return h
	}
	return "请说明原因"
}
