package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Rule ids of the narrative checks (docs/checks.md). W2 and W4 are the ids
// docs/template-2021.md §7 reserved for them.
const (
	RuleNarrativeTables  = "W2" // a figure the text states about 二 or 三 differs from the table
	RuleNarrativeReviews = "W4" // a figure the text states about 四 differs from the table
)

func init() {
	RuleTitles[RuleNarrativeTables] = "正文所述数字与第二、三部分表格一致"
	RuleTitles[RuleNarrativeReviews] = "正文所述行政复议、行政诉讼数字与第四部分表格一致"
}

// statedFigure is a phrase by which a text states a table figure: the words
// the clause around the number must hold (each group: one of its words),
// the words that make the tie uncertain, and the cells whose sum it states.
type statedFigure struct {
	rule string
	// label names the figure in a finding, as the table prints it.
	label string
	all   [][]string
	none  []string
	// sentence are words one of which the whole sentence must hold
	// (予以公开 alone is about applications only when the sentence is).
	sentence []string
	// notSentence are words none of which the sentence may hold: a
	// sentence that counts 已主动公开 apart (其中，属于已主动公开范围1件，同意公开答复3件)
	// splits 予以公开, which counts both.
	notSentence []string
	paths       []string
	// orPaths is a second reading the figure may also mean (收到 may count
	// the carried-over applications too); either sum satisfies it.
	orPaths []string
	// noun is the thing counted, which a next clause may leave out
	// (有效规范性文件374件，清理失效155件).
	noun string
}

// rowOf3 reports whether f states a row of 三 in its 总计 column, which
// a column's name narrows to that column.
func (f *statedFigure) rowOf3() bool {
	for _, p := range f.paths {
		if !strings.HasPrefix(p, "requests.") || !strings.HasSuffix(p, ".total") {
			return false
		}
	}
	return true
}

// carriedOver are the words of 上年结转, which are not a comparison with
// last year (上年度 elsewhere is, see uncertain).
var carriedOver = []string{"上年结转", "上年度结转", "上一年度结转", "上一年结转", "上年转结", "上年度转结"}

// carriedForward are the words of 结转下年度继续办理 (转下一年办理0件 too).
var carriedForward = []string{"结转下年", "转入下年", "结转至下年", "结转到下年", "顺延到下年", "顺延至下年",
	"结转下一年", "结转至下一年", "结转到下一年", "转入下一年", "转下一年", "转至下一年", "顺延至下一年", "顺延到下一年"}

// applicant is a column of 三 (or the five under 法人或其他组织) and the
// words by which a text names it.
type applicant struct {
	label string
	keys  []string
	words []string
}

var applicants = []applicant{
	{"自然人", []string{"natural_person"}, []string{"自然人"}},
	{"商业企业", []string{"commercial"}, []string{"商业企业", "涉企业", "涉及企业", "企业申请", "企业提出"}},
	{"科研机构", []string{"research"}, []string{"科研机构"}},
	{"社会公益组织", []string{"public_interest"}, []string{"社会公益组织", "公益组织"}},
	{"法律服务机构", []string{"legal_services"}, []string{"法律服务机构"}},
	{"法人或其他组织", []string{"commercial", "research", "public_interest", "legal_services", "other"},
		[]string{"法人或其他组织", "法人和其他组织", "法人及其他组织", "法人或者其他组织"}},
}

// applicantColumn finds the one column a clause names, and the clause
// without its name; nil when it names none or two.
func applicantColumn(subject string) (*applicant, string) {
	var found *applicant
	rest := subject
	for i := range applicants {
		a := &applicants[i]
		for _, w := range a.words {
			if strings.Contains(rest, w) {
				if found != nil && found != a {
					return nil, subject
				}
				found = a
				rest = strings.ReplaceAll(rest, w, "")
			}
		}
	}
	return found, rest
}

// of are the cells of a's column in the rows of paths (row totals).
func (a *applicant) of(paths []string) []string {
	if paths == nil {
		return nil
	}
	var out []string
	for _, p := range paths {
		row := strings.TrimSuffix(p, "total")
		for _, k := range a.keys {
			out = append(out, row+k)
		}
	}
	return out
}

