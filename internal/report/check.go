package report

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync/atomic"
)

// Severity of a finding. Errors block submission; warnings need a reason.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Finding is one broken rule: which rule, how bad, a message with the actual
// numbers, every cell involved and, where one wrong cell would explain it,
// that cell as the likely culprit.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Cells    []CellID
	// Culprit is the likely wrong cell, or NoCell; Suggest is the value it
	// would need for the rules it takes part in to hold.
	Culprit CellID
	Suggest int64
	// Place is where the imbalance most likely is when no single cell can
	// be named: for a column of section 三 that does not balance, its
	// （七）总计 (the rows (一)–(六) add up to it) — NoCell otherwise.
	Place CellID
	// Narrative and Para place a finding about the text: the section's key
	// (overview, problems, other) and the paragraph's index in
	// Paragraphs of it. Narrative is "" for a finding about the tables.
	Narrative string
	Para      int
	// Field is the text field (title, preface) of a finding about one.
	Field string
	// Line is the line (from 1) of a published text a finding is about
	// (a heading, W11), 0 otherwise.
	Line int

	t *Template
	// print is the fingerprint, set by Check (see Fingerprint).
	print string
	// finalError marks a warning that a final check reports as an error
	// (see TallyOf).
	finalError bool
}

// findingJSON is the public JSON form of a finding (`nianbao check --json`).
type findingJSON struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Cells    []string `json:"cells"`
	Culprit  *string  `json:"culprit"`
	// Narrative and Paragraph (from 1) place a finding about the text.
	Narrative string `json:"narrative,omitempty"`
	Paragraph int    `json:"paragraph,omitempty"`
	Field     string `json:"field,omitempty"`
	Line      int    `json:"line,omitempty"`
}

// MarshalJSON names cells by their dotted JSON paths.
func (f Finding) MarshalJSON() ([]byte, error) {
	out := findingJSON{Rule: f.Rule, Severity: f.Severity, Message: f.Message, Cells: f.Paths()}
	if f.Culprit != NoCell {
		p := f.t.Cell(f.Culprit).Path
		out.Culprit = &p
	}
	if f.Narrative != "" {
		out.Narrative, out.Paragraph = f.Narrative, f.Para+1
	}
	out.Field, out.Line = f.Field, f.Line
	return json.Marshal(out)
}

// Paths returns the dotted JSON paths of the cells involved.
func (f Finding) Paths() []string {
	paths := make([]string, len(f.Cells))
	for i, id := range f.Cells {
		paths[i] = f.t.Cell(id).Path
	}
	return paths
}

// Key identifies a finding across versions of a report, so that a reason
// given for a warning stays with it: the rule and its first cell (or the
// rule alone).
func (f Finding) Key() string {
	if len(f.Cells) == 0 {
		return f.Rule
	}
	return f.Rule + ":" + f.t.Cell(f.Cells[0]).Path
}

// CulpritPath is the culprit's dotted path, or "".
func (f Finding) CulpritPath() string {
	if f.Culprit == NoCell {
		return ""
	}
	return f.t.Cell(f.Culprit).Path
}

// Options says how strictly to check.
type Options struct {
	// Final checks a report for submission or as published: blank cells and
	// empty sections are errors. A draft gets them as a warning.
	Final bool
	// LastYear, when given, adds the cross-year warnings W1, W5 and W10.
	LastYear *Report
	// Typed are the cells the clerk has just typed (the live check sends
	// those). When it is one cell, and changing it alone would make every
	// broken relation hold with the totals recomputed, it is named as the
	// likely slip — the case of an ordinary typing slip in a report whose
	// totals the app computes, where no relation names a culprit.
	Typed []CellID
	// Headings, for a report read from a published text, are its six
	// headings as printed: their omissions, renamings and order are
	// checked (W11). nil for a report written in nianbao.
	Headings *[6]PrintedHeading
	// NoRules says the body cannot make 规章 (a department, a 乡镇 or a
	// 街道: org.Kind.MakesRules): its 规章 row may be 不适用 (W12).
	NoRules bool
	// Local are the administrator's rules for 第一部分 that hold for the
	// body (W13, W14); the zero value sets none.
	Local LocalRules
}

