package report

import (
	"fmt"
	"strings"
	"unicode"
)

// RuleCopied is the check of a text section carried over from last year's
// report (docs/checks.md): evaluators publish the share of a 年报's text
// that repeats last year's ("重复率竟达90%").
const RuleCopied = "W10"

func init() {
	RuleTitles[RuleCopied] = "正文各部分不照搬上年报告"
}

const (
	// copiedShare is the share of a section's sentences, in per cent, above
	// which the section is taken for last year's text.
	copiedShare = 60
	// copiedMinSentences is the fewest sentences a section needs for its
	// share to mean anything: a 六 of one or two set sentences
	// (本机关未收取信息处理费) is rightly the same every year.
	copiedMinSentences = 3
	// copiedMinRunes is the shortest sentence counted (after normalising):
	// a heading such as （一）主动公开情况 repeats the template, not last year.
	copiedMinRunes = 10
	// copiedQuoted is how many of the copied sentences a finding quotes.
	copiedQuoted = 2
)

// copiedText warns for each text section (一, 五, 六) more than
// copiedShare % of whose sentences are the same as a sentence of the same
// section of last year's report, once punctuation, spaces and numbers
// are set aside (W10): a text carried over with this year's figures typed
// in is still last year's text.
func (c *checker) copiedText(last *Report) {
	lastKeys := c.lastSentences(last)
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		if before := lastKeys[s.Narrative]; before != nil && len(before.keys) > 0 {
			c.copiedSection(s, before, last.Year)
		}
	}
}

// sentenceSet are the keys (sentenceKey) of the sentences of one text
// section.
type sentenceSet struct {
	keys map[uint64]bool
}

// sentenceKeys are the sentences of each text section of a report, by
// narrative key.
func sentenceKeys(t *Template, r *Report) map[string]*sentenceSet {
	out := map[string]*sentenceSet{}
	for _, s := range t.Sections {
		if s.Narrative == "" {
			continue
		}
		keys := map[uint64]bool{}
		for _, para := range Paragraphs(r.Narrative.Text(s.Narrative)) {
			for _, ks := range keyedSentencesOf(para) {
				keys[ks.key] = true
			}
		}
		out[s.Narrative] = &sentenceSet{keys}
	}
	return out
}

// keyedSentence is a sentence that the copy check counts, and its key.
type keyedSentence struct {
	text string
	key  uint64
}

// keyedSentencesOf are the sentences of a paragraph that the copy check
// counts (those sentenceKey keys), in order.
func keyedSentencesOf(para string) []keyedSentence {
	var out []keyedSentence
	for _, sentence := range sentences(para) {
		if key, ok := sentenceKey(sentence); ok {
			out = append(out, keyedSentence{sentence, key})
		}
	}
	return out
}

// copiedSection warns when more than copiedShare % of the sentences of
// one section are found in last year's (before).
func (c *checker) copiedSection(s Section, before *sentenceSet, lastYear int) {
	if cc := c.copiedCountOf(s, before, lastYear); cc.message != "" {
		f := c.add(RuleCopied, Warning, cc.message)
		f.Narrative, f.Para = s.Narrative, cc.firstPara
	}
}

// countCopied counts the sentences of a section's paragraphs and those
// found in before, and says what W10 says of them ("" when not more than
// copiedShare %).
func countCopied(s Section, paras []*paraFacts, before *sentenceSet, lastYear int) *copiedCount {
	cc := &copiedCount{before: before, lastYear: lastYear, firstPara: -1}
	total, copied := 0, 0
	var quoted [copiedQuoted]string
	for i, pf := range paras {
		for _, ks := range pf.keyed {
			total++
			if !before.keys[ks.key] {
				continue
			}
			if cc.firstPara < 0 {
				cc.firstPara = i
			}
			if copied < copiedQuoted {
				quoted[copied] = ks.text
			}
			copied++
		}
	}
	if total < copiedMinSentences || copied*100 <= copiedShare*total {
		return cc
	}
	quotes := make([]string, 0, copiedQuoted)
	for _, q := range quoted[:min(copied, copiedQuoted)] {
		quotes = append(quotes, "“"+quoteStart(q)+"”")
	}
	cc.message = fmt.Sprintf("%s有%d%%的句子（%d句中的%d句）与%d年报告相同（数字和标点不计），如：%s；应写本年度的情况",
		sectionName(s), copied*100/total, total, copied, lastYear, strings.Join(quotes, "、"))
	return cc
}

// sectionName is how a finding names a section: 第一部分 for 一.
func sectionName(s Section) string {
	return "第" + s.Number + "部分"
}

// sentenceKey is a sentence as the copy check compares it: simplified
// characters, letters only, each run of digits or Chinese numerals one
// "#" — so a sentence copied with this year's figures typed in is the
// same — hashed (64-bit FNV-1a of those runes: the check only asks
// whether two sentences are the same, and builds no string). ok is false
// for a sentence too short to count.
func sentenceKey(sentence string) (key uint64, ok bool) {
	sentence = simplifyWords(sentence)
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	n, inNumber := 0, false
	for _, r := range sentence {
		r = simplifyRune(r)
		switch {
		case r >= 0x4E00 && r <= 0x9FFF && !isChineseNumeral(r) && r != '零':
			h = (h ^ uint64(r)) * prime // the common case, a Han character: a letter
			n++
			inNumber = false
		case unicode.IsDigit(r) || isChineseNumeral(r) || r == '〇' || r == '零':
			if !inNumber {
				h = (h ^ '#') * prime
				n++
			}
			inNumber = true
		case unicode.IsLetter(r):
			h = (h ^ uint64(r)) * prime
			n++
			inNumber = false
		}
	}
	if n < copiedMinRunes {
		return 0, false
	}
	return h, true
}
