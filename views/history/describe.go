// Package history shows the audit log of a report in words.
package history

import "strings"

// actionWords names the audit log's actions in Chinese.
var actionWords = map[string]string{
	"report.create":          "新建报告",
	"report.save":            "保存",
	"report.state":           "状态变更",
	"report.comment":         "提出审核意见",
	"report.comment.resolve": "将审核意见标记为已处理",
	"report.publish":         "发布",
	"report.rollup":          "更新汇总数",
	"report.rollup.override": "调整汇总发布数",
}

// workflowWords names the workflow's actions and states.
var workflowWords = strings.NewReplacer(
	"submit ", "提交审核 ", "withdraw ", "撤回 ", "return ", "退回修改 ", "approve ", "审核通过 ",
	"revoke ", "撤销审核 ", "publish ", "发布 ", "correct ", "发起更正 ",
	"draft", "草稿", "submitted", "待审核", "returned", "已退回", "approved", "已审核", "published", "已发布",
)

// Describe says an audit entry in words: 保存（v12）, 状态变更：提交审核 草稿→待审核 …
func Describe(action, detail string) string {
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
		return what + "：" + workflowWords.Replace(detail)
	}
	return what + "：" + detail
}
