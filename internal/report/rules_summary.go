package report

// The rules of a 汇总 report, which compare it with the reports it sums;
// internal/rollup checks them, because only it knows the parts. Their ids
// are stable, like the others.
const (
	RuleSummaryDiffers = "W40" // a summed cell differs from the sum of its parts, without a reason
	RuleSummaryMissing = "W41" // bodies in scope whose reports are not counted
	RuleSummaryStale   = "W42" // a part changed after the sums were taken
	RuleSummaryPreface = "W43" // the preface does not say the report is a summary
)

func init() {
	RuleTitles[RuleSummaryDiffers] = "汇总数等于各单位之和，不同之处写明原因"
	RuleTitles[RuleSummaryMissing] = "汇总范围内各单位的报告均已计入"
	RuleTitles[RuleSummaryStale] = "汇总数取自各单位的最新报告"
	RuleTitles[RuleSummaryPreface] = "前言说明本报告为汇总报告及汇总范围"
}

// NewFinding makes a finding of a rule checked outside this package (the
// summary's rules), on cells of the template t.
func NewFinding(t *Template, rule string, sev Severity, msg string, cells ...CellID) Finding {
	return Finding{Rule: rule, Severity: sev, Message: msg, Cells: cells, Culprit: NoCell, t: t}
}
