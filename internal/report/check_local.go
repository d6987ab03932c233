package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"nianbao/internal/bounded"
	"nianbao/internal/names"
)

// The checks of a deployment's own rules for 第一部分 (docs/checks.md,
// check 7): a city may cap 总体情况 at 1,000 characters and list the items
// it must speak of. Off unless an administrator sets them.
const (
	RuleOverviewLength = "W13"
	RuleOverviewItems  = "W14"
)

func init() {
	RuleTitles[RuleOverviewLength] = "第一部分的字数不超过本地区规定"
	RuleTitles[RuleOverviewItems] = "第一部分写明本地区要求的事项"
}

// LocalRules are an administrator's rules for 第一部分, set for a body and
// holding for the bodies below it. The zero value sets none.
type LocalRules struct {
	// OverviewMax is the most characters 第一部分 may have (spaces and line
	// breaks not counted, as a word processor's 字数 counts them); 0 is no
	// limit.
	OverviewMax int
	// OverviewItems are what 第一部分 must mention, each a word or phrase
	// that must occur in it; "A/B" is satisfied by either.
	OverviewItems []string
	// From names the body whose rules these are, for the messages.
	From string
}

// IsZero reports whether the rules set nothing.
func (lr LocalRules) IsZero() bool { return lr.OverviewMax == 0 && len(lr.OverviewItems) == 0 }

// Limits of the rules an administrator may set.
const (
	MaxOverviewLimit = 100000 // a 第一部分 of 100,000 characters is no rule
	MaxLocalItems    = 30
	MaxLocalItemLen  = 40
)

// ParseLocalRules reads the administrator's form: the limit (digits,
// blank or 0 for none) and the items, one a line. Each problem is keyed
// by the field ("max", "items") and said in Chinese.
func ParseLocalRules(maxText, itemsText string) (LocalRules, map[string]string) {
	var lr LocalRules
	problems := map[string]string{}
	if s := strings.TrimSpace(normaliseDigits(maxText)); s != "" {
		n, err := strconv.Atoi(strings.ReplaceAll(s, ",", ""))
		switch {
		case err != nil || n < 0:
			problems["max"] = "字数上限请填写整数，如1000；不限字数的留空"
		case n > MaxOverviewLimit:
			problems["max"] = fmt.Sprintf("字数上限最多%d字；不限字数的留空", MaxOverviewLimit)
		default:
			lr.OverviewMax = n
		}
	}
	seen := map[string]bool{}
	for _, line := range strings.Split(itemsText, "\n") {
		item := strings.TrimSpace(line)
		if item == "" || seen[item] {
			continue
		}
		if p := names.Problem("事项", item, MaxLocalItemLen); p != "" {
			problems["items"] = fmt.Sprintf("第%d个事项：%s", len(lr.OverviewItems)+1, p)
			break
		}
		seen[item] = true
		lr.OverviewItems = append(lr.OverviewItems, item)
	}
	if len(lr.OverviewItems) > MaxLocalItems {
		problems["items"] = fmt.Sprintf("最多%d个事项（现有%d个）", MaxLocalItems, len(lr.OverviewItems))
	}
	return lr, problems
}

// ItemsText is the items as the form shows them, one a line.
func (lr LocalRules) ItemsText() string { return strings.Join(lr.OverviewItems, "\n") }

// Summary says the rules in a sentence, for the editor and the review
// page: 第一部分不超过1000字，须写明：政务公开专区、政策解读。
func (lr LocalRules) Summary() string {
	var parts []string
	if lr.OverviewMax > 0 {
		parts = append(parts, fmt.Sprintf("第一部分不超过%d字（空格和换行不计）", lr.OverviewMax))
	}
	if len(lr.OverviewItems) > 0 {
		parts = append(parts, "第一部分须写明："+strings.Join(lr.OverviewItems, "、"))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "；") + "。"
}

// Notice is the rules as the editor and the review page show them, with
// who set them; "" when none hold.
func (lr LocalRules) Notice() string {
	if lr.IsZero() {
		return ""
	}
	who := ""
	if lr.From != "" {
		who = "（" + lr.From + "设置）"
	}
	return "本地区要求" + who + "：" + lr.Summary()
}

// CountChars counts a text's characters as 字数 does: every character but
// spaces and line breaks.
func CountChars(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

// localRules adds W13 and W14 (localRulesOf), kept for the text and the
// rules: a live check while the clerk types into the tables reads the
// text no more.
func (c *checker) localRules() {
	lr := &c.opt.Local
	text := c.r.Narrative.Overview
	if lr.IsZero() || strings.TrimSpace(text) == "" {
		return
	}
	k := localKey{c.t, text, lr.OverviewMax, lr.ItemsText(), lr.From}
	keptFindings(c, localMemo, k, func(sub *checker) { sub.localRulesOf(text) })
}

// localKey is what W13 and W14 depend on.
type localKey struct {
	t           *Template
	text        string
	max         int
	items, from string
}

var localMemo = bounded.New[localKey, []Finding](memoSize)

// localRulesOf checks 第一部分's text against the administrator's rules:
// its length (W13) and each item it must mention (W14, one finding an
// item). A blank 第一部分 is R8's.
func (c *checker) localRulesOf(text string) {
	lr := &c.opt.Local
	from := ""
	if lr.From != "" {
		from = "（" + lr.From + "的规定）"
	}
	if lr.OverviewMax > 0 && utf8.RuneCountInString(text) > lr.OverviewMax {
		if n := CountChars(text); n > lr.OverviewMax {
			f := c.add(RuleOverviewLength, Warning, fmt.Sprintf("第一部分共%d字，超过本地区规定的%d字%s，请精简%d字以上", n, lr.OverviewMax, from, n-lr.OverviewMax))
			f.Narrative = NarrativeOverview
		}
	}
	if len(lr.OverviewItems) == 0 {
		return
	}
	folded := foldForItems(text)
	for _, item := range lr.OverviewItems {
		if !mentions(folded, item) {
			f := c.add(RuleOverviewItems, Warning, fmt.Sprintf("第一部分没有写到本地区要求写明的“%s”%s", item, from))
			f.Narrative = NarrativeOverview
		}
	}
}

// mentions reports whether the folded text holds the item or, for
// "A/B", one of its alternatives.
func mentions(folded, item string) bool {
	for _, alt := range strings.FieldsFunc(item, func(r rune) bool { return r == '/' || r == '／' || r == '|' }) {
		if a := foldForItems(alt); a != "" && strings.Contains(folded, a) {
			return true
		}
	}
	return false
}

// foldForItems reads traditional characters as simplified and drops
// spaces, so that 政務公開 and “政务 公开” both mention 政务公开.
func foldForItems(s string) string {
	return simplifyWords(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return simplifyRune(r)
	}, s))
}