// reqPaths are the total-column paths of rows of section 三.
func reqPaths(rows ...string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = "requests." + r + ".total"
	}
	return out
}

var application = []string{"申请"}

// grantedApart are the words of a part of 予以公开 counted apart.
var grantedApart = []string{"已主动公开", "主动公开范围"}

// notNormative are words by which a clause about 规范性文件 or 规章 is about
// something other than issuing, repealing or counting them.
var notIssue = []string{"废止", "失效", "废弃", "清理", "有效", "解读", "备案", "审查", "审核", "评估", "征求", "制度"}

// statedFigures are checked in order; the first that a clause matches is the
// figure it states. More specific phrases come before the phrases they hold
// (予以公开及部分公开 before 予以公开).
var statedFigures = []statedFigure{
	{rule: RuleNarrativeTables, label: "二、上年结转政府信息公开申请数量",
		all: [][]string{carriedOver}, paths: reqPaths("carried_over")},
	{rule: RuleNarrativeTables, label: "四、结转下年度继续办理",
		all: [][]string{carriedForward}, paths: reqPaths("carried_forward")},
	{rule: RuleNarrativeTables, label: "一、本年新收政府信息公开申请数量",
		all: [][]string{{"新收"}}, sentence: application, paths: reqPaths("new_received")},
	{rule: RuleNarrativeTables, label: "一、本年新收政府信息公开申请数量",
		all: [][]string{{"收到", "受理", "接收", "接到"}, application}, none: []string{"办结", "答复", "复议", "诉讼"}, // 收到行政复议申请 is 四's (or not this body's)
		paths: reqPaths("new_received"), orPaths: reqPaths("new_received", "carried_over")},
	{rule: RuleNarrativeTables, label: "（七）总计",
		all: [][]string{{"办结"}}, none: []string{"按时", "按期", "逾期", "超期", "当场", "当日", "延期"},
		sentence: application, paths: reqPaths("handled_total")},
	// 答复…申请805件 counts the answered, as 办结 does; 同意公开答复3件 is
	// a result.
	{rule: RuleNarrativeTables, label: "（七）总计",
		all: [][]string{{"答复"}, application}, none: []string{"按时", "按期", "逾期", "超期", "当场", "当日", "延期", "同意", "予以", "不予", "部分", "告知", "下年"},
		paths: reqPaths("handled_total")},
	{rule: RuleNarrativeTables, label: "（一）予以公开与（二）部分公开之和",
		all: [][]string{{"予以公开"}, {"部分公开"}}, sentence: application, notSentence: grantedApart, paths: reqPaths("granted", "partly_granted")},
	{rule: RuleNarrativeTables, label: "（二）部分公开",
		all: [][]string{{"部分公开"}}, sentence: application, paths: reqPaths("partly_granted")},
	{rule: RuleNarrativeTables, label: "（一）予以公开",
		all: [][]string{{"予以公开", "同意公开"}}, none: []string{"不予", "部分"}, sentence: application, notSentence: grantedApart, paths: reqPaths("granted")},
	{rule: RuleNarrativeTables, label: "（三）不予公开各项之和",
		all: [][]string{{"不予公开"}}, sentence: application,
		paths: reqPaths("withheld_state_secret", "withheld_law_prohibited", "withheld_security_stability", "withheld_third_party",
			"withheld_internal_affairs", "withheld_process_info", "withheld_enforcement_file", "withheld_inquiry")},
	{rule: RuleNarrativeTables, label: "（四）无法提供各项之和",
		all: [][]string{{"无法提供"}}, sentence: application,
		paths: reqPaths("unavailable_not_held", "unavailable_needs_creation", "unavailable_unclear")},
	{rule: RuleNarrativeTables, label: "（五）不予处理各项之和",
		all: [][]string{{"不予处理"}}, sentence: application,
		paths: reqPaths("not_processed_petition", "not_processed_duplicate", "not_processed_publication", "not_processed_excessive", "not_processed_confirm")},
	{rule: RuleNarrativeTables, label: "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用",
		all: [][]string{{"逾期未缴纳", "逾期未按收费通知", "未按收费通知要求缴纳"}}, paths: reqPaths("other_no_fee")},

	{rule: RuleNarrativeReviews, label: "行政诉讼（未经复议直接起诉） 总计",
		all: [][]string{{"直接起诉", "直接提起行政诉讼", "直接向法院起诉", "直接向人民法院起诉"}}, none: []string{"撤销", "确认违法", "败诉", "审结"},
		paths: []string{"reviews.litigation_direct.total"}},
	{rule: RuleNarrativeReviews, label: "行政诉讼（复议后起诉） 总计",
		all: [][]string{{"复议后起诉", "复议后提起"}}, none: []string{"撤销", "确认违法", "败诉", "审结"},
		paths: []string{"reviews.litigation_after_review.total"}},
	{rule: RuleNarrativeReviews, label: "行政复议 总计",
		all: [][]string{{"行政复议"}}, none: []string{"诉讼", "纠正", "纠错", "维持", "撤销", "确认违法", "败诉", "审结", "其他结果", "复议后"},
		paths: []string{"reviews.review.total"}},
	{rule: RuleNarrativeReviews, label: "行政诉讼（未经复议直接起诉与复议后起诉）总计",
		all: [][]string{{"行政诉讼"}}, none: []string{"复议", "纠正", "纠错", "维持", "撤销", "确认违法", "败诉", "审结", "其他结果", "直接起诉"},
		paths: []string{"reviews.litigation_direct.total", "reviews.litigation_after_review.total"}},
	// 行政复议7件，诉讼9件: 诉讼 alone is 行政诉讼 in a sentence about 行政复议.
	{rule: RuleNarrativeReviews, label: "行政诉讼（未经复议直接起诉与复议后起诉）总计",
		all: [][]string{{"诉讼"}}, none: []string{"复议", "纠正", "纠错", "维持", "撤销", "确认违法", "败诉", "审结", "其他结果", "直接起诉", "民事", "刑事"},
		sentence: []string{"行政复议"}, paths: []string{"reviews.litigation_direct.total", "reviews.litigation_after_review.total"}},

	{rule: RuleNarrativeTables, label: "规章 本年制发件数", noun: "规章",
		all: [][]string{{"规章"}, {"制发", "印发", "出台", "制定", "新发", "发布", "新制定"}}, none: notIssue, paths: []string{"active.rules.issued"}},
	{rule: RuleNarrativeTables, label: "规章 本年废止件数", noun: "规章",
		all: [][]string{{"规章"}, {"废止", "失效", "废弃"}}, none: []string{"现行有效", "制度"}, paths: []string{"active.rules.repealed"}},
	{rule: RuleNarrativeTables, label: "规章 现行有效件数", noun: "规章",
		all: [][]string{{"规章"}, {"现行有效", "有效"}}, none: []string{"废止", "失效", "废弃", "制发", "印发", "制度"}, paths: []string{"active.rules.in_force"}},
	{rule: RuleNarrativeTables, label: "行政规范性文件 本年制发件数", noun: "规范性文件",
		all: [][]string{{"规范性文件"}, {"制发", "印发", "出台", "制定", "新发", "发布", "新制定"}}, none: notIssue, paths: []string{"active.normative_docs.issued"}},
	{rule: RuleNarrativeTables, label: "行政规范性文件 本年废止件数", noun: "规范性文件",
		all: [][]string{{"规范性文件"}, {"废止", "失效", "废弃"}}, none: []string{"现行有效"}, paths: []string{"active.normative_docs.repealed"}},
	{rule: RuleNarrativeTables, label: "行政规范性文件 现行有效件数", noun: "规范性文件",
		all: [][]string{{"规范性文件"}, {"现行有效", "有效"}}, none: []string{"废止", "失效", "废弃", "制发", "印发"}, paths: []string{"active.normative_docs.in_force"}},
}

