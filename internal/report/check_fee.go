package report

import (
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/bounded"
)

// feeWords are how section 六 speaks of the fee at all, in either script:
// the 信息处理费 by name, or a fee in other words (本机关未收取任何费用).
var feeWords = []string{"信息处理费", "资讯处理费", "信息處理費", "資訊處理費", "收费", "收費", "费用", "費用"}

// feeNarrative checks section 六 against the 信息处理费 (W6, and W3 when
// applications lapsed for unpaid fees). A 2019-format report (the years
// to 2020) is not asked: the fee's rules are in force from 2021.
func (c *checker) feeNarrative() {
	if c.t.Format == Format2019 || containsAny(c.r.Narrative.Other, feeWords) {
		return // a 2019-format report (years to 2020) predates the fee (国办函〔2020〕109号, in force 2021)
	}
	if id := c.t.Lookup("requests.other_no_fee.total"); id != NoCell {
		if v := c.r.Values[id]; v.State == Number && v.N > 0 {
			c.add(RuleFeeNarrate, Warning, fmt.Sprintf("第三部分有%d件申请因逾期未缴纳费用不再处理，但第六部分没有说明信息处理费的收取情况", v.N), id)
			return
		}
	}
	c.add(RuleOtherEmpty, Warning, "第六部分“其他需要报告的事项”应说明本年度是否收取信息处理费（如：本年度未收取信息处理费）")
}

// Rule id of the check of what the text says of the fee (docs/checks.md).
const (
	RuleFeeNotices = "W9" // what 一 and 六 say of the fee contradicts itself or （六）2
)

func init() {
	RuleTitles[RuleFeeNotices] = "正文所述信息处理费、收费通知情况前后一致，并与第三部分表格一致"
}

// noNoticeWords are how 六 says no fee notice was issued.
var noNoticeWords = []string{"未发出收费通知", "未发放收费通知", "未出具收费通知", "没有发出收费通知", "未向申请人发出收费通知",
	"未发出信息处理费收费通知", "无收费通知", "未发生收费通知"}

// feeNotices checks 六's words on fee notices against （六）2: applications
// that lapsed because a fee notice went unpaid mean a notice was issued
// (W9). It reads 六's fee sentences as feeStatements does (feeSentences,
// kept per paragraph), so a live check does not cut 六 into sentences
// again.
func (c *checker) feeNotices() {
	id := c.t.Lookup("requests.other_no_fee.total")
	if id == NoCell || !c.r.Values[id].Filled() || c.r.Values[id].N == 0 {
		return
	}
	for _, fs := range c.feeSentences(NarrativeOther) {
		if fs.noNotice {
			f := c.add(RuleFeeNotices, Warning, fmt.Sprintf("第六部分写“%s”，但第三部分有%d件申请因逾期未按收费通知要求缴纳费用不再处理", quoteStart(fs.sentence), c.r.Values[id].N), id)
			f.Narrative, f.Para = NarrativeOther, fs.para
			return
		}
	}
}

// feeSentence is what one sentence of 一 or 六 says of the 信息处理费.
type feeSentence struct {
	narrative, sentence string
	para                int
	// none: it says no fee was collected (未收取信息处理费); noNotice: that no
	// fee notice went out (未发出收费通知).
	none, noNotice bool
	// collected is the amount it says was collected, in 元 (-1: none said);
	// notices the fee notices it says were issued (-1: none said).
	collected float64
	notices   int64
}

// noFeeWords are how a text says that no fee was collected.
var noFeeWords = []string{"未收取", "没有收取", "未收费", "无收费", "不存在收费", "不存在收取", "没有收费", "没有向", "未向",
	"免收", "不收取", "未产生", "零收费", "未发生收费"}

// feeStatements reads what 一 and 六 say of the 信息处理费 against each
// other and against （六）2 (W9): a text that says none was collected and
// states an amount collected; fee notices stated fewer than the
// applications that lapsed for an unpaid one; an amount collected though no
// notice went out. Each contradiction is said once.
func (c *checker) feeStatements() {
	if c.t.Format == Format2019 {
		return
	}
	var none, noNotice, paid, notices *feeSentence
	for _, key := range []string{NarrativeOverview, NarrativeOther} {
		fss := c.feeSentences(key)
		for i := range fss {
			fs := &fss[i]
			switch {
			case fs.collected > 0 && paid == nil:
				paid = fs
			case fs.none && none == nil:
				none = fs
			}
			if fs.noNotice && noNotice == nil {
				noNotice = fs
			}
			if fs.notices >= 0 && notices == nil {
				notices = fs
			}
		}
	}
	if paid != nil && none != nil {
		c.feeFinding(none, fmt.Sprintf("%s写“%s”，又在%s写“%s”：所收信息处理费前后不一致",
			c.partName(none.narrative), quoteStart(none.sentence), c.partName(paid.narrative), quoteStart(paid.sentence)))
	}
	if paid != nil && noNotice != nil {
		c.feeFinding(noNotice, fmt.Sprintf("%s写“%s”，又在%s写“%s”：收取信息处理费须先发出收费通知",
			c.partName(noNotice.narrative), quoteStart(noNotice.sentence), c.partName(paid.narrative), quoteStart(paid.sentence)))
	}
	id := c.t.Lookup("requests.other_no_fee.total")
	if notices == nil || id == NoCell || !c.r.Values[id].Filled() {
		return
	}
	if lapsed := c.r.Values[id].N; notices.notices < lapsed {
		c.feeFinding(notices, fmt.Sprintf("%s写“%s”，所述收费通知%d件少于第三部分因逾期未按收费通知要求缴纳费用不再处理的%d件申请",
			c.partName(notices.narrative), quoteStart(notices.sentence), notices.notices, lapsed), id)
	}
}

