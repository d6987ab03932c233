package report_test

import (
	"strings"
	"testing"

	"nianbao/internal/report"
)

// TestEveryWarningHasAHint: each warning rule's reason box has its own
// example, and the example is about that rule (the fee rule's does not
// speak of a 清理, which belongs to the rule on rules in force).
func TestEveryWarningHasAHint(t *testing.T) {
	seen := map[string]string{}
	for rule := range report.RuleTitles {
		if !strings.HasPrefix(rule, "W") {
			continue
		}
		h := report.ReasonHints[rule]
		if h == "" {
			t.Errorf("%s has no reason hint", rule)
			continue
		}
		if other, dup := seen[h]; dup {
			t.Errorf("%s and %s share the hint %q", rule, other, h)
		}
		seen[h] = rule
	}
	for _, tc := range []struct{ rule, has, hasNot string }{
		{report.RuleOtherEmpty, "信息处理费", "清理"},
		{report.RuleInForce, "清理", "信息处理费"},
		{report.RuleCarriedOver, "结转", "清理"},
		{"R99", "请说明原因", "如："},
	} {
		h := report.ReasonHint(tc.rule)
		if !strings.Contains(h, tc.has) || strings.Contains(h, tc.hasNot) {
			t.Errorf("%s: hint %q, want one with %q and without %q", tc.rule, h, tc.has, tc.hasNot)
		}
	}
}