// uncertain are words by which a clause's figure is not the table's: a
// change on last year, a part of a column, a figure of another kind.
var uncertain = []string{
	"同比", "较上年", "比上年", "较去年", "比去年", "去年", "上一年", "上年度", "增加", "减少", "增长", "下降", "上升", "持平", "多出",
	"自然人", "企业", "法人", "科研", "公益", "法律服务", "律师", "个人", // a column's figure not named as applicantColumn reads it
	"平均", "累计", "历年", "以来", "每月", "每季", "月均", "占",
}

// channels are words by which a clause counts the applications that came
// one way (网上申请105件，快递17件，合计122件; 通过政府门户网站答复申请3件、纸质申请36件):
// a share, not a row of 三.
var channels = []string{"网上", "网络", "在线", "网站", "信函", "来信", "纸质", "当面", "现场", "邮寄", "快递", "传真", "邮件", "电话"}

// reviewOrgan are words by which a sentence speaks of reviews the body
// decided, or of their documents, not of reviews and suits against it (a
// 司法局's "作为区政府行政复议机构，全年共办理行政复议案件312件", "收到行政复议申请120件",
// "公开行政复议决定书20件"): its figures are not 四's.
var reviewOrgan = []string{"复议机关", "复议机构", "复议局", "复议决定", "复议申请", "决定书", "判决书", "裁定书"}

