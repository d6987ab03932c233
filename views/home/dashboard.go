package home

import (
	"github.com/a-h/templ"

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
	Year      int
	State     string
	Version   int
	UpdatedAt string
	EditURL   string
	// Returned is the reviewer's return, shown to the clerk until they
	// resubmit.
	Returned *ui.Returned
}
