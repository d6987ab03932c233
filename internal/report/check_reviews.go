package report

import (
	"fmt"
	"strings"
)

// Section 四 as the text speaks of it: the results of a group (行政复议11件，
// 其中维持6件、纠正1件) and the claims without a number that all were
// upheld (均获维持) or none corrected (无被纠错), read against the table
// (W4).

// reviewGroup is a group of 四 and the key of its row.
type reviewGroup struct {
	key, label string
}

var (
	groupReview     = reviewGroup{"review", "行政复议"}
	groupDirect     = reviewGroup{"litigation_direct", "行政诉讼（未经复议直接起诉）"}
	groupAfter      = reviewGroup{"litigation_after_review", "行政诉讼（复议后起诉）"}
	groupLitigation = []reviewGroup{groupDirect, groupAfter}
)

func (g reviewGroup) path(col string) string { return "reviews." + g.key + "." + col }

// reviewResult is a column of 四 and the words by which a text names it.
type reviewResult struct {
	key, label string
	words      []string
}

var reviewResults = []reviewResult{
	{"upheld", "结果维持", []string{"结果维持", "维持"}},
	{"corrected", "结果纠正", []string{"结果纠正", "被纠错", "纠错", "被纠正", "纠正"}},
	{"other", "其他结果", []string{"其他结果"}},
	{"pending", "尚未审结", []string{"尚未审结", "未审结"}},
}

// resultColumn finds the one result a clause names (其中维持6件) and the
// clause without its words; nil when it names none or two.
func resultColumn(subject string) (*reviewResult, string) {
	if !strings.Contains(subject, "维持") && !strings.Contains(subject, "纠") && !strings.Contains(subject, "其他结果") && !strings.Contains(subject, "审结") {
		return nil, subject
	}
	var found *reviewResult
	rest := subject
	for i := range reviewResults {
		r := &reviewResults[i]
		for _, w := range r.words {
			if strings.Contains(rest, w) {
				if found != nil && found != r {
					return nil, subject
				}
				found = r
				rest = strings.ReplaceAll(rest, w, "")
			}
		}
	}
	return found, rest
}

// of are the cells of r's column in the groups of paths (group totals).
func (r *reviewResult) of(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = strings.TrimSuffix(p, "total") + r.key
	}
	return out
}

// rowOf4 reports whether f states groups of 四 in their 总计 column.
func (f *statedFigure) rowOf4() bool {
	for _, p := range f.paths {
		if !strings.HasPrefix(p, "reviews.") || !strings.HasSuffix(p, ".total") {
			return false
		}
	}
	return len(f.paths) > 0
}

// A claim is a sentence's word that all of a group's results are of a
// kind, with no number: 均获维持 (no 纠正, no 其他结果), 无被纠错 (no 纠正),
// 无败诉 (no 纠正 in 行政诉讼).
type claim struct {
	words []string
	// none are the columns the claim says are 0.
	none []string
	// litigation: the claim is about 行政诉讼 whatever the sentence names.
	litigation bool
	// upheld: the claim says cases were upheld, so a group whose cases
	// were all still pending contradicts it too.
	upheld bool
}

var claims = []claim{
	{words: []string{"均获维持", "均维持", "全部维持", "全部获维持", "均被维持", "均予维持", "均予以维持", "均为维持", "均得到维持", "全部得到维持",
		"全部被维持", "维持率100", "维持率为100", "维持率达100"}, none: []string{"corrected", "other"}, upheld: true},
	{words: []string{"无被纠错", "未被纠错", "没有被纠错", "无一被纠错", "均未被纠错", "未发生被纠错", "未出现被纠错", "零纠错", "无纠错",
		"未被纠正", "无被纠正", "没有被纠正", "纠错率为0", "纠错率0"}, none: []string{"corrected"}},
	{words: []string{"无败诉", "未败诉", "零败诉", "没有败诉", "未出现败诉", "未发生败诉"}, none: []string{"corrected"}, litigation: true},
}

// mayClaim is a cheap test of whether a text may hold a claim.
func mayClaim(s string) bool {
	return containsText(s, "维持") || containsText(s, "維持") || containsText(s, "纠") || containsText(s, "糾") ||
		containsText(s, "败诉") || containsText(s, "敗訴")
}

// backReference are the words by which a sentence speaks of the cases of
// the sentence before (上述案件均获维持).
var backReference = []string{"上述", "以上", "前述", "所涉", "这些", "上列", "案件"}