// approximate are the characters before a figure that make it approximate
// or not a count of the table (约128件, 超过、逾、近, 每一件, 第一件).
const approximate = "约近超过逾足余每第"

// narrativeFigures compares the figures the narrative sections state with
// the cells they name (W2, W4). It says nothing where a clause cannot be
// tied to cells with confidence, or where a cell is still blank.
func (c *checker) narrativeFigures() {
	for _, t := range c.figureTies() {
		c.compareFigure(t)
	}
}

// tie is a figure of the text tied to the cells it states.
type tie struct {
	section  Section
	para     int
	sentence string
	n        int64
	fig      *statedFigure
	// paths and orPaths are fig's, or their cells of one column (自然人申请
	// 120件); label names them in a finding.
	paths, orPaths []string
	label          string
	// claim is the word of a claim without a number (均获维持): paths are
	// the columns it says are 0, orPaths the groups' totals; upheld: it
	// says cases were upheld (check_reviews.go).
	claim  string
	upheld bool
	// unit is the word the text counts the figure in (件, or 个, 份…).
	unit string
}

// sentenceTies appends the figures one sentence states. A clause that
// names no figure of its own may continue the one before it in the
// sentence: "有效规范性文件374件，清理失效155件" repeals 规范性文件,
// "新收申请125件涉自然人，2件涉企业" counts another column of 新收.
func (c *checker) sentenceTies(out []tie, s Section, para int, sentence, before string) []tie {
	figures, claim, rowClaim := mayFigure(sentence), mayClaim(sentence), mayRowClaim(sentence)
	if !figures && !claim && !rowClaim {
		return out
	}
	plain := c.relativeYears(Simplify(blankTitles(sentence)))
	if c.otherYear(plain) {
		return out
	}
	cls := clauses(plain)
	if claim {
		out = claimTies(out, s, para, sentence, plain, cls, before)
	}
	if rowClaim {
		out = rowClaimTies(out, s, para, sentence, plain, cls)
	}
	if !figures {
		return out
	}
	context := plain
	if strings.HasPrefix(strings.TrimLeft(plain, " 　"), "其中") {
		// "共受理申请54件。其中予以公开45件": the sentence goes on with the one before.
		context = Simplify(before) + plain
	}
	var prev *tie
	for _, cl := range cls {
		for _, st := range clauseFigures(plain[cl.start:cl.end]) {
			t, ok := matchTie(st.subject, context, prev)
			if !ok || !st.unit.fits(t.fig, st.subject) {
				continue
			}
			t.section, t.para, t.sentence, t.n, t.unit = s, para, excerpt(sentence, plain, cl), st.n, st.unit.name
			out = append(out, t)
			prev = &out[len(out)-1]
		}
	}
	return out
}

// relativeYears reads the years a sentence names for the applications
// carried over as the words of the table: "2021年结转…2件" in a 2022
// report is 上年结转, "结转2023年度继续办理2件" is 结转下年度. Each is
// rewritten in place, padded with ○ to keep the sentence's length in runes
// (excerpt relies on it), so that otherYear no longer sees another year.
func (c *checker) relativeYears(plain string) string {
	if c.r.Year == 0 || !strings.Contains(plain, "结转") {
		return plain
	}
	for _, rw := range []struct {
		from, to string
	}{
		{strconv.Itoa(c.r.Year-1) + "年度结转", "○○○上年度结转"},
		{strconv.Itoa(c.r.Year-1) + "年结转", "○○○上年结转"},
		{"结转至" + strconv.Itoa(c.r.Year+1) + "年", "○○○○结转下年"},
		{"结转到" + strconv.Itoa(c.r.Year+1) + "年", "○○○○结转下年"},
		{"结转" + strconv.Itoa(c.r.Year+1) + "年", "○○○结转下年"},
	} {
		plain = strings.ReplaceAll(plain, rw.from, rw.to)
	}
	return plain
}

