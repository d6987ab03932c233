package report

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// RuleYear is the year check (docs/checks.md): a report whose title,
// statistics period or narrative speaks of another year as its own — the
// mark of a text carried over from last year's report.
const RuleYear = "W7"

func init() {
	RuleTitles[RuleYear] = "标题、统计期限和正文中的“本年”与报告年度一致"
}

// yearAt is a year written in a text (2023年, 二〇二三年) and where it
// starts (byte offset).
type yearAt struct {
	year, start int
	// after is the text right after 年 (or 年度).
	after string
}

// yearsIn finds the years a text writes as four digits right before 年:
// Arabic, full-width or Chinese numeral digits (2023年, ２０２３年, 二〇二三年),
// with the spaces a PDF's text puts around them (2023 年).
func yearsIn(s string) []yearAt {
	var out []yearAt
	eachYear(s, func(y, start, end int) bool {
		after := strings.TrimLeft(s[end:], spaces)
		after = strings.TrimLeft(strings.TrimPrefix(after, "度"), spaces)
		out = append(out, yearAt{year: y, start: start, after: after})
		return true
	})
	return out
}

// otherYearIn reports whether a text writes any year other than y: the
// year check reads no further into a section that does not.
func otherYearIn(s string, y int) bool {
	other := false
	eachYear(s, func(n, _, _ int) bool {
		other = n != y
		return !other
	})
	return other
}

// eachYear calls visit with each year written before a 年 in s, where its
// digits start and where the 年 ends, until visit returns false. It looks
// for 年's last byte (E5 B9 B4), which is rare in Chinese text, where its
// first byte starts a good share of all characters.
func eachYear(s string, visit func(year, start, end int) bool) {
	const b0, b1, b2 = 0xE5, 0xB9, 0xB4 // "年"
	for off := 0; ; {
		i := strings.IndexByte(s[off:], b2)
		if i < 0 {
			return
		}
		end := off + i + 1
		off = end
		at := end - len("年")
		if at < 0 || s[at] != b0 || s[at+1] != b1 {
			continue
		}
		if y, start, ok := yearBefore(s, at); ok && !visit(y, start, end) {
			return
		}
	}
}

const spaces = " \u3000\u00a0"

// yearBefore reads the four-digit year that ends at byte offset end
// (spaces between it and end skipped).
func yearBefore(s string, end int) (year, start int, ok bool) {
	i := len(strings.TrimRight(s[:end], spaces))
	for k := 0; k < 4; k++ {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		d := yearDigit(r)
		if d < 0 {
			return 0, 0, false
		}
		year += d * pow10(k)
		i -= size
	}
	if r, _ := utf8.DecodeLastRuneInString(s[:i]); yearDigit(r) >= 0 {
		return 0, 0, false
	}
	return year, i, year >= 1990 && year < 2100
}

// yearDigit is the value of a digit of a year, or -1.
func yearDigit(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	case r == '两':
		return -1
	}
	return int(chineseDigit(r))
}

func pow10(k int) int {
	n := 1
	for ; k > 0; k-- {
		n *= 10
	}
	return n
}

// yearCheck warns where the report speaks of a year other than its own as
// its own (W7): the title's year, the statistics period of the preface
// (自2022年1月1日起至2022年12月31日止), an explicit 本年（2022年）, and a
// sentence of 一 or 六 that opens with an earlier year as its subject
// (2022年，全市…; 2022年共收到…). Section 五 is left alone there: it
// speaks of last year's problems by their year. Later years (plans) and
// years inside a sentence (2021年政务公开第三方评估) say nothing.
func (c *checker) yearCheck() {
	y := c.r.Year
	if y == 0 {
		return
	}
	if ys := yearsIn(c.r.Title); len(ys) > 0 && ys[0].year != y {
		c.add(RuleYear, Warning, fmt.Sprintf("标题“%s”写的是%d年，但报告年度是%d年", strings.TrimSpace(c.r.Title), ys[0].year, y)).Field = FieldTitle
	}
	for _, ya := range yearsIn(blankTitles(c.r.Preface)) {
		if ya.year == y {
			continue
		}
		if periodBound(ya.after) {
			c.add(RuleYear, Warning, fmt.Sprintf("前言所写统计期限是%d年，但报告年度是%d年", ya.year, y)).Field = FieldPreface
			break
		}
		if namesReport(ya.after) {
			c.add(RuleYear, Warning, fmt.Sprintf("前言称本报告为%d年的年度报告，但报告年度是%d年", ya.year, y)).Field = FieldPreface
			break
		}
	}
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		c.yearSection(s)
	}
}

