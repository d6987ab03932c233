package report

import (
	"fmt"
	"strconv"
	"strings"
)

// A comment's place says where in a report a reviewer's comment points:
//
//	""                            the whole report
//	"section:三"                  a section
//	"para:overview:2"             the third paragraph of a narrative section
//	"cell:requests.granted.total" a cell
//
// The places are stored with the comments, so their spelling is part of
// the data; the review page, the editor and the comment form all read them
// through ParseCommentPlace.
const (
	placeSection = "section:"
	placePara    = "para:"
	placeCell    = "cell:"
)

// CommentPlace is a comment's place taken apart: at most one of Cell,
// Section and Narrative is set (none: the whole report); Para is the
// paragraph of Narrative, Section also the section of that paragraph.
type CommentPlace struct {
	Cell      string // dotted path
	Section   string // number 一 … 六
	Narrative string // narrative key of a paragraph
	Para      int
}

// ParseCommentPlace takes a place apart; Para is -1 when it is not a number.
func ParseCommentPlace(place string) CommentPlace {
	switch {
	case strings.HasPrefix(place, placeCell):
		return CommentPlace{Cell: strings.TrimPrefix(place, placeCell)}
	case strings.HasPrefix(place, placeSection):
		return CommentPlace{Section: strings.TrimPrefix(place, placeSection)}
	case strings.HasPrefix(place, placePara):
		key, idx, _ := strings.Cut(strings.TrimPrefix(place, placePara), ":")
		n, err := strconv.Atoi(idx)
		if err != nil {
			n = -1
		}
		return CommentPlace{Narrative: key, Section: NarrativeSection(key), Para: n}
	}
	return CommentPlace{}
}

// SectionPlace is the place of section number (一 … 六).
func SectionPlace(number string) string { return placeSection + number }

// ParaPlace is the place of paragraph i (from 0) of a narrative section.
func ParaPlace(narrative string, i int) string {
	return fmt.Sprintf("%s%s:%d", placePara, narrative, i)
}

// CellPlace is the place of the cell at a dotted path.
func CellPlace(path string) string { return placeCell + path }

// HasCommentPlace reports whether place names a place of r: the whole
// report, one of its sections, an existing paragraph of a narrative, or a
// cell of its template.
func (r *Report) HasCommentPlace(place string) bool {
	if place == "" {
		return true
	}
	t, p := r.Template(), ParseCommentPlace(place)
	switch {
	case p.Cell != "":
		return t.Lookup(p.Cell) != NoCell
	case p.Narrative != "":
		return p.Section != "" && p.Para >= 0 && p.Para < len(Paragraphs(r.Narrative.Text(p.Narrative)))
	case p.Section != "":
		for _, s := range t.Sections {
			if s.Number == p.Section {
				return true
			}
		}
	}
	return false
}

// NarrativeSection is the number of the 2021 format's section holding a
// narrative key ("" for none).
func NarrativeSection(narrative string) string {
	for _, s := range T2021.Sections {
		if s.Narrative == narrative {
			return s.Number
		}
	}
	return ""
}