// otherYear reports whether a sentence names a year (2021年) other than
// the report's: its figures are then not this year's table.
func (c *checker) otherYear(plain string) bool {
	if c.r.Year == 0 {
		return false
	}
	for off := 0; ; {
		i := strings.Index(plain[off:], "年")
		if i < 0 {
			return false
		}
		at := off + i
		if at >= 4 && allDigits(plain[at-4:at]) && (at == 4 || plain[at-5] < '0' || plain[at-5] > '9') {
			if n, _ := strconv.Atoi(plain[at-4 : at]); n >= 1900 && n < 2100 && n != c.r.Year {
				return true
			}
		}
		off = at + len("年")
	}
}

// compareFigure adds the finding when a stated figure differs from its
// cells; blank cells leave it unchecked.
func (c *checker) compareFigure(t tie) {
	if t.claim != "" {
		c.compareClaim(t)
		return
	}
	s, n, fig, sentence := t.section, t.n, t.fig, t.sentence
	sum, cells, ok := c.sumPaths(t.paths)
	if !ok || sum == n {
		return
	}
	unit := t.unit // every figure tie has one: clauseFigures reads a number with its unit
	msg := fmt.Sprintf("第%s部分写“%s”，所述%d%s与表格“%s”的%d件不一致", s.Number, sentence, n, unit, t.label, sum)
	if t.orPaths != nil {
		alt, _, altOK := c.sumPaths(t.orPaths)
		if !altOK || alt == n {
			return
		}
		msg = fmt.Sprintf("第%s部分写“%s”，所述%d%s与表格“%s”的%d件不一致（与上年结转合计也只有%d件）", s.Number, sentence, n, unit, t.label, sum, alt)
	}
	f := c.add(fig.rule, Warning, msg, cells...)
	f.Narrative, f.Para = s.Narrative, t.para
}

// sumPaths sums the cells at paths; ok is false when a cell is missing from
// the template or not yet a number.
func (c *checker) sumPaths(paths []string) (sum int64, cells []CellID, ok bool) {
	for _, p := range paths {
		id := c.t.Lookup(p)
		if id == NoCell || !c.r.Values[id].Filled() {
			return 0, nil, false
		}
		sum += c.r.Values[id].N
		cells = append(cells, id)
	}
	return sum, cells, true
}

// matchFigure is the first stated figure whose words a clause holds.
func matchFigure(subject, sentence string) *statedFigure {
	rest := subject
	for _, w := range carriedOver {
		rest = strings.ReplaceAll(rest, w, "")
	}
	if containsAny(rest, uncertain) || strings.Contains(rest, "上年") {
		return nil
	}
	for i := range statedFigures {
		f := &statedFigures[i]
		if f.matches(subject, sentence) {
			return f
		}
	}
	return nil
}

// matchTie ties a clause's figure to the cells it states: a figure of its
// own words, else the figure before it in the sentence (prev) continued.
// A column named (自然人, 企业…) narrows a figure of 三 to that column.
func matchTie(subject, sentence string, prev *tie) (tie, bool) {
	col, subject := applicantColumn(subject)
	res, subject := resultColumn(subject)
	if col != nil && res != nil {
		return tie{}, false
	}
	fig := matchFigure(subject, sentence)
	if fig == nil && prev != nil && prev.claim == "" {
		switch {
		case col != nil && prev.fig.rowOf3(), res != nil && prev.fig.rowOf4():
			fig = prev.fig // 新收…125件涉自然人，2件涉企业; 行政复议11件，其中维持6件
		case prev.fig.noun != "":
			fig = matchFigure(prev.fig.noun+subject, sentence) // 有效规范性文件374件，清理失效155件
		}
	}
	if fig == nil || col != nil && !fig.rowOf3() || res != nil && !fig.rowOf4() {
		return tie{}, false
	}
	if fig.rowOf3() && containsAny(subject, channels) {
		return tie{}, false
	}
	if fig.rowOf4() && containsAny(sentence, reviewOrgan) {
		return tie{}, false // 作为复议机关…办理行政复议案件312件: not the cases against this body
	}
	t := tie{fig: fig, paths: fig.paths, orPaths: fig.orPaths, label: fig.label}
	switch {
	case col != nil:
		t.paths, t.orPaths = col.of(fig.paths), col.of(fig.orPaths)
		t.label = fig.label + "（" + col.label + "）"
	case res != nil:
		t.paths = res.of(fig.paths)
		t.label = strings.TrimSpace(strings.TrimSuffix(fig.label, "总计")) + " " + res.label
	}
	return t, true
}

