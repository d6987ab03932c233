// Package publish is a report's publication page for the body's clerk and
// reviewer: each published revision's permanent links, the HTML fragment
// to paste into the portal's CMS, and the form where the clerk records the
// portal address where the report was posted (回填).
package publish

import (
	"nianbao/views/layout"
	"nianbao/views/public"
)

// Page is the publication page of a report.
type Page struct {
	Frame     layout.Page
	Title     string
	ReportURL string
	// Revisions are the published ones, newest first; none before the
	// first publication.
	Revisions []Revision
	// MayRecord says whether the reader may record portal addresses.
	MayRecord bool
	Saved     string // a confirmation after a recorded address
}

// Revision is one published revision.
type Revision struct {
	Number int
	Date   string
	Links  []public.Link
	// Embed is the fragment's markup, shown for copying.
	Embed string
	// Portal is the recorded portal address, or what was typed.
	Portal, Error string
	ActionURL     string
}