// Check runs every rule on the report as it stands (totals as they are: call
// FillTotals first for a report authored in the app) and returns the
// findings, errors first.
func Check(r *Report, opt Options) []Finding {
	checksRun.Add(1)
	return check(r, opt, false)
}

// check is Check, reading and keeping no memo when fresh.
func check(r *Report, opt Options, fresh bool) []Finding {
	t := r.Template()
	c := checker{t: t, r: r, opt: opt, fresh: fresh}
	if len(r.Unread) > 0 {
		c.unread()
	}
	c.ranges()
	c.relations()
	c.completeness()
	c.notApplicable()
	c.localRules()
	c.feeNarrative()
	c.narrativeFigures()
	c.yearCheck()
	c.tokenProblems()
	c.feeNotices()
	c.feeStatements()
	if opt.LastYear != nil {
		c.crossYear(opt.LastYear)
	}
	if opt.Headings != nil {
		c.structure(opt.Headings)
	}
	fingerprints(c.out, r)
	return errorsFirst(c.out)
}

// checksRun counts the calls of Check in this process (ChecksRun).
var checksRun atomic.Int64

// ChecksRun is how many times Check has run in this process: a request
// checks its report once, and web's tests hold the live check to that.
func ChecksRun() int64 { return checksRun.Load() }

// errorsFirst orders findings errors first, keeping their order otherwise.
func errorsFirst(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	out := make([]Finding, 0, len(fs))
	for _, sev := range []Severity{Error, Warning} {
		for _, f := range fs {
			if f.Severity == sev {
				out = append(out, f)
			}
		}
	}
	return out
}

// HasErrors reports whether any finding is an error.
func HasErrors(fs []Finding) bool {
	for _, f := range fs {
		if f.Severity == Error {
			return true
		}
	}
	return false
}

type checker struct {
	t   *Template
	r   *Report
	opt Options
	out []Finding
	// texts are what the narrative checks found in each text section's
	// paragraphs, read once per check (narrative_memo.go).
	texts []sectionText
	// fresh: keep and read no memo (the reference the memos are tested
	// against).
	fresh bool
}

func (c *checker) add(rule string, sev Severity, msg string, cells ...CellID) *Finding {
	c.out = append(c.out, Finding{Rule: rule, Severity: sev, Message: msg, Cells: cells, Culprit: NoCell, Place: NoCell, t: c.t})
	return &c.out[len(c.out)-1]
}

// rangeRule is the rule about the values of a cell's table.
func rangeRule(def *CellDef) string {
	return map[string]string{"active": RuleActiveNN, "requests": RuleRequestsNN, "reviews": RuleReviewsNN}[def.Table.Key]
}

// unread reports what a clerk typed that could not be read as a number:
// the cell has no value yet, so it blocks submission like any wrong number.
func (c *checker) unread() {
	for id := range c.t.Cells {
		e := c.r.Refusal(CellID(id))
		if e == nil {
			continue
		}
		def := &c.t.Cells[id]
		f := c.add(rangeRule(def), Error, fmt.Sprintf("%s：%s（填的是“%s”）", def.Name(), e.Reason, e.Input), CellID(id))
		f.Culprit = CellID(id)
	}
}

// ranges reports negative values (R4, R6, R7) and absurd ones.
func (c *checker) ranges() {
	for id, v := range c.r.Values {
		if v.State != Number || (v.N >= 0 && v.N <= maxStored(c.t.Cells[id].Kind)) {
			continue
		}
		def := &c.t.Cells[id]
		rule := rangeRule(def)
		reason := reasonNegative
		if v.N > 0 {
			reason = reasonTooLarge
		}
		f := c.add(rule, Error, fmt.Sprintf("%s：%s（填的是%s）", def.Name(), reason, FormatValue(def.Kind, v)), CellID(id))
		f.Culprit = CellID(id)
	}
}

func maxStored(k Kind) int64 {
	if k == AmountWan {
		return MaxValue * YuanPerWan
	}
	return MaxValue
}