func (f *statedFigure) matches(subject, sentence string) bool {
	for _, group := range f.all {
		if !containsAny(subject, group) {
			return false
		}
	}
	if containsAny(subject, f.none) {
		return false
	}
	return (f.sentence == nil || containsAny(sentence, f.sentence)) && !containsAny(sentence, f.notSentence)
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if containsText(s, w) {
			return true
		}
	}
	return false
}

// stated is a figure of a clause and the words around it that say what it
// counts: from the previous figure to the next one.
type stated struct {
	n       int64
	subject string
	unit    *countUnit
}

// countUnit is a word a report counts a table's figure in. 件 counts every
// row; the others only the rows reports count in them, and only where the
// words after them are the thing counted or nothing (制发行政规范性文件6个,
// 收到8份政府信息公开申请, 行政复议案件1起 — not 3个工作日, 2条建议).
type countUnit struct {
	name string
	// next are the words that may follow the unit in its clause.
	next []string
	// counts reports whether a figure's row is counted in this unit.
	counts func(*statedFigure) bool
	// says is a word the clause must hold (条 counts applications only
	// where it says 申请: not 不予公开信息数8条).
	says string
}

var (
	unitPiece  = countUnit{name: "件", counts: func(*statedFigure) bool { return true }}
	countUnits = []*countUnit{
		&unitPiece,
		{name: "个", next: []string{"行政规范性文件", "规范性文件", "规章", "文件"},
			counts: func(f *statedFigure) bool { return f.noun != "" }},
		{name: "份", next: applicationWords, counts: (*statedFigure).rowOf3, says: "申请"},
		{name: "条", next: applicationWords, counts: (*statedFigure).rowOf3, says: "申请"},
		{name: "起", next: []string{"行政复议", "行政诉讼", "案件", "政府信息公开"}, counts: (*statedFigure).rowOf4},
	}
)

// applicationWords may follow 份 or 条 counting applications.
var applicationWords = []string{"政府信息公开申请", "信息公开申请", "依申请", "申请"}

// unitAt is the unit at byte offset i of cl, if any.
func unitAt(cl string, i int) *countUnit {
	for _, u := range countUnits {
		if strings.HasPrefix(cl[i:], u.name) {
			return u
		}
	}
	return nil
}

// fits reports whether a figure's row may be counted in u.
func (u *countUnit) fits(f *statedFigure, subject string) bool {
	return u == &unitPiece || u.counts(f) && strings.Contains(subject, u.says)
}

