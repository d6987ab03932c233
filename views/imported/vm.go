package imported

import (
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// Paste is the form that takes a report's text: pasted, or a .txt file.
type Paste struct {
	// Action is where the form posts.
	Action string
	Text   string
	// Errors are the messages at the fields: text, file, year.
	Errors ui.Errors
	// WithYear shows the year field, with Year as its value.
	WithYear bool
	Year     string
	Submit   string
}

// ReferenceForm is the page where a clerk pastes last year's published
// report of their body.
type ReferenceForm struct {
	Frame   layout.Page
	Org     string
	BackURL string
	// Existing says that a reference for the year was imported before and
	// will be replaced; empty when none was.
	Existing string
	Paste    Paste
}

// ReferencePreview is the text and what was read from it, before the
// clerk confirms it as the body's report of Year.
type ReferencePreview struct {
	Frame   layout.Page
	Org     string
	Year    int
	Reading *Reading
	// Text goes back with the confirm form: nothing is kept on the server
	// before confirmation.
	Text string
	// ConfirmURL stores it; EditURL takes the text back into the form.
	ConfirmURL, EditURL string
	// Problem, when set, says why it cannot be confirmed (no confirm
	// button then).
	Problem string
	// Warnings are worth a look before confirming (another body's name…).
	Warnings []string
	// Carry lists what the next year's report will take from it; Compare
	// says what it will be checked against.
	Carry   []string
	Compare string
	// Replaces says that it replaces an earlier import; empty when not.
	Replaces string
}

// Check is the page where anyone who works with reports has a published
// report's text read and checked; nothing is stored. Reading is nil until
// a text was read.
type Check struct {
	Frame   layout.Page
	Paste   Paste
	Reading *Reading
	// Text goes back with the 修改文本 button; EditURL is where.
	Text    string
	EditURL string
	// AgainURL starts over with an empty form.
	AgainURL string
}
