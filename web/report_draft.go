package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/names"
	"nianbao/internal/report"
	"nianbao/internal/store"
)

// draft is the outcome of posting the editor's form: what the form shows
// now, whether and as which version it was saved, what the clerk must be
// told, and the one check of what the form shows.
type draft struct {
	Report  *report.Report
	Version int // the base version the form carries next
	SavedAt time.Time
	// Refused are the refusals of every unread text (report.Refusals):
	// those typed now and those kept from before.
	Refused []*report.InputError
	// Findings are the check of Report, made once per request; Marks the
	// reviewers' marks on its warnings, where read (the clerk sees a
	// warning sent back, or confirmed).
	Findings []report.Finding
	Marks    map[string]report.Mark
	// Took lists fields taken from a save made elsewhere meanwhile.
	Took            []report.Change
	Conflicts       []report.Conflict
	ConflictVersion int
	Problem         string
	// TooLong are the text fields over their length, with why; nothing
	// was saved, and Report shows them as typed.
	TooLong map[string]string
	// Cleaned are the text fields the form carried with NUL characters or
	// bytes that are not UTF-8, with what was taken out (cleanForm).
	Cleaned map[string]string
}

// checker checks a report as the editor shows it (the format's rules with
// last year's report and, for a 汇总 report, the summary's); typed are the
// cells the form just carried, for naming a typing slip.
type checker func(r *report.Report, typed ...report.CellID) []report.Finding

// formInput is the editor's form: its fields, the version it was based on,
// and, when the clerk resolves a conflict, their choices.
type formInput struct {
	get  func(field string) (string, bool)
	base int
	// keep maps a conflicting field to "mine" or "theirs"; set only when
	// resolving the conflict with version conflictVersion.
	keep            map[string]string
	conflictVersion int
	// cleaned are the fields cleanForm changed before the form was read.
	cleaned map[string]names.Cleaned
}

// readForm reads the editor's form: the fields, base_version and, when
// resolving a conflict, conflict_version and the keep.<field> choices.
func readForm(c echo.Context) (formInput, error) {
	form, err := c.FormParams()
	if err != nil {
		return formInput{}, echo.NewHTTPError(http.StatusBadRequest, "无法读取提交的表单。")
	}
	base, err := strconv.Atoi(form.Get("base_version"))
	if err != nil || base < 1 {
		return formInput{}, echo.NewHTTPError(http.StatusUnprocessableEntity, "缺少报告版本号（base_version），请刷新页面后再保存。")
	}
	in := formInput{base: base, cleaned: cleanedFields(c), get: func(f string) (string, bool) {
		v, ok := form[f]
		if !ok || len(v) == 0 {
			return "", false
		}
		return v[len(v)-1], true
	}}
	if form.Get("resolve") != "" {
		in.conflictVersion, _ = strconv.Atoi(form.Get("conflict_version"))
		in.keep = map[string]string{}
		for k, v := range form {
			if field, ok := strings.CutPrefix(k, "keep."); ok && len(v) > 0 {
				in.keep[field] = v[0]
			}
		}
	}
	return in, nil
}

// saveDraft applies the form to the stored report, checks the result once
// and saves it with that check's tally if anything changed: one parse, one
// check, one write. A form based on an older version is merged with what
// was saved meanwhile (report.Merge): fields only the other side changed
// are taken over, fields both changed differently come back as conflicts
// and nothing is saved until the clerk chooses. (Only when another save
// lands between our read and our write is the merged form checked again.)
//
// The reviewer's marks of warnings are read once, for the tally saved and
// for the panel of every outcome (a refused or conflicting save shows them
// too).
func (s *Server) saveDraft(ctx context.Context, rec *store.ReportRecord, in formInput, by int64, check checker) (*draft, error) {
	marks, err := s.store.FindingMarks(ctx, rec.ID)
	if err != nil {
		return nil, err
	}
	d, err := s.saveForm(ctx, rec, in, marks, by, check)
	if d != nil {
		d.Cleaned, d.Marks = in.cleanedNotes(), marks
	}
	return d, err
}

// cleanedNotes says, for each text field of the report the form carried
// cleaned, what was taken out.
func (in formInput) cleanedNotes() map[string]string {
	var out map[string]string
	for _, f := range report.TextFields {
		if note := names.CleanedNote(in.cleaned[f]); note != "" {
			if out == nil {
				out = map[string]string{}
			}
			out[f] = note
		}
	}
	return out
}

// saveForm is saveDraft but for the notes on cleaned fields and the marks
// shown.
func (s *Server) saveForm(ctx context.Context, rec *store.ReportRecord, in formInput, marks map[string]report.Mark, by int64, check checker) (*draft, error) {
	if long := report.TextsTooLong(in.get); long != nil {
		return tooLong(rec, in, long, check), nil
	}
	if in.base == rec.Version {
		d, err := s.saveOnto(ctx, rec, rec.Report, in, marks, by, check)
		if !errors.Is(err, store.ErrStale) {
			return d, err
		}
		// Someone saved between our read and our write: merge with theirs.
		if rec, err = s.store.Report(ctx, rec.ID); err != nil {
			return nil, err
		}
	}
	return s.mergeDraft(ctx, rec, in, marks, by, check)
}

