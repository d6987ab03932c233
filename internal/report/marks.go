package report

import (
	"strings"
	"time"
	"unicode/utf8"
)

// MarkStatus is a reviewer's triage of a warning (docs/checks.md).
type MarkStatus string

const (
	// MarkConfirmed is 已核实（确认无误）: the reviewer checked the warning
	// and the report is right as it stands.
	MarkConfirmed MarkStatus = "confirmed"
	// MarkReturned sends the warning back to the clerk to put right.
	MarkReturned MarkStatus = "returned"
)

// markClear is what a form posts to take a mark back.
const markClear = "clear"

// ParseMarkStatus returns the status a form names: a status, "" for
// "clear" (the mark taken back), or false.
func ParseMarkStatus(s string) (MarkStatus, bool) {
	switch MarkStatus(s) {
	case MarkConfirmed, MarkReturned:
		return MarkStatus(s), true
	case markClear:
		return "", true
	}
	return "", false
}

// Label is the status as the pages say it.
func (s MarkStatus) Label() string {
	if s == MarkConfirmed {
		return "已核实（确认无误）"
	}
	return "退回修改"
}

// Mark is a reviewer's triage of one warning, kept by the finding's
// Fingerprint: it holds while the finding stands as it was.
type Mark struct {
	Print  string
	Rule   string
	Status MarkStatus
	Reason string
	By     string // the reviewer's name
	At     time.Time
}

// MaxMarkReason bounds a reviewer's reason, in characters.
const MaxMarkReason = 500

// MarkReasonProblem says in Chinese what is wrong with a reviewer's
// reason for a mark, or "": a mark needs one (who reads the board later
// must know why a warning was let stand or sent back).
func MarkReasonProblem(reason string) string {
	n := utf8.RuneCountInString(strings.TrimSpace(reason))
	switch {
	case n < 2:
		return "请写明核实的情况或需要修改的地方"
	case n > MaxMarkReason:
		return "说明最多500字"
	}
	return ""
}

// TallyMarked is TallyOf with the warnings that marks confirm counted
// apart (Tally.Confirmed): the board shows the open and the confirmed.
func TallyMarked(fs []Finding, marks map[string]Mark) Tally {
	t := TallyOf(fs)
	if len(marks) == 0 {
		return t
	}
	for _, f := range fs {
		if f.Severity == Warning && !f.finalError && marks[f.Fingerprint()].Status == MarkConfirmed {
			t.Confirmed++
		}
	}
	return t
}