// followedWell reports whether what follows a unit other than 件 in its
// clause is nothing or the thing it counts.
func (u *countUnit) followedWell(after string) bool {
	if u == &unitPiece || after == "" {
		return true
	}
	for _, w := range u.next {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	return false
}

// mayFigure is a cheap test of whether a text may state a figure: a 件, or
// another unit with the words of what it counts.
func mayFigure(s string) bool {
	if containsText(s, "件") {
		return true
	}
	return (containsText(s, "个") || containsText(s, "個")) && (containsText(s, "规") || containsText(s, "規")) ||
		(containsText(s, "份") || containsText(s, "条") || containsText(s, "條")) && (containsText(s, "申请") || containsText(s, "申請")) ||
		containsText(s, "起") && (containsText(s, "复议") || containsText(s, "複議") || containsText(s, "復議") || containsText(s, "诉讼") || containsText(s, "訴訟"))
}

// clauseFigures finds the counts (a number right before 件, or another unit
// of countUnits) of a clause.
func clauseFigures(cl string) []stated {
	var nums []number
	var units []*countUnit
	for i, r := range cl {
		if !strings.ContainsRune("件个份条起", r) {
			continue
		}
		u := unitAt(cl, i)
		if u == nil {
			continue
		}
		num, ok := numberBefore(cl, i)
		if !ok || approximateBefore(cl, num.Start) || !u.followedWell(cl[i+len(u.name):]) {
			continue
		}
		num.End = i + len(u.name)
		nums = append(nums, num)
		units = append(units, u)
	}
	out := make([]stated, 0, len(nums))
	for k, num := range nums {
		from, to := 0, len(cl)
		if k > 0 {
			from = nums[k-1].End
		}
		if k+1 < len(nums) {
			to = nums[k+1].Start
		}
		out = append(out, stated{n: num.N, subject: cl[from:num.Start] + cl[num.End:to], unit: units[k]})
	}
	return out
}

func approximateBefore(s string, start int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:start])
	return strings.ContainsRune(approximate, r)
}

// sentences splits a paragraph at the marks that end a sentence.
func sentences(para string) []string {
	return strings.FieldsFunc(para, func(r rune) bool {
		switch r {
		case '。', '！', '？', '；', ';', '!', '?':
			return true
		}
		return false
	})
}

// span is a clause of a sentence, by byte offsets.
type span struct{ start, end int }

// clauses splits a sentence at commas, enumeration commas after a figure,
// colons and brackets; a comma between digits (3,047) is a thousands
// separator.
func clauses(s string) []span {
	var out []span
	start := 0
	for i, r := range s {
		if !strings.ContainsRune("，,、：:（）()", r) {
			continue
		}
		if r == ',' && thousands(s, i) {
			continue
		}
		// 行政复议、行政诉讼共39件: the figure counts the whole enumeration.
		if r == '、' && !strings.Contains(s[start:i], "件") {
			continue
		}
		if i > start {
			out = append(out, span{start, i})
		}
		start = i + utf8.RuneLen(r)
	}
	if start < len(s) {
		out = append(out, span{start, len(s)})
	}
	return out
}

// thousands reports whether the comma at i stands between a digit and
// exactly three digits.
func thousands(s string, i int) bool {
	if i == 0 || s[i-1] < '0' || s[i-1] > '9' || i+4 > len(s) || !allDigits(s[i+1:i+4]) {
		return false
	}
	return i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9'
}

// blankTitles blanks the titles in 《》 of a sentence, keeping its length
// in runes: the name of a document says nothing about the figures around
// it.
func blankTitles(s string) string {
	if !strings.Contains(s, "《") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	depth := 0
	for _, r := range s {
		switch {
		case r == '《':
			depth++
		case r == '》' && depth > 0:
			depth--
		case depth > 0:
			r = '○'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// quoteMax is the longest sentence a finding quotes whole.
const quoteMax = 60

// clauseAt is the clause of a sentence n bytes long (cls, as the sentence
// was cut) that byte at falls in: the one a claim or figure found there
// is quoted with; the whole sentence when no clause holds it.
func clauseAt(cls []span, at, n int) span {
	cl := span{0, n}
	for _, c := range cls {
		if c.start <= at && at < c.end {
			cl = c
		}
	}
	return cl
}

// excerpt is what a finding quotes of a sentence: all of it when short,
// else the clause of the figure. plain is the sentence as read, rune for
// rune the same as the sentence (Simplify and blankTitles keep the runes'
// count), so the clause's place in it is its place in the sentence.
func excerpt(sentence, plain string, cl span) string {
	runes := []rune(sentence)
	if len(runes) <= quoteMax {
		return strings.TrimSpace(sentence)
	}
	from := utf8.RuneCountInString(plain[:cl.start])
	to := from + utf8.RuneCountInString(plain[cl.start:cl.end])
	if to > len(runes) { // not rune for rune after all: quote the start
		return string(runes[:quoteMax]) + "…"
	}
	out := strings.TrimSpace(string(runes[from:to]))
	if from > 0 {
		out = "…" + out
	}
	if to < len(runes) {
		out += "…"
	}
	return out
}
