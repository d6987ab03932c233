// Package public is what anyone reads without logging in: the bodies with
// published reports, a body's reports (one per year, corrections marked),
// and a published revision as a page laid out like the official document,
// with its PDF, its JSON and the PDF's SHA-256.
package public

import (
	"nianbao/views/document"
	"nianbao/views/layout"
)

// IndexPage lists the bodies with published reports.
type IndexPage struct {
	Frame  layout.Page
	Bodies []BodyItem
}

// BodyItem is one body in the index.
type BodyItem struct {
	Name, URL string
	Latest    int
}

// BodyPage is a body's published reports, newest year first.
type BodyPage struct {
	Frame layout.Page
	Name  string
	Years []YearItem
}

// YearItem is a year's report: its latest revision, and the earlier ones
// when it was corrected.
type YearItem struct {
	Year    int
	Latest  RevisionItem
	Earlier []RevisionItem
}

// RevisionItem is one published revision in a list.
type RevisionItem struct {
	Revision   int
	Date       string
	Correction string
	URL        string
	PDFURL     string
	DOCXURL    string
}

// ReportPage is one published revision.
type ReportPage struct {
	Frame    layout.Page
	BodyName string
	BodyURL  string
	Revision int
	Date     string
	PDFURL   string
	JSONURL  string
	DOCXURL  string
	XLSXURL  string
	CSVURL   string
	SHA256   string
	PDFSize  string
	// PortalURL is where the body posted this revision on its portal
	// (回填); empty until recorded.
	PortalURL string
	// DataURL opens the body's figures in the open data.
	DataURL string
	// Newer links to the latest revision when this one was corrected.
	Newer string
	Doc   document.View
}
