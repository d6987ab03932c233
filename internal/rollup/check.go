package rollup

import (
	"fmt"
	"strings"

	"nianbao/internal/report"
)

// State is what the summary's rules compare a summary with: the sums as
// taken (nil when they never were), the coverage now, and what changed in
// the parts since the sums were taken.
type State struct {
	Sums     []report.Value
	Coverage Coverage
	Changes  []Change
	// TakenAt says when the sums were taken, in words (for messages).
	TakenAt string
}

// maxNamed bounds the bodies a finding names; the coverage panel lists them
// all.
const maxNamed = 12

// Check runs the summary's rules on a 汇总 report (nothing for a body's own
// report): W40 for each cell that differs from the sum of its parts (its
// reason is the office's, as for any warning: a document issued jointly
// counted once, a case with two defendants counted once); W41 naming the
// bodies whose reports are not counted; W42 when a part changed after the
// sums were taken; W43 when the preface does not say it is a summary. The
// usual arithmetic is report.Check's, on the summed tables as they stand.
func Check(r *report.Report, st State) []report.Finding {
	if !r.Scope.IsSummary() {
		return nil
	}
	t := r.Template()
	var out []report.Finding
	if st.Sums == nil {
		out = append(out, report.NewFinding(t, report.RuleSummaryStale, report.Warning, "尚未取得各单位的汇总数，请点击“更新汇总数”"))
	} else {
		out = append(out, differences(r, st.Sums)...)
	}
	if missing := st.Coverage.Missing(); len(missing) > 0 {
		out = append(out, report.NewFinding(t, report.RuleSummaryMissing, report.Warning, missingMessage(missing)))
	}
	if len(st.Changes) > 0 && st.Sums != nil {
		out = append(out, report.NewFinding(t, report.RuleSummaryStale, report.Warning, staleMessage(st)))
	}
	if !strings.Contains(r.Preface, "汇总") {
		out = append(out, report.NewFinding(t, report.RuleSummaryPreface, report.Warning,
			fmt.Sprintf("前言应说明本报告是汇总%s各单位情况编制的汇总报告", r.Scope.Label())))
	}
	return out
}

// differences is W40: every cell a clerk fills that is not the sum of its
// parts. Totals are left out: they follow from the cells they add up.
func differences(r *report.Report, sums []report.Value) []report.Finding {
	t := r.Template()
	var out []report.Finding
	for id, v := range r.Values {
		def := t.Cell(report.CellID(id))
		if def.Computed || v == sums[id] {
			continue
		}
		msg := fmt.Sprintf("%s：本报告为%s，各单位之和为%s", def.Name(), shown(def, v), shown(def, sums[id]))
		if v.Filled() && sums[id].Filled() {
			msg += fmt.Sprintf("（相差%s）", report.FormatValue(def.Kind, report.Num(abs(v.N-sums[id].N))))
		}
		msg += "；如有联合发文、共同被告等不能简单相加的情况，请写明原因"
		out = append(out, report.NewFinding(t, report.RuleSummaryDiffers, report.Warning, msg, report.CellID(id)))
	}
	return out
}

func shown(def *report.CellDef, v report.Value) string {
	if v.State == report.Blank {
		return "空白"
	}
	return report.FormatValue(def.Kind, v)
}

func missingMessage(missing []Entry) string {
	names := make([]string, 0, maxNamed)
	for i, e := range missing {
		if i == maxNamed {
			break
		}
		names = append(names, e.Name+"（"+e.State.Label()+"）")
	}
	msg := fmt.Sprintf("汇总范围内有%d个单位的报告未计入：%s", len(missing), strings.Join(names, "、"))
	if len(missing) > maxNamed {
		msg += "等"
	}
	return msg + "；审核通过后更新汇总数即可计入，或写明原因"
}

func staleMessage(st State) string {
	names := make([]string, 0, maxNamed)
	for i, c := range st.Changes {
		if i == maxNamed {
			break
		}
		names = append(names, c.Name+"（"+c.Kind.Label()+"）")
	}
	msg := fmt.Sprintf("汇总数于%s取得，此后有%d个单位的报告有变化：%s", st.TakenAt, len(st.Changes), strings.Join(names, "、"))
	if len(st.Changes) > maxNamed {
		msg += "等"
	}
	return msg + "；请更新汇总数"
}

// Label says the kind of change in Chinese.
func (k ChangeKind) Label() string {
	switch k {
	case Added:
		return "新计入"
	case Removed:
		return "不再计入"
	}
	return "数字有变化"
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Preface is the sentence a new summary's preface starts with, saying what
// it sums, so that the printed report says so.
func Preface(org string, scope report.Scope) string {
	switch scope {
	case report.ScopeLevel:
		return fmt.Sprintf("本报告由%s汇总本级（本机关及所属工作部门）政府信息公开工作情况编制而成。", org)
	case report.ScopeRegion:
		return fmt.Sprintf("本报告由%s汇总本行政区域内各有关单位（本级工作部门、所辖下级人民政府及乡镇人民政府、街道办事处）政府信息公开工作情况编制而成。", org)
	}
	return ""
}
