// Package editor is the report editor: the page a clerk fills in
// (EditPage), generated from the template's sections and table layouts, and
// the fragments that a live check swaps in out-of-band (LiveCheckFragments). The
// page and the fragments are drawn by the same components, called with
// oob=true in the response, so their ids cannot drift apart.
package editor

import (
	"strings"

	"nianbao/views/findings"
)

// InputID is the DOM id of a cell's input (or of a computed cell's output):
// the dotted path with dots as dashes, because htmx finds out-of-band
// targets with a CSS selector, in which a dot would start a class.
func InputID(path string) string { return "c-" + strings.ReplaceAll(path, ".", "-") }

// MarkID is the DOM id of the message element beside a cell.
func MarkID(path string) string { return "m-" + strings.ReplaceAll(path, ".", "-") }

// FieldID is the DOM id of a text field (title, preface, narrative.*).
func FieldID(field string) string { return "f-" + strings.ReplaceAll(field, ".", "-") }

// LimitID is the DOM id of the message at a text field refused for its
// length.
func LimitID(field string) string { return "limit-" + FieldID(field) }

// SectionID is the DOM id of a section of the form (一 … 六).
func SectionID(number string) string { return "sec-" + number }

// Fixed ids of the page's live parts.
const (
	FormID        = "report-form"
	FindingsID    = findings.ID
	SaveStateID   = "save-state"
	BaseVersionID = "base-version"
	ConflictID    = "conflict"
)
