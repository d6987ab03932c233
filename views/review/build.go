package review

import (
	"fmt"
	"strings"

	"nianbao/internal/report"
	"nianbao/internal/workflow"
	"nianbao/views/comments"
	"nianbao/views/document"
	"nianbao/views/findings"
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// Input is what the review page is built from.
type Input struct {
	Frame      layout.Page
	Report     *report.Report
	State      workflow.State
	Revision   int
	Version    int
	Correction string
	Deadline   string
	Roles      workflow.Roles
	// Findings are of a final check; Reasons the clerk's reasons by key.
	Findings []report.Finding
	Reasons  map[string]string
	// Reviewed is the version last reviewed (nil: none), to diff against;
	// ReviewedVersion its number.
	Reviewed        *report.Report
	ReviewedVersion int
	Comments        []comments.Stored
	URLs            URLs
	Refusal         string
	// Duties says who may review this version when it is not anyone
	// (one's own submission) or when the body lets one person do both.
	Duties string
	// Returned is the reviewer's return, for the clerk, while it stands.
	Returned *ui.Returned
	// Typed keeps what the reader typed into a refused action's reasons.
	Typed map[string]string
	// Local says the administrator's rules for 第一部分 that hold for the
	// body (W13, W14); "" when none.
	Local string
	// Marks are the reviewers' marks on warnings, by fingerprint; MarkURL,
	// set for a reviewer, is where a mark is posted; MarkTyped brings
	// back a refused mark.
	Marks     map[string]report.Mark
	MarkURL   string
	MarkTyped MarkTyped
	At        string // the comment form's starting place
	// Confirm is the action whose confirmation the page asks for (posted
	// without it, no JavaScript); "" for none.
	Confirm workflow.Action
	// Published is the latest published revision (nil: none).
	Published *Published
}

// URLs are the addresses the page links to; empty ones are not offered.
type URLs struct {
	Edit, State, Comment, History, Board string
	// Docx is the version shown as a Word document; Portal the
	// publication page (links, embed code, portal address) once published.
	Docx, Portal string
	Resolve      func(commentID int64) string
	// Rollup is a 汇总 report's page of sums and parts.
	Rollup string
	// Preview is the PDF the version shown would be published as; View
	// the report's own page.
	Preview, View string
}

// NewPage builds the review page.
func NewPage(in Input) *Page {
	r := in.Report
	p := &Page{Frame: in.Frame, Title: r.DisplayTitle(), State: in.State.Label(), Revision: in.Revision, Version: in.Version,
		Correction: in.Correction, Deadline: in.Deadline, Refusal: in.Refusal, Duties: in.Duties, Local: in.Local, Returned: in.Returned, EditURL: in.URLs.Edit,
		HistoryURL: in.URLs.History, BoardURL: in.URLs.Board, RollupURL: in.URLs.Rollup, CommentURL: in.URLs.Comment, CommentAt: in.At,
		CommentAtLabel: atName(r, in.At), DocxURL: in.URLs.Docx, PortalURL: in.URLs.Portal, PreviewURL: in.URLs.Preview,
		Published: in.Published}
	p.Actions = actions(in)
	p.Findings = findingList(in)
	changedCells := map[string]bool{}
	if in.Reviewed != nil {
		p.ChangedFrom = in.ReviewedVersion
		p.Changes = changes(in.Reviewed, r, changedCells)
	}
	p.Comments = commentList(in, r)
	if p.CommentURL != "" {
		p.CommentTarget = targets(r)
	}
	p.Doc = document.NewView(r)
	markCells(&p.Doc, changedCells, in.Comments)
	if p.CommentURL != "" {
		commentPlaces(&p.Doc, r)
	}
	return p
}

// atName names the comment form's starting place.
func atName(r *report.Report, at string) string {
	name, _ := comments.PlaceLabel(r, at)
	return name
}

// commentPlaces lets the reviewer start a comment on a cell or paragraph of
// the document: each gets its place, which the comment form's list offers.
func commentPlaces(v *document.View, r *report.Report) {
	for si, s := range r.Template().Sections {
		sec := &v.Sections[si]
		if sec.Table == nil {
			for i := range sec.Paragraphs {
				sec.Places = append(sec.Places, report.ParaPlace(s.Narrative, i))
			}
			continue
		}
		for ri := range sec.Table.Body {
			for ci := range sec.Table.Body[ri] {
				if cell := &sec.Table.Body[ri][ci]; cell.Path != "" {
					cell.Place = report.CellPlace(cell.Path)
				}
			}
		}
	}
}

// actions are the workflow actions the reader may take now.
func actions(in Input) []Action {
	var out []Action
	for _, a := range workflow.Allowed(in.State, in.Roles) {
		act := Action{Name: string(a), Label: a.Label(), URL: in.URLs.State}
		switch a {
		case workflow.Submit:
			act.Primary = true
			for _, f := range in.Findings {
				if f.Severity == report.Warning {
					reason := in.Reasons[f.Key()]
					if typed, ok := in.Typed["reason."+f.Key()]; ok {
						reason = typed
					}
					act.Warnings = append(act.Warnings, WarningInput{Key: f.Key(), Message: f.Message, Reason: reason,
						Hint: report.ReasonHint(f.Rule)})
				}
			}
		case workflow.Return:
			act.Reason, act.ReasonHelp = "退回理由和修改意见", "请写明需要修改的地方；也可在下方对具体单元格或段落提出意见"
		case workflow.Revoke:
			act.Reason, act.ReasonHelp = "撤销审核的理由", ""
		case workflow.Correct:
			act.Reason, act.ReasonHelp = "更正说明", "写明更正的内容和原因；更正版发布后会公开显示"
		case workflow.Approve, workflow.Publish:
			act.Primary = true
		}
		act.Blocked = blocked(in, a)
		if act.Blocked == "" {
			act.Confirm = confirmOf(in, a)
		}
		if in.Typed["action"] == act.Name {
			act.Typed = in.Typed["reason"]
		}
		out = append(out, act)
	}
	return out
}

// confirmOf is the question asked before approving or publishing (nil
// for other actions): what follows, and the PDF of the version shown.
func confirmOf(in Input, a workflow.Action) *Confirm {
	if !a.AsksConfirmation() {
		return nil
	}
	c := &Confirm{ID: "confirm-" + string(a), Preview: in.URLs.Preview, Cancel: in.URLs.View, Open: in.Confirm == a,
		PreviewLabel: fmt.Sprintf("先看将要发布的PDF（第%d稿）", in.Version)}
	switch a {
	case workflow.Approve:
		c.Title, c.Button = "确认审核通过？", "确认审核通过"
		c.Text = fmt.Sprintf("审核通过的是第%d稿。通过后填报人不能再修改；发布前审核人可以撤销审核。", in.Version)
	case workflow.Publish:
		c.Title, c.Button = "确认发布？", "确认发布"
		c.Text = fmt.Sprintf("发布后第%d稿的网页、PDF和数据即向社会公开，且不能再修改或撤回；如有错误只能发起更正，发布更正版。", in.Version)
	}
	return c
}

// blocked is the workflow's refusal of an action that needs a report
// without errors while errors remain ("" otherwise), so the button can be
// disabled with the reason beside it before anyone posts.
func blocked(in Input, a workflow.Action) string {
	if a != workflow.Submit && a != workflow.Approve && a != workflow.Publish {
		return ""
	}
	n := report.TallyOf(in.Findings).Errors
	if n == 0 {
		return ""
	}
	if _, err := workflow.Next(in.State, a, in.Roles, workflow.Facts{Errors: n}); err != nil {
		return err.Error()
	}
	return ""
}

// MarkTyped is a refused mark: the warning's fingerprint, the reason
// typed and why it was refused.
type MarkTyped struct{ Print, Reason, Error string }

// findingList is the findings panel of a final check, each finding linked
// to its cell in the document and warnings with the clerk's reasons.
func findingList(in Input) findings.List {
	l := findings.New(in.Findings, func(f report.Finding) string {
		if f.Narrative != "" {
			return document.ParaAnchor(f.Narrative, f.Para)
		}
		if f.Culprit != report.NoCell {
			return document.CellAnchor(f.CulpritPath())
		}
		if len(f.Cells) > 0 {
			return document.CellAnchor(f.Paths()[0])
		}
		if f.Rule == report.RuleOtherEmpty { // 六 says nothing of the fee: its heading
			return document.SectionAnchor(report.NarrativeSection(report.NarrativeOther))
		}
		return "main" // a finding about the report as a whole
	})
	l.WithCells(in.Findings, func(id report.CellID) (string, string) {
		def := in.Report.Template().Cell(id)
		return document.CellAnchor(def.Path), def.AriaLabel()
	})
	l.CSRF = in.Frame.CSRF
	l.WithMarks(in.Marks)
	for i, f := range in.Findings {
		it := &l.Items[i]
		it.Reason = in.Reasons[f.Key()]
		if f.Severity != report.Warning {
			continue
		}
		it.MarkURL = in.MarkURL
		if in.MarkTyped.Print == it.Print {
			it.MarkReason, it.MarkError = in.MarkTyped.Reason, in.MarkTyped.Error
		}
	}
	return l
}

// changes lists the cells and texts changed since the reviewed version,
// narratives paragraph by paragraph, and marks the changed cells.
func changes(old, cur *report.Report, changed map[string]bool) []Change {
	var out []Change
	for _, c := range report.Diff(old, cur) {
		if c.Cell != report.NoCell {
			changed[c.Field] = true
			out = append(out, Change{Label: c.Label, Old: c.Old, New: c.New, Target: document.CellAnchor(c.Field)})
			continue
		}
		key, isNarrative := strings.CutPrefix(c.Field, report.FieldNarrative)
		if !isNarrative {
			out = append(out, Change{Label: c.Label, Old: c.Old, New: c.New, Target: "main"})
			continue
		}
		for _, pc := range report.DiffParagraphs(c.Old, c.New) {
			ch := Change{Label: fmt.Sprintf("%s 第%d段", c.Label, pc.Index+1), Paragraph: true,
				Target: document.ParaAnchor(key, pc.Index)}
			if pc.Added {
				ch.New = pc.Text
			} else {
				ch.Old, ch.Target = pc.Text, document.SectionAnchor(report.NarrativeSection(key))
			}
			out = append(out, ch)
		}
	}
	return out
}

// commentList offers the clerk to mark open comments addressed while the
// report is theirs to edit.
func commentList(in Input, r *report.Report) []comments.Comment {
	var resolve func(int64) string
	if in.Roles.Clerk && in.State.Editable() {
		resolve = in.URLs.Resolve
	}
	return comments.List(r, in.Comments, nil, resolve)
}

// markCells adds classes to the document's cells: changed since the last
// review, and commented.
func markCells(v *document.View, changed map[string]bool, cs []comments.Stored) {
	commented := map[string]bool{}
	for _, c := range cs {
		if a := report.ParseCommentPlace(c.Place); a.Cell != "" && !c.Resolved {
			commented[a.Cell] = true
		}
	}
	for si := range v.Sections {
		t := v.Sections[si].Table
		if t == nil {
			continue
		}
		for ri := range t.Body {
			for ci := range t.Body[ri] {
				cell := &t.Body[ri][ci]
				if changed[cell.Path] {
					cell.Class += " changed"
				}
				if commented[cell.Path] {
					cell.Class += " commented"
				}
			}
		}
	}
}
