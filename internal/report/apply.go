package report

// Field names of the text parts of a report in a form or a change list;
// cells are named by their dotted JSON path.
const (
	FieldTitle   = "title"
	FieldPreface = "preface"
	// FieldNarrative prefixes a narrative key: narrative.overview …
	FieldNarrative = "narrative."
)

// TextFields lists the text fields in printed order.
var TextFields = []string{FieldTitle, FieldPreface, FieldNarrative + NarrativeOverview,
	FieldNarrative + NarrativeProblems, FieldNarrative + NarrativeOther}

// Text returns a text field's content.
func (r *Report) Text(field string) string {
	switch field {
	case FieldTitle:
		return r.Title
	case FieldPreface:
		return r.Preface
	}
	if len(field) > len(FieldNarrative) && field[:len(FieldNarrative)] == FieldNarrative {
		return r.Narrative.Text(field[len(FieldNarrative):])
	}
	return ""
}

// SetText sets a text field; unknown fields are ignored.
func (r *Report) SetText(field, text string) {
	switch field {
	case FieldTitle:
		r.Title = text
	case FieldPreface:
		r.Preface = text
	default:
		if len(field) > len(FieldNarrative) && field[:len(FieldNarrative)] == FieldNarrative {
			r.Narrative.Set(field[len(FieldNarrative):], text)
		}
	}
}

// Apply writes what a clerk typed into a copy of r: cells by dotted path,
// text fields by name (TextFields). A field that is absent keeps its value.
// Input that cannot be read is refused: the cell keeps its stored number,
// the typed text goes into the copy's Unread (so that a draft keeps it), and
// the refusal is returned. Cells typed correctly clear their Unread text.
// Totals are not computed here: call FillTotals.
func Apply(r *Report, get func(field string) (string, bool)) (*Report, []*InputError) {
	out := r.Clone()
	t := out.Template()
	var refused []*InputError
	for i := range t.Cells {
		def := &t.Cells[i]
		if def.Computed {
			continue
		}
		text, ok := get(def.Path)
		if !ok {
			continue
		}
		v, err := t.ParseInput(def.ID, text)
		if err != nil {
			e := err.(*InputError)
			refused = append(refused, e)
			out.setUnread(e)
			continue
		}
		out.Values[def.ID] = v
		out.clearUnread(def.ID)
	}
	for _, f := range TextFields {
		if text, ok := get(f); ok {
			out.SetText(f, normaliseNewlines(text))
		}
	}
	return out, refused
}

// setUnread keeps a text that could not be read together with its
// refusal, so that the text is parsed once: when it is typed, or when a
// stored draft is read.
func (r *Report) setUnread(e *InputError) {
	if r.Unread == nil {
		r.Unread = map[CellID]string{}
		r.refusals = map[CellID]*InputError{}
	} else if r.refusals == nil {
		r.refusals = map[CellID]*InputError{}
	}
	r.Unread[e.Cell] = e.Input
	r.refusals[e.Cell] = e
}

// clearUnread drops a cell's unread text (it was typed correctly).
func (r *Report) clearUnread(id CellID) {
	delete(r.Unread, id)
	delete(r.refusals, id)
}

// Refusal is the refusal of a cell's unread text, or nil when the cell has
// none. It is the one kept when the text was read; a text put into Unread
// directly is parsed here.
func (r *Report) Refusal(id CellID) *InputError {
	text, ok := r.Unread[id]
	if !ok {
		return nil
	}
	if e := r.refusals[id]; e != nil && e.Input == text {
		return e
	}
	if _, err := r.Template().ParseInput(id, text); err != nil {
		return err.(*InputError)
	}
	return nil
}

// RefusalNote says at a refused cell why its text was not read and, when
// the cell still holds a number from before, that number (the totals count
// it): 请填写阿拉伯数字，没有发生的填0；保存的仍是146. Nothing typed is
// silently replaced by the number stored.
func (r *Report) RefusalNote(e *InputError) string {
	note := e.Problem()
	if v := r.Values[e.Cell]; v.Filled() {
		note += "；保存的仍是" + FormatValue(r.Template().Cell(e.Cell).Kind, v)
	}
	return note
}

// Refusals are the refusals of every unread text, in the template's order:
// what the cells show as refused, typed in this request or before.
func (r *Report) Refusals() []*InputError {
	if len(r.Unread) == 0 {
		return nil
	}
	out := make([]*InputError, 0, len(r.Unread))
	for id := range r.Values {
		if e := r.Refusal(CellID(id)); e != nil {
			out = append(out, e)
		}
	}
	return out
}

// normaliseNewlines turns the CRLF of form posts into LF.
func normaliseNewlines(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\r' {
			if i+1 < len(s) && s[i+1] == '\n' {
				continue
			}
			out = append(out, '\n')
			continue
		}
		out = append(out, s[i])
	}
	return string(out)
}
