package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// RuleTokenProblems is the check of a 第五部分 written as a token
// (docs/checks.md): evaluators mark down a report whose 存在的主要问题及改进情况
// says only "无" or less than a sentence.
const RuleTokenProblems = "W8"

func init() {
	RuleTitles[RuleTokenProblems] = "第五部分写明存在的主要问题及改进情况，不只写“无”"
}

// tokenMin is the fewest characters (punctuation and spaces not counted) a
// 第五部分 needs to be more than a token: one short sentence naming a
// problem and what is done about it.
const tokenMin = 15

// tokenProblems warns where section 五 is written but says no more than
// "无", "暂无" or a few words (W8). A blank section is R8's.
func (c *checker) tokenProblems() {
	text := c.r.Narrative.Problems
	if strings.TrimSpace(text) == "" || len(text) > 4*tokenMin*utf8.UTFMax {
		return
	}
	n := 0
	for _, r := range text {
		if !unicode.IsPunct(r) && !unicode.IsSpace(r) && !unicode.IsSymbol(r) {
			n++
		}
	}
	if n >= tokenMin {
		return
	}
	f := c.add(RuleTokenProblems, Warning, fmt.Sprintf("第五部分只写了“%s”：应写明本年度存在的主要问题和改进情况（上年问题的整改情况也在这里写）", strings.TrimSpace(text)))
	f.Narrative, f.Para = NarrativeProblems, 0
}