// saveOnto applies the form onto base, checks it and saves it as rec's
// next version, with the tally its marks leave.
func (s *Server) saveOnto(ctx context.Context, rec *store.ReportRecord, base *report.Report, in formInput, marks map[string]report.Mark, by int64, check checker) (*draft, error) {
	r, _ := report.Apply(base, in.get)
	report.FillTotals(r)
	// Every text still unread is refused, not only those just posted: the
	// marks of cells typed earlier must stay (their refusals ride along
	// with the report, read once).
	d := &draft{Report: r, Version: rec.Version, SavedAt: rec.UpdatedAt, Refused: r.Refusals(),
		Findings: check(r, typedCells(r.Template(), in)...)}
	if len(report.Diff(rec.Report, r)) == 0 {
		return d, nil // nothing new: no version for an unchanged form
	}
	tally := report.TallyMarked(d.Findings, marks)
	v, err := s.store.SaveDraft(ctx, rec.ID, rec.Version, r, tally, by)
	switch {
	case errors.Is(err, store.ErrNotEditable):
		d.Problem = "未保存：报告已提交审核或已审核，不能再修改"
		return d, nil
	case err != nil:
		return d, err
	}
	d.Version, d.SavedAt = v, s.store.Now()
	return d, nil
}

// mergeDraft handles a form based on an older version than rec's.
func (s *Server) mergeDraft(ctx context.Context, rec *store.ReportRecord, in formInput, marks map[string]report.Mark, by int64, check checker) (*draft, error) {
	base, err := s.store.ReportVersion(ctx, rec.ID, in.base)
	if errors.Is(err, store.ErrNotFound) {
		base = rec // an unknown base: treat every difference as the clerk's own
	} else if err != nil {
		return nil, err
	}
	mine, _ := report.Apply(base.Report, in.get)
	merged, took, conflicts := report.Merge(base.Report, mine, rec.Report)
	if in.keep != nil && in.conflictVersion == rec.Version {
		for _, c := range conflicts {
			if in.keep[c.Field] == "theirs" {
				merged.Take(rec.Report, c)
			}
		}
		conflicts = nil
	}
	report.FillTotals(merged)
	if len(conflicts) > 0 {
		return &draft{Report: merged, Version: in.base, SavedAt: rec.UpdatedAt, Refused: merged.Refusals(),
			Findings: check(merged), Took: took, Conflicts: conflicts, ConflictVersion: rec.Version,
			Problem: fmt.Sprintf("未保存：与第%d版有%d处冲突，请在右侧逐项选择", rec.Version, len(conflicts))}, nil
	}
	d, err := s.saveOnto(ctx, rec, merged, formInput{get: func(string) (string, bool) { return "", false }}, marks, by, check)
	if errors.Is(err, store.ErrStale) { // a third save in between: let the clerk's next keystroke retry
		d.Version, d.Problem, err = in.base, "未保存：报告刚刚又被另一处保存，将在下次输入时重试", nil
	}
	if d != nil {
		d.Took = took
	}
	return d, err
}

// tooLong refuses a form with a text over its length: nothing is saved
// (what one save may store stays bounded), the message is at each such
// field, and the draft shows the texts as typed so that a page rendered
// from it (the plain save) loses none of them.
func tooLong(rec *store.ReportRecord, in formInput, long map[string]string, check checker) *draft {
	shown := rec.Report.Clone()
	for f := range long {
		if text, ok := in.get(f); ok {
			shown.SetText(f, text)
		}
	}
	labels := make([]string, 0, len(long))
	for _, f := range report.TextFields {
		if long[f] != "" {
			labels = append(labels, report.FieldLabel(f))
		}
	}
	return &draft{Report: shown, Version: in.base, SavedAt: rec.UpdatedAt, Refused: rec.Report.Refusals(), Findings: check(shown), TooLong: long,
		Problem: "未保存：" + strings.Join(labels, "、") + "超过字数上限，请删减后再保存"}
}

// typedCells are the cells a form carries, up to two (a finding names a
// slip only when one cell was typed; the live check sends only what the
// clerk changed).
func typedCells(t *report.Template, in formInput) []report.CellID {
	var out []report.CellID
	for i := range t.Cells {
		if _, ok := in.get(t.Cells[i].Path); ok && !t.Cells[i].Computed {
			if out = append(out, report.CellID(i)); len(out) > 1 {
				break
			}
		}
	}
	return out
}

// notice tells the clerk what a merge took from the other save.
func (d *draft) notice(version int) string {
	if len(d.Took) == 0 {
		return ""
	}
	labels := make([]string, 0, len(d.Took))
	for _, c := range d.Took {
		labels = append(labels, c.Label)
	}
	if len(labels) > 5 {
		labels = append(labels[:5], fmt.Sprintf("等%d项", len(d.Took)))
	}
	return fmt.Sprintf("另一个窗口或同事在你编辑期间保存过（第%d版），已合并其修改：%s。", version, strings.Join(labels, "、"))
}

// lastYear returns the body's report of the year before rec's, or nil.
func (s *Server) lastYear(ctx context.Context, rec *store.ReportRecord) (*report.Report, error) {
	return s.reportBefore(ctx, rec.BodyID, rec.Year)
}

// reportBefore returns the body's report of the year before year: the one
// written in nianbao, or else the one a clerk imported from its published
// text (the reference report); nil when there is neither.
func (s *Server) reportBefore(ctx context.Context, bodyID int64, year int) (*report.Report, error) {
	last, err := s.store.ReportOrReference(ctx, bodyID, year-1)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	return last, err
}