// relations evaluates R1, R2, R3 and R5. A relation with a blank cell is not
// evaluated: the draft is not finished there yet.
func (c *checker) relations() {
	rels := c.t.Relations
	resid := make([]int64, len(rels)) // per relation; 0 when it holds
	state := make([]uint8, len(rels)) // 0 skipped, 1 holds, 2 broken
	broken := 0
	for i := range rels {
		res, ok := c.residual(&rels[i])
		if !ok {
			continue
		}
		resid[i], state[i] = res, 1
		if res != 0 {
			state[i] = 2
			broken++
		}
	}
	if broken == 0 {
		return
	}
	first := len(c.out)
	var mends []int64 // the changes that could mend what is reported: each residual, either way
	for i := range rels {
		if state[i] != 2 || c.impliedTotal(i, resid, state) {
			continue
		}
		mends = append(mends, resid[i], -resid[i])
		rel := &rels[i]
		f := c.add(rel.Rule, Error, c.message(rel), append(append([]CellID(nil), rel.Plus...), rel.Minus...)...)
		f.Culprit, f.Suggest = c.culprit(i, resid, state)
		if f.Culprit == NoCell && rel.Rule == RuleBalance {
			f.Place = rel.Minus[0] // （七）总计 of the column
		}
	}
	c.typedSlip(c.out[first:], mends)
	for i := first; i < len(c.out); i++ {
		f := &c.out[i]
		if f.Culprit != NoCell {
			def := c.t.Cell(f.Culprit)
			f.Message += fmt.Sprintf("。最可能出错的是%s，按其他数字应为%s", def.Name(), FormatValue(def.Kind, Num(f.Suggest)))
		} else if f.Place != NoCell {
			f.Message += "。多半是本列（一）至（六）中某一格填错（它们相加即（七）总计），也可能是一、二或四填错"
		}
	}
}

// impliedTotal reports whether relation i is the 总计 column's balance
// (R3) broken only because other columns' balances are, by the same total
// amount: one slip breaks both its column and the 总计 column, and one
// finding says it.
func (c *checker) impliedTotal(i int, resid []int64, state []uint8) bool {
	rel := &c.t.Relations[i]
	if rel.Rule != RuleBalance || c.t.Cell(rel.Minus[0]).ColKey != "total" {
		return false
	}
	var others int64
	n := 0
	for j := range c.t.Relations {
		if j != i && state[j] == 2 && c.t.Relations[j].Rule == RuleBalance {
			others += resid[j]
			n++
		}
	}
	return n > 0 && others == resid[i]
}

// typedSlip names the cell just typed (Options.Typed, one cell) as the
// culprit of the relation findings fs that name none, when changing it
// alone by one of mends (the reported residuals, either way) — the totals
// recomputed as the app computes them — makes every relation hold.
func (c *checker) typedSlip(fs []Finding, mends []int64) {
	if len(c.opt.Typed) != 1 || len(fs) == 0 {
		return
	}
	id := c.opt.Typed[0]
	if int(id) >= len(c.t.Cells) || c.t.Cell(id).Computed || c.r.Values[id].State != Number {
		return
	}
	var unnamed []int
	for i := range fs {
		if fs[i].Culprit == NoCell {
			unnamed = append(unnamed, i)
		}
	}
	if len(unnamed) == 0 {
		return
	}
	try := c.r.Clone()
	try.Unread = nil
	for _, delta := range mends {
		v := c.r.Values[id].N + delta
		if v < 0 {
			continue
		}
		try.Values[id] = Num(v)
		FillTotals(try)
		if c.balances(try) {
			for _, i := range unnamed {
				fs[i].Culprit, fs[i].Suggest, fs[i].Place = id, v, NoCell
			}
			return
		}
	}
}

// balances reports whether every evaluated relation holds in r.
func (c *checker) balances(r *Report) bool {
	other := checker{t: c.t, r: r}
	for i := range c.t.Relations {
		if res, ok := other.residual(&c.t.Relations[i]); ok && res != 0 {
			return false
		}
	}
	return true
}

