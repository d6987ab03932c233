package editor

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/a-h/templ"

	"nianbao/internal/report"
	"nianbao/views/comments"
	"nianbao/views/findings"
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// Page is the editor as the clerk sees it; the handler fills the exported
// fields and NewPage derives the rest.
type Page struct {
	Frame layout.Page
	Org   string
	Year  int
	State string // 草稿, 已退回 …
	// Returned is the reviewer's return while the report stays returned.
	Returned *ui.Returned
	SaveURL  string // plain form post (works without JavaScript)
	CheckURL string // htmx live check
	BackURL  string
	// DocxURL is the draft as a Word document, for the leader's signature.
	DocxURL string
	Report  *report.Report
	// Version is the stored version the form is based on.
	Version int
	Saved   SaveState
	// Refused are inputs that could not be read, shown at their cells.
	Refused []*report.InputError
	// TextErrors are the text fields refused for their length, with why
	// (their text stays in the box; nothing of the form was saved).
	TextErrors map[string]string
	// TextNotes are the text fields saved with something invisible taken
	// out of them, with what (shown where a refusal would be).
	TextNotes map[string]string
	Findings  []report.Finding
	// Marks are the reviewers' marks on the warnings, by fingerprint:
	// the clerk sees a warning sent back (退回修改) or confirmed.
	Marks map[string]report.Mark
	// Local says the administrator's rules for 第一部分 that hold for the
	// body (W13, W14), shown under its text box; "" when none.
	Local string
	// LastYear, when known, gives hints beside the carried-over cells.
	LastYear *report.Report
	// ImportURL, when last year's report is not at hand, imports it from
	// its published text (for the year ImportYear).
	ImportURL  string
	ImportYear int
	// Notice is a one-line message above the form (e.g. what was merged).
	Notice string
	// Conflicts, when a save met a newer one, and the version it met.
	Conflicts       []report.Conflict
	ConflictVersion int
	// Refresh lists fields whose inputs the response must replace (values
	// taken from a concurrent save).
	Refresh []report.Change
	// Comments are the reviewer's comments on this revision; CellComments
	// and SectionComments are the open ones at their places (by cell, and
	// by section number for comments on a section or a paragraph). ViewURL
	// is the report's read-only page (where it is submitted).
	Comments        []comments.Comment
	CellComments    map[report.CellID][]string
	SectionComments map[string][]string
	ViewURL         string
	// Shown, when known, is the page as the browser shows it now (the
	// version the form was based on): a live check then sends only the
	// marks and totals that changed. Nil sends them all.
	Shown *Page
	// Aside, when set, is a panel shown first beside the tables (a 汇总
	// report's coverage and parts).
	Aside templ.Component

	problems map[report.CellID]string
	marks    map[report.CellID]markKind
	culprits map[report.CellID]int64
}

// SaveState says whether and when the draft was saved.
type SaveState struct {
	Version int
	At      time.Time
	// Problem says why the latest input was not saved; empty when it was.
	Problem string
}

type markKind uint8

const (
	markNone markKind = iota
	markWarning
	markInvolved
	markLikely
	markCulprit
)

// NewPage derives the marks from the findings and refusals.
func NewPage(p Page) *Page {
	p.problems = map[report.CellID]string{}
	for _, e := range p.Refused {
		p.problems[e.Cell] = p.Report.RefusalNote(e)
	}
	p.marks = map[report.CellID]markKind{}
	p.culprits = map[report.CellID]int64{}
	for _, f := range p.Findings {
		p.markFinding(f)
	}
	return &p
}

// markFinding marks the cells of a finding. Completeness findings (R8) are
// not marked: a blank cell shows itself.
func (p *Page) markFinding(f report.Finding) {
	if f.Rule == report.RuleComplete {
		return
	}
	kind := markInvolved
	if f.Severity == report.Warning {
		kind = markWarning
	}
	for _, id := range f.Cells {
		p.marks[id] = max(p.marks[id], kind)
	}
	if f.Culprit != report.NoCell {
		p.marks[f.Culprit] = markCulprit
		p.culprits[f.Culprit] = f.Suggest
	} else if f.Place != report.NoCell {
		p.marks[f.Place] = max(p.marks[f.Place], markLikely)
	}
}

func (p *Page) tmpl() *report.Template { return p.Report.Template() }

func (p *Page) def(id report.CellID) *report.CellDef { return p.tmpl().Cell(id) }

