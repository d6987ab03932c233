// Package findings is the findings panel: every broken rule of a report
// as a readable equation with its numbers, each a link to the place it
// points at. The report editor and the preview of an imported text show
// the same panel; where a finding points (an input of the editor, a cell
// of the preview) is the caller's to say.
package findings

import (
	"fmt"
	"strings"

	"nianbao/internal/report"
	"nianbao/internal/workflow"
)

// ID is the panel's DOM id; the editor's live check swaps it out-of-band.
const ID = "findings"

// List is the panel as shown.
type List struct {
	// Summary is the headline: 没有发现问题, 2个错误，1个提醒 …
	Summary   string
	HasErrors bool
	Items     []Item
	// CSRF is the token of the items' mark forms (where they are offered).
	CSRF string
}

// Mark is a reviewer's mark on a warning, as shown.
type Mark struct {
	Confirmed         bool
	Label, Reason, By string
	At                string
}

// Item is one finding.
type Item struct {
	Rule      string
	RuleTitle string
	Severity  report.Severity
	Message   string
	// Target is the DOM id the finding links to (JavaScript moves focus
	// there; without it the link scrolls there).
	Target string
	// Quote is the text of the report a finding about a text quotes (the
	// sentence W2, W7, W10 … found), where the finding's link selects it
	// in the text (static/js/app.js), and Para the paragraph it is in
	// (Paragraphs' index; -1 for a field). "" where it quotes nothing of
	// the text.
	Quote string
	Para  int
	// Cell and CellLabel are the cell a finding about a text names (the
	// table's figure W2 and W4 compare with), linked beside the sentence:
	// its DOM id and what the cell is. "" for other findings.
	Cell, CellLabel string
	// Reason is the clerk's written reason for a warning, where the page
	// shows it (the review page).
	Reason string
	// Print is the finding's fingerprint; Mark the reviewer's mark on it,
	// where the page shows marks (nil: none).
	Print string
	Mark  *Mark
	// MarkURL, where the reader may mark this warning (a reviewer on the
	// review page), is where the mark form posts; MarkReason and
	// MarkError bring back a refused mark's reason and why.
	MarkURL, MarkReason, MarkError string
}

// markOf is a reviewer's mark as shown.
func markOf(m report.Mark) *Mark {
	return &Mark{Confirmed: m.Status == report.MarkConfirmed, Label: m.Status.Label(), Reason: m.Reason,
		By: m.By, At: m.At.In(workflow.ChinaTime).Format("2006-01-02 15:04")}
}

// WithMarks shows on each warning the reviewer's mark kept for its
// fingerprint (marks by Print); errors take no marks.
func (l *List) WithMarks(marks map[string]report.Mark) {
	for i := range l.Items {
		it := &l.Items[i]
		if m, ok := marks[it.Print]; ok && it.Severity == report.Warning {
			it.Mark = markOf(m)
		}
	}
}

// ItemID is the DOM id of the finding with fingerprint print (a mark's
// form returns there).
func ItemID(print string) string { return "finding-" + print }

// New lists the findings in their order; target names the DOM id each
// one points at.
func New(fs []report.Finding, target func(report.Finding) string) List {
	l := List{Items: make([]Item, len(fs))}
	errs, warns := 0, 0
	for i, f := range fs {
		if f.Severity == report.Error {
			errs++
		} else {
			warns++
		}
		l.Items[i] = Item{Rule: f.Rule, RuleTitle: report.RuleTitles[f.Rule], Severity: f.Severity,
			Message: f.Message, Target: target(f), Print: f.Fingerprint(), Quote: QuoteOf(f), Para: -1}
		if f.Narrative != "" {
			l.Items[i].Para = f.Para
		}
	}
	l.Summary, l.HasErrors = Summary(errs, warns), errs > 0
	return l
}

// WithCells links each finding about a text that names cells (fs, in the
// list's order) to the first of them as well: cell gives its DOM id and
// label. A finding's link goes to the sentence; this one to the figure.
func (l *List) WithCells(fs []report.Finding, cell func(report.CellID) (id, label string)) {
	for i, f := range fs {
		if i < len(l.Items) && (f.Narrative != "" || f.Field != "") && len(f.Cells) > 0 {
			id := f.Cells[0]
			if f.Culprit != report.NoCell {
				id = f.Culprit
			}
			l.Items[i].Cell, l.Items[i].CellLabel = cell(id)
		}
	}
}

// QuoteOf is the text a finding about a text quotes of it: the first
// “…” of its message (quotes nested in the sentence kept), without the
// "…" that mark an excerpt. A finding that quotes something other than
// the text (W14 an item the text lacks, W11 a published heading) and a
// finding about the tables quote nothing.
func QuoteOf(f report.Finding) string {
	if f.Narrative == "" && f.Field == "" || f.Rule == report.RuleOverviewItems || f.Rule == report.RuleStructure {
		return ""
	}
	start := strings.Index(f.Message, "“")
	if start < 0 {
		return ""
	}
	body := f.Message[start+len("“"):]
	depth := 1
	for i, r := range body {
		switch r {
		case '“':
			depth++
		case '”':
			if depth--; depth == 0 {
				return strings.TrimSpace(strings.Trim(body[:i], "…"))
			}
		}
	}
	return ""
}

// Summary is the headline for a number of errors and warnings.
func Summary(errors, warnings int) string {
	switch {
	case errors == 0 && warnings == 0:
		return "没有发现问题"
	case warnings == 0:
		return fmt.Sprintf("%d个错误", errors)
	case errors == 0:
		return fmt.Sprintf("%d个提醒", warnings)
	}
	return fmt.Sprintf("%d个错误，%d个提醒", errors, warnings)
}

// tooltip is the severity label's tooltip: the rule's one-line title and
// its code, which support and `nianbao check` use.
func (f Item) tooltip() string {
	if f.RuleTitle == "" {
		return "规则" + f.Rule
	}
	return f.RuleTitle + "（规则" + f.Rule + "）"
}

func severityLabel(s report.Severity) string {
	if s == report.Error {
		return "错误"
	}
	return "提醒"
}
