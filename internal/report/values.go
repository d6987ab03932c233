package report

import (
	"fmt"
	"strconv"
	"strings"
)

// State says whether a cell holds a number.
type State uint8

const (
	// Blank is a cell not filled in: null in JSON; allowed in a draft,
	// refused at submission. Blank is not 0.
	Blank State = iota
	// Number is a filled cell.
	Number
	// NotApplicable is a cell a published report printed as 不适用, / or —.
	// It is kept apart from 0 and from blank; the arithmetic counts it as 0.
	NotApplicable
)

// Value is one cell's content. N is a count, or whole 元 for AmountWan.
type Value struct {
	State State
	N     int64
}

// Num returns a filled value.
func Num(n int64) Value { return Value{State: Number, N: n} }

// Filled reports whether the cell holds a number (0 included).
func (v Value) Filled() bool { return v.State == Number }

// YuanPerWan is the number of 元 in one 万元.
const YuanPerWan = 10000

// MaxValue is the largest count, and the largest amount in 万元, a cell
// accepts: anything beyond is surely a typing slip.
const MaxValue = 1_000_000_000_000

// NotApplicableJSON is how a NotApplicable cell is written in JSON.
const NotApplicableJSON = "不适用"

// Narrative holds the text sections 一, 五 and 六.
type Narrative struct {
	Overview string `json:"overview"`
	Problems string `json:"problems"`
	Other    string `json:"other"`
}

// Text returns the narrative of a section by its key (overview, problems, other).
func (n *Narrative) Text(key string) string {
	switch key {
	case NarrativeOverview:
		return n.Overview
	case NarrativeProblems:
		return n.Problems
	case NarrativeOther:
		return n.Other
	}
	return ""
}

// Set sets the narrative of a section by its key; it ignores unknown keys.
func (n *Narrative) Set(key, text string) {
	switch key {
	case NarrativeOverview:
		n.Overview = text
	case NarrativeProblems:
		n.Problems = text
	case NarrativeOther:
		n.Other = text
	}
}

// Publication identifies a published revision; it is absent from drafts.
type Publication struct {
	Revision int `json:"revision"`
	// Date is the publication date, YYYY-MM-DD.
	Date string `json:"date"`
	// Correction is the 更正说明 of a revision after the first.
	Correction string `json:"correction,omitempty"`
}

// Report is one annual report: its front matter, narrative and the values of
// every cell of its template.
type Report struct {
	Format    string
	Org       string
	Year      int
	Title     string
	Preface   string
	Narrative Narrative
	// Values is indexed by CellID of Template().
	Values []Value
	// Legacy2019 keeps a 2019-format report's section 二 as read (raw JSON),
	// because its columns are not comparable with 2021's.
	Legacy2019  []byte
	Publication *Publication
	// Unread holds what a clerk typed into a cell that could not be read
	// as a number, so that a draft keeps it until it is corrected. It is
	// never published or exported (MarshalJSON leaves it out).
	Unread map[CellID]string
	// refusals holds the refusal of each Unread text (see Refusal).
	refusals map[CellID]*InputError
	// Scope is ScopeOwn for a body's own report, or the scope of a 汇总
	// report (JSON "kind" and "scope").
	Scope Scope
}

// New returns an empty report (every cell blank) in a format.
func New(t *Template) *Report {
	return &Report{Format: t.Format, Values: make([]Value, len(t.Cells))}
}

// Template returns the report's format definition (the 2021 one for an
// unknown format).
func (r *Report) Template() *Template {
	if t := ByFormat(r.Format); t != nil {
		return t
	}
	return T2021
}

// Get returns the value at a dotted path; ok is false for an unknown path.
func (r *Report) Get(path string) (v Value, ok bool) {
	id := r.Template().Lookup(path)
	if id == NoCell {
		return Value{}, false
	}
	return r.Values[id], true
}

// Clone returns a deep copy.
func (r *Report) Clone() *Report {
	c := *r
	c.Values = append([]Value(nil), r.Values...)
	c.Legacy2019 = append([]byte(nil), r.Legacy2019...)
	if r.Publication != nil {
		p := *r.Publication
		c.Publication = &p
	}
	c.Unread, c.refusals = nil, nil
	for id, text := range r.Unread {
		if e := r.refusals[id]; e != nil && e.Input == text {
			c.setUnread(e)
		} else {
			c.setUnreadText(id, text)
		}
	}
	return &c
}

// DefaultTitle is the usual title: 〔机关名称〕〔年份〕年政府信息公开工作年度报告.
func DefaultTitle(org string, year int) string {
	return fmt.Sprintf("%s%d年政府信息公开工作年度报告", org, year)
}

// FormatValue prints a value as the published report does: counts as plain
// integers, amounts in 万元 with exactly four decimals, blank as "",
// not-applicable as 不适用.
func FormatValue(k Kind, v Value) string {
	switch v.State {
	case Blank:
		return ""
	case NotApplicable:
		return NotApplicableJSON
	}
	if k == AmountWan {
		return FormatWan(v.N, true)
	}
	return strconv.FormatInt(v.N, 10)
}

// FormatWan prints whole 元 as 万元: with all four decimals when fixed is set
// (104.1700), otherwise without trailing zeros (104.17, 0), which is the
// JSON form.
func FormatWan(yuan int64, fixed bool) string {
	sign := ""
	if yuan < 0 {
		sign, yuan = "-", -yuan
	}
	s := fmt.Sprintf("%s%d.%04d", sign, yuan/YuanPerWan, yuan%YuanPerWan)
	if !fixed {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Entry is what a cell shows: the typed text that could not be read, or
// else the value as printed.
func (r *Report) Entry(id CellID) string {
	if text, ok := r.Unread[id]; ok {
		return text
	}
	return FormatValue(r.Template().Cells[id].Kind, r.Values[id])
}

// UnreadByPath returns Unread keyed by dotted path, for storage.
func (r *Report) UnreadByPath() map[string]string {
	if len(r.Unread) == 0 {
		return nil
	}
	m := make(map[string]string, len(r.Unread))
	for id, text := range r.Unread {
		m[r.Template().Cells[id].Path] = text
	}
	return m
}

// setUnreadText keeps a text read back from storage or copied from
// another report, parsing it once for its refusal. A text that now reads
// (the rules changed since it was typed) is kept with no refusal.
func (r *Report) setUnreadText(id CellID, text string) {
	_, err := r.Template().ParseInput(id, text)
	if e, ok := err.(*InputError); ok {
		r.setUnread(e)
		return
	}
	if r.Unread == nil {
		r.Unread = map[CellID]string{}
	}
	r.Unread[id] = text
}

// SetUnreadByPath restores Unread from storage; unknown paths are dropped.
func (r *Report) SetUnreadByPath(m map[string]string) {
	for path, text := range m {
		if id := r.Template().Lookup(path); id != NoCell {
			r.setUnreadText(id, text)
		}
	}
}
