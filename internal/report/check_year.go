package report

import (
	"fmt"
	"strconv"
	"strings"
)

// RuleYear is the check that the text speaks of the report's year as
// 本年: a report copied from last year's keeps last year's year in its
// title, its opening or its 本年 sentences (docs/checks.md).
const RuleYear = "W7"

func init() {
	RuleTitles[RuleYear] = "标题和正文所称本年度与报告年度一致"
}

// yearAt is a year a text names (2022年) and its byte offset.
type yearAt struct {
	year, at int
}

// yearsIn finds the years (1900–2099, four digits before 年) a text names
// outside titles in 《》.
func yearsIn(s string) []yearAt {
	s = blankTitles(s)
	var out []yearAt
	for off := 0; ; {
		i := strings.Index(s[off:], "年")
		if i < 0 {
			return out
		}
		at := off + i
		if at >= 4 && allDigits(s[at-4:at]) && (at == 4 || s[at-5] < '0' || s[at-5] > '9') {
			if n, _ := strconv.Atoi(s[at-4 : at]); n >= 1900 && n < 2100 {
				out = append(out, yearAt{n, at - 4})
			}
		}
		off = at + len("年")
	}
}

// sinceWords after a year make it the start of a period (2021年以来), not
// the year the text speaks of.
var sinceWords = []string{"以来", "至今", "起", "至", "到", "—", "-", "～", "~"}

// pastWords make a sentence speak of last year as last year.
var pastWords = []string{"上年", "去年", "上一年", "同比", "较", "比", "以来", "对比", "相比", "前"}

// thisYearWords are how a sentence speaks of the report's year.
var thisYearWords = []string{"本年", "今年", "本年度", "全年"}

// years checks the title, the preface and the narrative for last year's
// year used as this year's (W7). Only last year's year is taken as a slip:
// a later year is a plan (2023年，我们将…), an earlier one history.
func (c *checker) years() {
	y := c.r.Year
	if y == 0 {
		return
	}
	if ys := yearsIn(c.r.Title); len(ys) > 0 && !hasYear(ys, y) {
		f := c.add(RuleYear, Warning, fmt.Sprintf("标题写的是%d年，报告年度是%d年", ys[0].year, y))
		f.Field = FieldTitle
	}
	for _, sentence := range sentences(strings.ReplaceAll(c.r.Preface, "\n", "。")) {
		if containsAny(Simplify(sentence), []string{"现将", "本报告", "本年度报告"}) && c.lastYearAsThis(sentence, true) {
			f := c.add(RuleYear, Warning, fmt.Sprintf("前言写“%s”，报告年度是%d年", excerptYear(sentence), y))
			f.Field = FieldPreface
		}
	}
	last := strconv.Itoa(y - 1)
	wide := strings.Map(func(r rune) rune { return r - '0' + '０' }, last)
	names := func(s string) bool { return strings.Contains(s, last) || strings.Contains(s, wide) }
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		for i, para := range Paragraphs(c.r.Narrative.Text(s.Narrative)) {
			if !names(para) {
				continue
			}
			for _, sentence := range sentences(para) {
				if !names(sentence) {
					continue
				}
				if c.lastYearAsThis(sentence, false) {
					f := c.add(RuleYear, Warning, fmt.Sprintf("第%s部分写“%s”，报告年度是%d年：是否沿用了上年的文字？", s.Number, excerptYear(sentence), y))
					f.Narrative, f.Para = s.Narrative, i
				}
			}
		}
	}
}

// lastYearAsThis reports whether a sentence speaks of last year as this
// year: it opens with last year's year (2021年，我县… / 2021年度未收取…),
// or it says 本年/今年 of last year's year, or 截至 last year's year end;
// thisSense says the sentence speaks of this year anyway (the preface's
// 现将…年度报告).
func (c *checker) lastYearAsThis(sentence string, thisSense bool) bool {
	plain := Simplify(strings.TrimSpace(sentence))
	last := c.r.Year - 1
	ys := yearsIn(plain)
	if len(ys) == 0 || hasYear(ys, c.r.Year) || containsAny(plain, pastWords) {
		return false
	}
	for _, ya := range ys {
		if ya.year != last {
			continue
		}
		after := plain[ya.at+len("2021年"):]
		if hasPrefixAny(after, sinceWords) || hasPrefixAny(strings.TrimPrefix(after, "度"), sinceWords) {
			continue
		}
		before := plain[:ya.at]
		switch {
		case thisSense, ya.at == 0:
			return true
		case strings.HasSuffix(before, "截至") || strings.HasSuffix(before, "截止") || strings.HasSuffix(before, "截止到"):
			return true
		case containsAny(plain, thisYearWords):
			return true
		}
	}
	return false
}

func hasYear(ys []yearAt, y int) bool {
	for _, ya := range ys {
		if ya.year == y {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, words []string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// excerptYear shortens a sentence for a year finding: its start.
func excerptYear(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > quoteMax {
		return string(r[:quoteMax]) + "…"
	}
	return s
}
