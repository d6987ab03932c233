// Package comments shows reviewers' comments: the list on the review page
// and the same list in the editor, each comment's place named in words and
// linked to where it is on that page.
package comments

import (
	"fmt"
	"time"

	"nianbao/internal/report"
	"nianbao/internal/workflow"
	"nianbao/views/document"
)

// Stored is a stored comment as a page needs it.
type Stored struct {
	ID       int64
	Place    string // the comment's place (report.ParseCommentPlace)
	Body     string
	Author   string
	At       time.Time
	Resolved bool
	Version  int
}

// Comment is a reviewer's comment as a page shows it.
type Comment struct {
	Target     string // where, in words
	Link       string // the id in the page
	Body       string
	Author, At string
	Resolved   bool
	// Changed says the commented place changed since the comment.
	Changed    bool
	ResolveURL string // set for the clerk while open
}

// List turns stored comments into the list a page shows. link, when
// given, says where a comment's place is on that page (the editor's inputs
// rather than the document's cells); resolve, when given, offers to mark
// open comments as addressed.
func List(r *report.Report, cs []Stored, link func(place string) string, resolve func(int64) string) []Comment {
	var out []Comment
	for _, c := range cs {
		label, target := PlaceLabel(r, c.Place)
		if link != nil && target != "" {
			target = link(c.Place)
		}
		item := Comment{Target: label, Link: target, Body: c.Body, Author: c.Author,
			At: c.At.In(workflow.ChinaTime).Format("2006-01-02 15:04"), Resolved: c.Resolved}
		if !c.Resolved && resolve != nil {
			item.ResolveURL = resolve(c.ID)
		}
		out = append(out, item)
	}
	return out
}

// ParaName names paragraph i (from 0) of a narrative text: 五、存在的主要问题及改进情况 第2段.
func ParaName(narrative string, i int) string {
	return fmt.Sprintf("%s 第%d段", report.FieldLabel(report.FieldNarrative+narrative), i+1)
}

// PlaceLabel names a comment's place in words and gives the document id
// it links to ("" for the whole report or a place that no longer exists).
func PlaceLabel(r *report.Report, place string) (string, string) {
	if place == "" {
		return "整个报告", ""
	}
	if !r.HasCommentPlace(place) {
		return "（已不存在的位置）", ""
	}
	t, p := r.Template(), report.ParseCommentPlace(place)
	switch {
	case p.Cell != "":
		return t.Cell(t.Lookup(p.Cell)).Name(), document.CellAnchor(p.Cell)
	case p.Narrative != "":
		return ParaName(p.Narrative, p.Para), document.ParaAnchor(p.Narrative, p.Para)
	default:
		for _, s := range t.Sections {
			if s.Number == p.Section {
				return s.Heading, document.SectionAnchor(p.Section)
			}
		}
	}
	return "（已不存在的位置）", ""
}
