package report

import (
	"iter"
	"slices"
	"strings"
)

// Change is one field that differs between two versions of a report: a cell
// (by dotted path) or a text field (TextFields).
type Change struct {
	Field string
	// Cell is the changed cell, or NoCell for a text field.
	Cell CellID
	// Label names the field for people: 第三部分 （一）予以公开 × 自然人, 一、总体情况.
	Label    string
	Old, New string
}

// Diff lists what differs from a to b, cells in template order then the
// text fields. Cells compare by what they show (Entry), so a typed text that
// could not be read counts as a change too. Computed totals are left out:
// they follow from the cells.
func Diff(a, b *Report) []Change {
	var out []Change
	t := b.Template()
	for i := range t.Cells {
		def := &t.Cells[i]
		if def.Computed {
			continue
		}
		if old, cur := a.Entry(def.ID), b.Entry(def.ID); old != cur {
			out = append(out, Change{Field: def.Path, Cell: def.ID, Label: def.Name(), Old: old, New: cur})
		}
	}
	for _, f := range TextFields {
		if old, cur := a.Text(f), b.Text(f); old != cur {
			out = append(out, Change{Field: f, Cell: NoCell, Label: FieldLabel(f), Old: old, New: cur})
		}
	}
	return out
}

// FieldLabel names a text field for people.
func FieldLabel(field string) string {
	switch field {
	case FieldTitle:
		return "标题"
	case FieldPreface:
		return "前言"
	}
	for _, s := range T2021.Sections {
		if s.Narrative != "" && FieldNarrative+s.Narrative == field {
			return s.Heading
		}
	}
	return field
}

// Conflict is a field that both sides changed differently since their
// common version.
type Conflict struct {
	Field        string
	Cell         CellID
	Label        string
	Mine, Theirs string
}

// Merge combines two saves made from the same base version: mine (being
// saved now) and theirs (saved in between, e.g. from another tab). Fields
// only they changed are taken from theirs (listed in took); fields only I
// changed stay mine; fields both changed alike are fine; fields both changed
// differently are conflicts, left as mine in merged until the clerk decides.
// Totals are not computed: call FillTotals on merged.
func Merge(base, mine, theirs *Report) (merged *Report, took []Change, conflicts []Conflict) {
	merged = mine.Clone()
	baseOf := map[string]string{}
	for _, c := range Diff(base, theirs) {
		baseOf[c.Field] = c.Old
	}
	mineChanged := map[string]bool{}
	for _, c := range Diff(base, mine) {
		mineChanged[c.Field] = true
	}
	for _, c := range Diff(mine, theirs) {
		_, theyChanged := baseOf[c.Field]
		switch {
		case !theyChanged: // only I changed it
		case !mineChanged[c.Field]:
			merged.take(theirs, c.Field, c.Cell)
			took = append(took, c)
		default:
			conflicts = append(conflicts, Conflict{Field: c.Field, Cell: c.Cell, Label: c.Label, Mine: c.Old, Theirs: c.New})
		}
	}
	return merged, took, conflicts
}

// take copies one field from another report.
func (r *Report) take(from *Report, field string, id CellID) {
	if id == NoCell {
		r.SetText(field, from.Text(field))
		return
	}
	r.Values[id] = from.Values[id]
	r.clearUnread(id)
	if e := from.Refusal(id); e != nil {
		r.setUnread(e)
	} else if text, ok := from.Unread[id]; ok {
		r.setUnreadText(id, text)
	}
}

// Take resolves a conflict in favour of theirs.
func (r *Report) Take(from *Report, c Conflict) { r.take(from, c.Field, c.Cell) }

// Paragraphs splits a narrative into its paragraphs: its "\n"-separated
// lines, trimmed, blank ones dropped. A paragraph's place in this list is
// how comments and diffs point at it.
func Paragraphs(s string) []string { return slices.Collect(paragraphSeq(s)) }

// paragraphSeq yields the paragraphs of s as Paragraphs cuts them, without
// a slice: the live check's narrative checks walk every text at every
// check, and must number the paragraphs as comments and findings do.
func paragraphSeq(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for line := range strings.SplitSeq(s, "\n") {
			if line = strings.TrimSpace(line); line != "" && !yield(line) {
				return
			}
		}
	}
}

// ParaChange is a paragraph added or removed between two texts.
type ParaChange struct {
	Added bool // else removed
	// Index is the paragraph's place in the new text (added) or the old
	// (removed).
	Index int
	Text  string
}

// maxDiffCells bounds the paragraph diff's table (len(old) × len(new) of
// the part that differs); past it, that part is reported as replaced
// whole, so that no text can make a diff take unbounded memory.
const maxDiffCells = 250_000

// DiffParagraphs lists the paragraphs removed from old and added in new,
// in reading order: a longest-common-subsequence diff of what lies between
// the common first and last paragraphs (a changed paragraph is one removed
// and one added).
func DiffParagraphs(old, new string) []ParaChange {
	a, b := Paragraphs(old), Paragraphs(new)
	head := 0
	for head < len(a) && head < len(b) && a[head] == b[head] {
		head++
	}
	tail := 0
	for tail < len(a)-head && tail < len(b)-head && a[len(a)-1-tail] == b[len(b)-1-tail] {
		tail++
	}
	a, b = a[head:len(a)-tail], b[head:len(b)-tail]
	if len(a)*len(b) > maxDiffCells {
		return replaced(a, b, head)
	}
	return lcsDiff(a, b, head)
}

// replaced reports old paragraphs removed and new ones added, with no
// attempt to pair them.
func replaced(a, b []string, offset int) []ParaChange {
	var out []ParaChange
	for i, p := range b {
		out = append(out, ParaChange{Added: true, Index: offset + i, Text: p})
	}
	for i, p := range a {
		out = append(out, ParaChange{Index: offset + i, Text: p})
	}
	return out
}

func lcsDiff(a, b []string, offset int) []ParaChange {
	// lcs[i][j] is the length of the LCS of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []ParaChange
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case j < len(b) && (i == len(a) || lcs[i][j+1] >= lcs[i+1][j]):
			out = append(out, ParaChange{Added: true, Index: offset + j, Text: b[j]})
			j++
		default:
			out = append(out, ParaChange{Index: offset + i, Text: a[i]})
			i++
		}
	}
	return out
}
