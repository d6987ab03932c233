package report

import "strings"

// Claims about 三 without a number: "共收到8份政府信息公开申请，均为自然人申请"
// says the 法人或其他组织 columns of 一 are 0; "无下年度结转" says 四、结转下年度继续办理
// is 0, "无上年结转" the same of 二. They are read as 四's claims are
// (check_reviews.go): a tie whose cells the claim says are 0 (W2).

// rowClaim is a claim of 三 and the cells it says are 0.
type rowClaim struct {
	words []string
	// sentence are words one of which the sentence must hold as well.
	sentence []string
	paths    []string
	label    string
}

var rowClaims = []rowClaim{
	{words: []string{"均为自然人", "全部为自然人", "均系自然人", "都是自然人", "均由自然人", "全部来自自然人", "均来自自然人"},
		sentence: []string{"收到", "受理", "新收", "接收"},
		paths:    applicants[len(applicants)-1].of(reqPaths("new_received")),
		label:    "一、本年新收政府信息公开申请数量（法人或其他组织）"},
	{words: []string{"无下年度结转", "无结转下年度", "没有结转下年度", "无结转至下一年", "无结转到下一年", "无转入下年", "未结转下年度", "无需结转下年度"},
		paths: reqPaths("carried_forward"), label: "四、结转下年度继续办理"},
	{words: []string{"无上年结转", "无上年度结转", "上年无结转", "上年度无结转", "没有上年结转"},
		paths: reqPaths("carried_over"), label: "二、上年结转政府信息公开申请数量"},
}

// rowClaimFigure is the figure of every rowClaim tie (its rule).
var rowClaimFigure = statedFigure{rule: RuleNarrativeTables}

// mayRowClaim is a cheap test of whether a text may hold a claim of 三.
func mayRowClaim(s string) bool {
	return containsText(s, "自然人") || containsText(s, "结转") || containsText(s, "結轉")
}

// rowClaimTies appends the claims of 三 a sentence makes (plain: as read).
func rowClaimTies(out []tie, s Section, para int, sentence, plain string, cls []span) []tie {
	for i := range rowClaims {
		rc := &rowClaims[i]
		at, word := -1, ""
		for _, w := range rc.words {
			if j := strings.Index(plain, w); j >= 0 && (at < 0 || j < at) {
				at, word = j, w
			}
		}
		if at < 0 || rc.sentence != nil && (!containsAny(plain[:at], rc.sentence) || !strings.Contains(plain, "申请")) {
			continue
		}
		cl := clauseAt(cls, at, len(plain))
		out = append(out, tie{section: s, para: para, sentence: excerpt(sentence, plain, cl), fig: &rowClaimFigure,
			claim: word, paths: rc.paths, label: rc.label})
	}
	return out
}
