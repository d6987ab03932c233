package home

import (
	"github.com/a-h/templ"

	"nianbao/internal/workflow"
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// DashboardVM is a logged-in user's start page: each body they hold a role
// at, with its reports.
type DashboardVM struct {
	Page   layout.Page
	Bodies []BodyVM
	// CheckURL is the page that checks a published report's text; empty
	// for users who do not work with reports.
	CheckURL string
	// ToReview lists the submitted reports this reviewer may review; ToFix
	// the reports back with this clerk (returned, or with open comments).
	ToReview, ToFix []TaskVM
	// Board and Admin point a supervisor to the status board and an
	// administrator to the bodies and users.
	Board, Admin bool
}

// TaskVM is a report waiting for the user: where, which, why and by when.
type TaskVM struct {
	Body, State, Why, Due, URL string
	Year                       int
}

// BodyVM is one body on the start page.
type BodyVM struct {
	ID       int64
	Name     string
	Kind     string
	Deadline string
	Roles    []string
	Reports  []ReportVM
	// CanCreate shows the form that starts a report (clerks).
	CanCreate bool
	// CreateURL is where that form posts.
	CreateURL string
	// NextYear is the year the form proposes.
	NextYear int
	// YearError is the message at the year field after a refused create.
	YearError string
	// ShowReports lists the reports (clerks, reviewers).
	ShowReports bool
	// ImportURL imports the body's published report of ImportYear (the
	// year before NextYear) when it is not in the system; empty otherwise.
	ImportURL  string
	ImportYear int
	// Imported says that report was imported already.
	Imported bool
	// ScopeChoice, for a body with subordinate bodies, chooses the new
	// report's kind and scope (本机关 or 汇总).
	ScopeChoice templ.Component
}

// ReportVM is one report in the list.
type ReportVM struct {
	ID       int64
	Revision int
	Year     int
	State    string
	Is       workflow.State
	// UpdatedAt is the last save in words (2026年12月3日 15:04); Due the
	// legal deadline and the days left (empty once published).
	UpdatedAt, Due string
	EditURL        string
	// Returned is the reviewer's return, shown to the clerk until they
	// resubmit.
	Returned *ui.Returned
}