// yearSection adds W7 for each paragraph of text section s that speaks of
// another year as its own.
func (c *checker) yearSection(s Section) {
	for i, pf := range c.sectionParas(s) {
		if pf.other == 0 {
			continue
		}
		f := c.add(RuleYear, Warning, fmt.Sprintf("第%s部分写“%s”，把%d年当作本年，但报告年度是%d年：是否沿用了上年的文字？",
			s.Number, quoteStart(pf.otherSentence), pf.other, c.r.Year))
		f.Narrative, f.Para = s.Narrative, i
	}
}

// namesReport reports whether the text after a year names the annual
// report itself (现公布…2023年政府信息公开工作年度报告).
func namesReport(after string) bool {
	return strings.HasPrefix(after, "政府信息公开工作年度报告") || strings.HasPrefix(after, "政府信息公开年度报告")
}

// periodBound reports whether the text after a year is the first or last
// day of a statistics period (1月1日, 12月31日).
func periodBound(after string) bool {
	if len(after) > 24 {
		after = after[:24]
	}
	if strings.ContainsAny(after, spaces) {
		after = strings.Map(func(r rune) rune {
			if strings.ContainsRune(spaces, r) {
				return -1
			}
			return r
		}, after)
	}
	return strings.HasPrefix(after, "1月1日") || strings.HasPrefix(after, "12月31日")
}

// ownYearOpeners are what follows an opening year when it is the subject
// of what the sentence says of the year: 2022年，… 2022年全年… 2022年共…
// 2022年我局… 2022年本机关… 2022年全市… 2022年度未收取… 2022年的…
var ownYearOpeners = []string{"，", ",", "全年", "共", "我", "本", "全", "未", "没", "沒", "无", "無", "的"}

// yearAsOwn is the first year other than the report's that a sentence
// of the narrative section key speaks of as its own; 0 when there is none.
func (c *checker) yearAsOwn(key, sentence string) int {
	y := c.r.Year
	for _, ya := range yearsIn(sentence) {
		if ya.year == y {
			continue
		}
		if explicitOwn(sentence[:ya.start]) {
			return ya.year
		}
		if key == NarrativeProblems || ya.year > y || !opensSentence(sentence[:ya.start]) {
			continue
		}
		for _, w := range ownYearOpeners {
			if strings.HasPrefix(ya.after, w) && !strings.HasPrefix(ya.after, "全国") {
				return ya.year
			}
		}
	}
	return 0
}

// explicitOwn reports whether the text before a year names it 本年 or 今年:
// 本年度（2022年）, 今年(2022年).
func explicitOwn(before string) bool {
	before = strings.TrimRight(before, "（( ")
	return strings.HasSuffix(before, "本年度") || strings.HasSuffix(before, "本年") || strings.HasSuffix(before, "今年")
}

// opensSentence reports whether what comes before a year is only the
// numbering or the small heading of its sentence: （一）, 1., 一、, or a
// heading that ends in 情况 (主动公开情况。 is split off already).
func opensSentence(before string) bool {
	before = strings.TrimSpace(before)
	for before != "" {
		r, size := utf8.DecodeRuneInString(before)
		if !strings.ContainsRune("（()）、.．0123456789 ", r) && !isChineseNumeral(r) {
			return false
		}
		before = before[size:]
	}
	return true
}

// quoteStart quotes a sentence whole when short, else its start.
func quoteStart(sentence string) string {
	sentence = strings.TrimSpace(sentence)
	n := 0
	for i := range sentence {
		if n == quoteMax {
			return sentence[:i] + "…"
		}
		n++
	}
	return sentence
}