// inputText is what a cell's input shows: the unreadable text the clerk
// typed, or the stored value.
func (p *Page) inputText(id report.CellID) string { return p.Report.Entry(id) }

func (p *Page) dom() *cellDOM { return domOf(p.tmpl()) }

// markState is the state of a cell's mark element (its data-state).
func (p *Page) markState(id report.CellID) string {
	if _, bad := p.problems[id]; bad {
		return "invalid"
	}
	switch p.marks[id] {
	case markCulprit:
		return "culprit"
	case markLikely:
		return "likely"
	case markInvolved:
		return "involved"
	case markWarning:
		return "warn"
	}
	return ""
}

// markText is the message beside a cell (read by screen readers with the
// input, via aria-describedby).
func (p *Page) markText(id report.CellID) string {
	if msg, bad := p.problems[id]; bad {
		return msg
	}
	switch p.marks[id] {
	case markCulprit:
		return "可能填错，按其他数字应为" + report.FormatValue(p.def(id).Kind, report.Num(p.culprits[id]))
	case markLikely:
		return "本列不平衡：多半是（一）至（六）中某一格填错"
	case markInvolved:
		return "与勾稽关系错误有关"
	case markWarning:
		return "与提醒事项有关"
	}
	return ""
}

// hint is last year's number shown under a cell, where it matters.
func (p *Page) hint(id report.CellID) string {
	if p.LastYear == nil {
		return ""
	}
	def := p.def(id)
	if def.LastYear == "" {
		return ""
	}
	v, ok := p.LastYear.Get(def.LastYear)
	if !ok || !v.Filled() {
		return ""
	}
	return fmt.Sprintf("%s：%d", def.LastYearHint, v.N)
}

// findingList is the findings panel's content.
func (p *Page) findingList() findings.List {
	l := findings.New(p.Findings, p.target)
	l.WithCells(p.Findings, func(id report.CellID) (string, string) {
		if p.def(id).Computed {
			return p.dom().input[id], p.dom().totalAria[id]
		}
		return p.dom().input[id], p.dom().aria[id]
	})
	l.WithMarks(p.Marks)
	return l
}

// target is the DOM id a finding's link moves focus to: the culprit, or
// the first cell involved, or the section's text.
func (p *Page) target(f report.Finding) string {
	if f.Narrative != "" {
		return FieldID(report.FieldNarrative + f.Narrative)
	}
	if f.Field != "" {
		return FieldID(f.Field)
	}
	if f.Culprit != report.NoCell {
		return InputID(p.def(f.Culprit).Path)
	}
	if f.Place != report.NoCell {
		return InputID(p.def(f.Place).Path)
	}
	for _, id := range f.Cells {
		if !p.def(id).Computed {
			return InputID(p.def(id).Path)
		}
	}
	if len(f.Cells) > 0 {
		return InputID(p.def(f.Cells[0]).Path)
	}
	if f.Rule == report.RuleOtherEmpty || f.Rule == report.RuleFeeNarrate {
		return FieldID(report.FieldNarrative + report.NarrativeOther)
	}
	return FormID
}

// savedText is the save state line.
func (s SaveState) text() string {
	if s.Problem != "" {
		return s.Problem
	}
	if s.At.IsZero() {
		return "尚未保存修改"
	}
	return fmt.Sprintf("已保存 %s（第%d版）", s.At.Format("15:04:05"), s.Version)
}

func itoa(n int) string { return strconv.Itoa(n) }

func headers(g report.GridCell) string { return strings.Join(g.Headers, " ") }

// invalidAttr is aria-invalid="true" on a refused input (a bare boolean
// attribute would mean false to ARIA).
func (p *Page) invalidAttr(id report.CellID) templ.Attributes {
	if p.problems[id] != "" {
		return templ.Attributes{"aria-invalid": "true"}
	}
	return nil
}

// markChanged reports whether a cell's mark differs from what is shown.
func (p *Page) markChanged(id report.CellID) bool {
	return p.Shown == nil || p.markState(id) != p.Shown.markState(id) || p.markText(id) != p.Shown.markText(id)
}

// totalChanged reports whether a computed total differs from what is shown.
func (p *Page) totalChanged(id report.CellID) bool {
	return p.Shown == nil || p.Report.Values[id] != p.Shown.Report.Values[id] || p.markState(id) != p.Shown.markState(id)
}

// cellComment is the open comments on a cell, as one text.
func (p *Page) cellComment(id report.CellID) string {
	return strings.Join(p.CellComments[id], "；")
}