// feeMemo keeps the fee sentences of each paragraph read, so that a check
// reads again only the paragraphs that changed (a 第一部分 of thousands of
// characters would be scanned for 费 at every live check otherwise).
var feeMemo = bounded.New[string, []feeSentence](paraMemoSize)

// feeSentences are the sentences of text section key that say something of
// the fee, in order. A fresh check (the memos' reference) reads every
// paragraph.
func (c *checker) feeSentences(key string) []feeSentence {
	var out []feeSentence
	i := 0
	for para := range paragraphSeq(c.r.Narrative.Text(key)) {
		fss, ok := []feeSentence(nil), false
		if !c.fresh {
			fss, ok = feeMemo.Get(para)
		}
		if !ok {
			fss = readFeeParagraph(para)
			if !c.fresh {
				feeMemo.Put(para, fss)
			}
		}
		for _, fs := range fss {
			fs.narrative, fs.para = key, i
			out = append(out, fs)
		}
		i++
	}
	return out
}

// readFeeParagraph reads the sentences of a paragraph that say something
// of the fee.
func readFeeParagraph(para string) []feeSentence {
	if !strings.Contains(para, "费") && !strings.Contains(para, "費") {
		return nil
	}
	var out []feeSentence
	for _, sentence := range sentences(para) {
		if !strings.Contains(sentence, "费") && !strings.Contains(sentence, "費") {
			continue
		}
		if fs := readFee(sentence); fs.none || fs.noNotice || fs.collected > 0 || fs.notices >= 0 {
			out = append(out, fs)
		}
	}
	return out
}

// feeFinding adds a W9 at the sentence it is about, so that the editor
// and the review page go to that paragraph.
func (c *checker) feeFinding(at *feeSentence, msg string, cells ...CellID) {
	f := c.add(RuleFeeNotices, Warning, msg, cells...)
	f.Narrative, f.Para = at.narrative, at.para
}

// partName names the text section of key as a finding does: 第一部分.
func (c *checker) partName(key string) string {
	for _, s := range c.t.Sections {
		if s.Narrative == key {
			return sectionName(s)
		}
	}
	return key
}

// readFee reads a sentence's words on the fee: whether it says none was
// collected or no notice issued, the amount collected (实际收取信息处理费
// 200元, 收取信息处理费0.02万元) and the notices issued (发出收费通知3件).
func readFee(sentence string) feeSentence {
	fs := feeSentence{sentence: sentence, collected: -1, notices: -1}
	plain := Simplify(sentence)
	if !strings.Contains(plain, "费") {
		return fs
	}
	fs.noNotice = containsAny(plain, noNoticeWords)
	fs.none = !fs.noNotice && containsAny(plain, noFeeWords) // 未发出收费通知 is said apart
	aboutFee := strings.Contains(plain, "处理费")
	for _, cl := range clauses(plain) {
		text := plain[cl.start:cl.end]
		if strings.Contains(text, "收费通知") {
			if n, ok := countIn(text); ok && fs.notices < 0 {
				fs.notices = n
			}
			continue
		}
		if !containsAny(text, []string{"收取", "实收", "收缴", "缴纳", "征收"}) || containsAny(text, []string{"应收", "涉及", "未", "没有", "不"}) {
			continue
		}
		if !strings.Contains(text, "处理费") && (!aboutFee || strings.Contains(text, "费")) {
			continue // 收取复印费20元 is another fee
		}
		if v, ok := yuanIn(text); ok && fs.collected < 0 {
			fs.collected = v
		}
	}
	return fs
}

// countIn is the first count of a clause: a number before 件, 份, 次 or 个.
func countIn(cl string) (int64, bool) {
	for i, r := range cl {
		if !strings.ContainsRune("件份次个", r) {
			continue
		}
		if num, ok := numberBefore(cl, i); ok {
			return num.N, true
		}
	}
	return 0, false
}

// yuanIn is the first amount of money of a clause, in 元 (200元, 1,200元,
// 0.02万元).
func yuanIn(cl string) (float64, bool) {
	i := strings.Index(cl, "元")
	if i < 0 {
		return 0, false
	}
	scale, end := 1.0, i
	if strings.HasSuffix(cl[:i], "万") {
		scale, end = 10000, i-len("万")
	}
	start := end
	for start > 0 && (cl[start-1] >= '0' && cl[start-1] <= '9' || cl[start-1] == '.' || cl[start-1] == ',') {
		start--
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(cl[start:end], ",", ""), 64)
	if start == end || err != nil {
		return 0, false
	}
	return v * scale, true
}