// residual is sum(Plus) − sum(Minus); ok is false when a cell is blank.
func (c *checker) residual(rel *Relation) (int64, bool) {
	var res int64
	for _, id := range rel.Plus {
		v := c.r.Values[id]
		if v.State == Blank {
			return 0, false
		}
		res += v.N
	}
	for _, id := range rel.Minus {
		v := c.r.Values[id]
		if v.State == Blank {
			return 0, false
		}
		res -= v.N
	}
	return res, true
}

// culprit finds the one cell of broken relation i whose change alone would
// mend every evaluated relation it takes part in, all of which must be
// broken by the same amount. Where two or more cells could, it names none.
func (c *checker) culprit(i int, resid []int64, state []uint8) (CellID, int64) {
	found, suggest := NoCell, int64(0)
	rel := &c.t.Relations[i]
	try := func(id CellID) bool {
		delta, ok := c.mend(id, resid, state)
		if !ok {
			return true
		}
		if found != NoCell {
			found = NoCell
			return false
		}
		found, suggest = id, c.r.Values[id].N+delta
		return true
	}
	for _, id := range rel.Plus {
		if !try(id) {
			return NoCell, 0
		}
	}
	for _, id := range rel.Minus {
		if !try(id) {
			return NoCell, 0
		}
	}
	return found, suggest
}

// mend returns the change to cell id that would make every evaluated
// relation containing it hold; ok is false if there is none.
func (c *checker) mend(id CellID, resid []int64, state []uint8) (delta int64, ok bool) {
	set := false
	for _, ri := range c.t.cellRelations(id) {
		if state[ri] == 0 {
			continue
		}
		if state[ri] == 1 {
			return 0, false
		}
		d := -resid[ri]
		if c.t.Relations[ri].inMinus(id) {
			d = resid[ri]
		}
		if set && d != delta {
			return 0, false
		}
		delta, set = d, true
	}
	if !set || c.r.Values[id].N+delta < 0 {
		return 0, false
	}
	return delta, true
}

func (rel *Relation) inMinus(id CellID) bool {
	for _, m := range rel.Minus {
		if m == id {
			return true
		}
	}
	return false
}

// message writes a broken relation as an equation with its numbers, e.g.
// 自然人列：一(2835)+二(103)=2938，但（七）总计(2902)+四(35)=2937，相差1.
func (c *checker) message(rel *Relation) string {
	var b strings.Builder
	b.WriteString(rel.Scope + "：")
	plus := c.terms(&b, rel, rel.Plus)
	minus := int64(0)
	if len(rel.Minus) == 1 {
		id := rel.Minus[0]
		minus = c.r.Values[id].N
		fmt.Fprintf(&b, "，但%s为%d", c.termName(rel, id), minus)
	} else {
		b.WriteString("，但")
		minus = c.terms(&b, rel, rel.Minus)
	}
	d := plus - minus
	if d < 0 {
		d = -d
	}
	fmt.Fprintf(&b, "，相差%d", d)
	return b.String()
}

// terms writes a+b+…=sum, leaving out zero terms of long sums, and returns
// the sum.
func (c *checker) terms(b *strings.Builder, rel *Relation, ids []CellID) int64 {
	var sum int64
	n := 0
	for _, id := range ids {
		v := c.r.Values[id].N
		sum += v
		if v == 0 && len(ids) > 4 {
			continue
		}
		if n > 0 {
			b.WriteByte('+')
		}
		b.WriteString(c.termName(rel, id) + "(" + strconv.FormatInt(v, 10) + ")")
		n++
	}
	if n == 0 {
		b.WriteString("各项均为0")
		return 0
	}
	if len(ids) > 1 {
		b.WriteString("=" + strconv.FormatInt(sum, 10))
	}
	return sum
}

// termName names a cell inside an equation: the column in a row sum, the
// row's short reference in a column sum.
func (c *checker) termName(rel *Relation, id CellID) string {
	def := c.t.Cell(id)
	switch rel.Rule {
	case RuleRowTotal, RuleReviewTotal:
		return def.ColLabel
	}
	return def.Row.Ref
}
