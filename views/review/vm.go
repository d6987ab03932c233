// Package review is the report as its reviewer, its clerk between edits and
// its supervising office read it: read-only, with every finding of a final
// check (and the clerk's reasons for the warnings), what changed since the
// reviewer last looked, the comments at their places, and the actions the
// reader may take now (submit, return, approve, publish, correct …).
package review

import (
	"nianbao/views/comments"
	"nianbao/views/document"
	"nianbao/views/findings"
	"nianbao/views/layout"
	"nianbao/views/public"
	"nianbao/views/ui"
)

// Page is the review page.
type Page struct {
	Frame    layout.Page
	Title    string
	State    string // 草稿, 待审核 …
	Revision int
	// Correction is the 更正说明 of a revision after the first.
	Correction string
	Deadline   string
	// Refusal says why the last action was refused (shown at the actions).
	Refusal string
	// Duties is the separation-of-duties notice at the actions.
	Duties string
	// Local is the administrator's rules for 第一部分, beside the findings.
	Local string
	// Returned is the reviewer's return while the report stays returned.
	Returned *ui.Returned

	// Version is the version shown: actions are taken on it.
	Version int

	EditURL    string // set when the reader may edit now
	HistoryURL string // set when the reader may read the history
	BoardURL   string // set for a supervisor: back to the board
	DocxURL    string // the version shown as Word (for the leader's signature)
	PortalURL  string // the publication page, once published
	PreviewURL string // the PDF of the version shown, as it would be published
	RollupURL  string // set for a 汇总 report: its sums and parts
	Actions    []Action
	// Published links the latest published revision (nil: none yet).
	Published *Published

	Findings findings.List

	// Changes since the version last reviewed; ChangedFrom is that version
	// (0: this is the first review).
	ChangedFrom int
	Changes     []Change

	Comments      []comments.Comment
	CommentURL    string // set when the reader may comment now
	CommentTarget []TargetGroup
	// CommentAt is the place the comment form starts with (?at=…), and
	// CommentAtLabel its name in words.
	CommentAt      string
	CommentAtLabel string

	Doc document.View
}

// Action is one workflow action the reader may take: a button, with a
// reason box where the action needs one.
type Action struct {
	Name, Label string
	URL         string
	Primary     bool
	// Reason names the reason box ("" for none) and ReasonHelp explains it.
	Reason, ReasonHelp string
	// Typed is what the reader wrote in the reason box when this action
	// was refused (brought back, never lost).
	Typed string
	// Warnings ask for a reason each (submission).
	Warnings []WarningInput
	// Blocked says why the action cannot be taken as the report stands
	// (errors remain): the button is disabled and this is said beside it.
	Blocked string
	// Confirm asks before an action that is not simply undone (approve,
	// publish); nil for the others.
	Confirm *Confirm
}

// Confirm is the dialog that asks before an action: what it will do, the
// PDF to check first, and the buttons. With JavaScript it opens as a modal
// <dialog> on the action's button; without, the server answers the first
// post with it Open in the page.
type Confirm struct {
	ID           string // the dialog's id
	Title, Text  string
	Button       string // the confirming button's label
	Preview      string // the PDF of the version shown, as it would be published
	PreviewLabel string
	Cancel       string // back to the report (without JavaScript)
	Open         bool
}

// Published is the report's latest published revision: its public
// addresses.
type Published struct {
	Revision int
	Date     string // 2026年12月3日
	Current  bool   // the report stands published (not a correction under way)
	Links    []public.Link
}

// WarningInput is a warning of the report and the reason the clerk gives.
type WarningInput struct {
	Key, Message, Reason string
	// Hint is the rule's example of a reason (report.ReasonHint).
	Hint string
}

// Change is one difference since the last review.
type Change struct {
	Label, Old, New string
	Target          string // the id in the document
	// Paragraph marks a narrative paragraph added (New) or removed (Old).
	Paragraph bool
}

// TargetGroup is an <optgroup> of the comment form's place list.
type TargetGroup struct {
	Label   string
	Options []Option
}

// Option is one place a comment can point at: Label in the list (row ·
// column within the section's group), Name in full (第三部分 （一）予以公开 ×
// 自然人), said when the place is chosen from the document.
type Option struct {
	Value, Label, Name string
}
