// Package history shows the audit log of a report in words.
package history

import (
	"strconv"
	"strings"

	"nianbao/internal/report"
	"nianbao/internal/workflow"
	"nianbao/views/comments"
)

// actionWords names the audit log's actions in Chinese.
var actionWords = map[string]string{
	"report.create":          "新建报告",
	"report.save":            "保存",
	"report.state":           "状态变更",
	"report.comment":         "提出审核意见",
	"report.comment.resolve": "将审核意见标记为已处理",
	"report.publish":         "发布",
	"report.portal":          "记录门户网站发布页面",
	"report.rollup":          "更新汇总数",
	"report.rollup.override": "调整汇总发布数",
	"report.mark":            "核实提醒",
}

// Describer says a report's audit entries in words. The log stores
// places and states in the app's own spelling (cell:requests.granted.total,
// submit draft→submitted); a clerk reads them as the row and column of the
// table and the states' Chinese names.
type Describer struct {
	// Report names the places of comments (its template's rows and
	// columns, its paragraphs).
	Report *report.Report
	// CommentPlaces maps a comment's id to its place, so that marking it
	// 已处理 says which comment that was.
	CommentPlaces map[int64]string
}

// Describe says an audit entry in words: 保存（第12版）,
// 状态变更：提交审核，草稿→待审核, 提出审核意见：第三部分 … × 自然人：…
func (d Describer) Describe(action, detail string) string {
	what, ok := actionWords[action]
	if !ok {
		what = action
	}
	switch {
	case detail == "":
		return what
	case action == "report.save" || action == "report.create":
		return what + "（" + strings.Replace(detail, "v", "第", 1) + "版）"
	case action == "report.state":
		return what + "：" + stateChange(detail)
	case action == "report.comment":
		place, body, _ := strings.Cut(detail, "：")
		return what + "：" + d.place(place) + "：" + body
	case action == "report.comment.resolve":
		if place, ok := d.resolvedPlace(detail); ok {
			return what + "：" + d.place(place) + "的意见"
		}
	}
	return what + "：" + detail
}

// stateChange says a state change's detail ("return submitted→returned：
// reason") in words: 退回修改，待审核→已退回：reason. A detail of another
// shape is shown as it is.
func stateChange(detail string) string {
	head, note, hasNote := strings.Cut(detail, "：")
	act, states, ok := strings.Cut(head, " ")
	from, to, ok2 := strings.Cut(states, "→")
	label := workflow.Action(act).Label()
	if !ok || !ok2 || label == "" {
		return detail
	}
	out := label + "，" + workflow.State(from).Label() + "→" + workflow.State(to).Label()
	if hasNote {
		out += "：" + note
	}
	return out
}

// place names a comment's place by the table's row and column, the
// section or the paragraph.
func (d Describer) place(place string) string {
	label, _ := comments.PlaceLabel(d.Report, place)
	return label
}

// resolvedPlace is the place of the comment a 已处理 entry ("意见#12")
// names, when that comment is known.
func (d Describer) resolvedPlace(detail string) (string, bool) {
	id, err := strconv.ParseInt(strings.TrimPrefix(detail, "意见#"), 10, 64)
	if err != nil {
		return "", false
	}
	place, ok := d.CommentPlaces[id]
	return place, ok
}
