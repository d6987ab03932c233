// Package ui holds the small components every form shares: a labelled
// field with its error message, a select, the CSRF field and notices. They
// take plain view models and know nothing of Echo or the store.
package ui

// Field is a labelled input. Error, when set, is shown under the input and
// tied to it with aria-describedby.
type Field struct {
	Name, Label, Type, Value string
	Error, Hint              string
	// Autocomplete is the input's autocomplete token (username,
	// current-password, new-password, off …).
	Autocomplete string
	Required     bool
	// ID defaults to Name; set it where one page has two fields of a name.
	ID string
}

// Option is one choice of a select.
type Option struct {
	Value, Label string
}

// Select is a labelled select box.
type Select struct {
	Name, Label, Value string
	Options            []Option
	Error, Hint        string
	ID                 string
}

// Errors maps a field name to the message shown at it.
type Errors map[string]string

// Any reports whether there is any error.
func (e Errors) Any() bool { return len(e) > 0 }

func (f Field) id() string {
	if f.ID != "" {
		return f.ID
	}
	return f.Name
}

func (f Field) inputType() string {
	if f.Type == "" {
		return "text"
	}
	return f.Type
}

func (s Select) id() string {
	if s.ID != "" {
		return s.ID
	}
	return s.Name
}

// describedBy lists the ids of the hint and the error of a field.
func describedBy(id, hint, err string) string {
	out := ""
	if hint != "" {
		out = id + "-hint"
	}
	if err != "" {
		if out != "" {
			out += " "
		}
		out += id + "-error"
	}
	return out
}
