package history

import (
	"testing"

	"nianbao/internal/report"
)

// TestDescribe: audit entries in words, places by row and column, states
// by their Chinese names; a detail of an unknown shape is shown as stored.
func TestDescribe(t *testing.T) {
	r := report.New(report.T2021)
	d := Describer{Report: r, CommentPlaces: map[int64]string{7: "section:六"}}
	for _, tc := range []struct{ action, detail, want string }{
		{"report.save", "v12", "保存（第12版）"},
		{"report.state", "submit draft→submitted", "状态变更：提交审核，草稿→待审核"},
		{"report.state", "return submitted→returned：第三部分有误：请核对", "状态变更：退回修改，待审核→已退回：第三部分有误：请核对"},
		{"report.state", "correct published→draft：更正件数", "状态变更：发起更正，已发布→草稿：更正件数"},
		{"report.state", "something odd", "状态变更：something odd"},
		{"report.comment", "cell:requests.granted.natural_person：请核对", "提出审核意见：第三部分 （一）予以公开 × 自然人：请核对"},
		{"report.comment", "：整体意见", "提出审核意见：整个报告：整体意见"},
		{"report.comment.resolve", "意见#7", "将审核意见标记为已处理：六、其他需要报告的事项的意见"},
		{"report.comment.resolve", "意见#8", "将审核意见标记为已处理：意见#8"},
		{"report.portal", "第1版：https://example.gov.cn/a", "记录门户网站发布页面：第1版：https://example.gov.cn/a"},
	} {
		if got := d.Describe(tc.action, tc.detail); got != tc.want {
			t.Errorf("Describe(%q, %q) = %q, want %q", tc.action, tc.detail, got, tc.want)
		}
	}
}
