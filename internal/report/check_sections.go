package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Rule ids of the checks of what a section says (docs/checks.md).
const (
	RuleTokenSection = "W8" // 一 or 五 says only 无, /, 暂无 …, or less than a sentence
	RuleFeeNotices   = "W9" // 六 says no fee notice was issued, but （六）2 counts lapsed fee notices
)

func init() {
	RuleTitles[RuleTokenSection] = "第一、五部分如实写明情况，不以“无”代替"
	RuleTitles[RuleFeeNotices] = "第六部分所述收费通知情况与第三部分表格一致"
}

// tokenWords are what a section holds when it says nothing.
var tokenWords = map[string]bool{"无": true, "暂无": true, "没有": true, "无问题": true, "不适用": true, "/": true, "-": true, "—": true, "略": true}

// minSentence is the fewest characters (punctuation aside) of a section
// that says something: shorter than one plain sentence is a token.
const minSentence = 15

// tokenSections warns of a 第一 or 第五部分 that is written but says nothing
// (W8). An empty one is R8; a 第六部分 of 无 is W6.
func (c *checker) tokenSections() {
	for _, s := range c.t.Sections {
		if s.Narrative != NarrativeOverview && s.Narrative != NarrativeProblems {
			continue
		}
		text := strings.TrimSpace(c.r.Narrative.Text(s.Narrative))
		if text == "" {
			continue
		}
		core := strings.TrimFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
		if !tokenSection(core) {
			continue
		}
		f := c.add(RuleTokenSection, Warning, fmt.Sprintf("“%s”只写了“%s”（%d字），应如实写明本年度情况", s.Heading, quoteStart(text), utf8.RuneCountInString(core)))
		f.Narrative, f.Para = s.Narrative, 0
	}
}

// noNoticeWords are how 六 says no fee notice was issued.
var noNoticeWords = []string{"未发出收费通知", "未发放收费通知", "未出具收费通知", "没有发出收费通知", "未向申请人发出收费通知",
	"未发出信息处理费收费通知", "无收费通知", "未发生收费通知"}

// feeNotices checks 六's words on fee notices against （六）2 both ways:
// applications that lapsed because a fee notice went unpaid mean a
// notice was issued (W9).
func (c *checker) feeNotices() {
	id := c.t.Lookup("requests.other_no_fee.total")
	if id == NoCell || !c.r.Values[id].Filled() || c.r.Values[id].N == 0 {
		return
	}
	for i, para := range Paragraphs(c.r.Narrative.Other) {
		for _, sentence := range sentences(para) {
			if containsAny(Simplify(sentence), noNoticeWords) {
				f := c.add(RuleFeeNotices, Warning, fmt.Sprintf("第六部分写“%s”，但第三部分有%d件申请因逾期未按收费通知要求缴纳费用不再处理", quoteStart(sentence), c.r.Values[id].N), id)
				f.Narrative, f.Para = NarrativeOther, i
				return
			}
		}
	}
}

// tokenSection reports whether a section's text (punctuation trimmed) is a
// token: one of tokenWords, or fewer than minSentence characters besides
// punctuation. It reads no more of the text than it needs.
func tokenSection(core string) bool {
	if len(core) <= len("不适用") && tokenWords[Simplify(core)] {
		return true
	}
	n := 0
	for _, r := range core {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) {
			if n++; n >= minSentence {
				return false
			}
		}
	}
	return true
}