// claimTies appends the claims of a sentence, each tied to the columns it
// says are 0 in the groups it is about: those the clauses before the claim
// name (行政复议5件、行政诉讼3件，均获维持), or, when the sentence names
// none and refers back (上述案件均获维持), those of the sentence before.
func claimTies(out []tie, s Section, para int, sentence, plain string, cls []span, before string) []tie {
	for ci := range claims {
		cm := &claims[ci]
		at, word := claimAt(plain, cm)
		if at < 0 {
			continue
		}
		groups := groupsBefore(plain, cls, at)
		if groups == nil && containsAny(plain[:at], backReference) && before != "" {
			pb := Simplify(before)
			groups = groupsBefore(pb, clauses(pb), len(pb))
		}
		if cm.litigation {
			groups = groupLitigation
		}
		if groups == nil {
			continue
		}
		var paths, totals []string
		var names []string
		for _, g := range groups {
			for _, col := range cm.none {
				paths = append(paths, g.path(col))
			}
			totals = append(totals, g.path("total"))
			names = append(names, g.label)
		}
		var cols []string
		for _, col := range cm.none {
			for _, r := range reviewResults {
				if r.key == col {
					cols = append(cols, r.label)
				}
			}
		}
		cl := clauseAt(cls, at, len(plain))
		out = append(out, tie{section: s, para: para, sentence: excerpt(sentence, plain, cl), fig: &claimFigure,
			claim: word, paths: paths, orPaths: totals,
			label: strings.Join(names, "、") + " " + strings.Join(cols, "、"), upheld: cm.upheld})
	}
	return out
}

// claimFigure is the figure of every claim tie (its rule, for the tests).
var claimFigure = statedFigure{rule: RuleNarrativeReviews}

// claimAt is where the sentence first makes claim cm, and in which word;
// -1 when it does not. 均维持在99%以上 is a level, not a result.
func claimAt(plain string, cm *claim) (int, string) {
	at, word := -1, ""
	for _, w := range cm.words {
		for off := 0; ; {
			i := strings.Index(plain[off:], w)
			if i < 0 {
				break
			}
			i += off
			off = i + len(w)
			if strings.HasPrefix(plain[off:], "在") {
				continue
			}
			if at < 0 || i < at || i == at && len(w) > len(word) {
				at, word = i, w
			}
			break
		}
	}
	return at, word
}

// groupsBefore are the groups of 四 the clauses before byte offset at
// name: the nearest clause that names a group, with the clauses right
// before it that name one too (行政复议5件、行政诉讼3件); nil when none does.
func groupsBefore(plain string, cls []span, at int) []reviewGroup {
	var out []reviewGroup
	for i := len(cls) - 1; i >= 0; i-- {
		c := cls[i]
		if c.start > at {
			continue
		}
		end := c.end
		if end > at && c.start <= at {
			end = at
		}
		gs := groupsIn(plain[c.start:end])
		if gs == nil {
			if out != nil {
				break
			}
			continue
		}
		out = append(out, gs...)
	}
	return inOrder(out)
}

// inOrder are the groups of gs once each, in the table's order.
func inOrder(gs []reviewGroup) []reviewGroup {
	if gs == nil {
		return nil
	}
	var out []reviewGroup
	for _, g := range []reviewGroup{groupReview, groupDirect, groupAfter} {
		for _, x := range gs {
			if x == g {
				out = append(out, g)
				break
			}
		}
	}
	return out
}

// groupsIn are the groups a clause names: 行政复议 (复议, but not in 复议后起诉
// or 未经复议), 行政诉讼 (诉讼, 起诉: both its groups, or the one named).
func groupsIn(cl string) []reviewGroup {
	var out []reviewGroup
	rest := cl
	switch {
	case strings.Contains(rest, "直接起诉"):
		out = append(out, groupDirect)
	case strings.Contains(rest, "复议后起诉") || strings.Contains(rest, "复议后提起"):
		out = append(out, groupAfter)
	case strings.Contains(rest, "诉讼") || strings.Contains(rest, "起诉"):
		out = append(out, groupLitigation...)
	}
	for _, w := range []string{"未经复议", "复议后起诉", "复议后提起", "经复议后"} {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if strings.Contains(rest, "复议") {
		out = append([]reviewGroup{groupReview}, out...)
	}
	return out
}

// compareClaim adds the finding when a claim's columns are not 0 in the
// table, or when it says cases were upheld and every case of its groups
// is still pending; blank cells leave it unchecked.
func (c *checker) compareClaim(t tie) {
	sum, _, ok := c.sumPaths(t.paths)
	if !ok {
		return
	}
	var msg string
	var cells []CellID
	switch {
	case sum > 0:
		for _, p := range t.paths {
			if id := c.t.Lookup(p); c.r.Values[id].N != 0 {
				cells = append(cells, id)
			}
		}
		msg = fmt.Sprintf("第%s部分写“%s”，所述“%s”即%s为0件，与表格的%d件不一致", t.section.Number, t.sentence, t.claim, t.label, sum)
	case t.upheld:
		total, _, ok := c.sumPaths(t.orPaths)
		if !ok || total == 0 {
			return
		}
		var upheld []string
		for _, p := range t.orPaths {
			upheld = append(upheld, strings.TrimSuffix(p, "total")+"upheld")
		}
		n, up, ok := c.sumPaths(upheld)
		if !ok || n > 0 {
			return
		}
		cells = up
		msg = fmt.Sprintf("第%s部分写“%s”，但表格的%d件都尚未审结，结果维持为%d件", t.section.Number, t.sentence, total, n)
	default:
		return
	}
	f := c.add(t.fig.rule, Warning, msg, cells...)
	f.Narrative, f.Para = t.section.Narrative, t.para
}
