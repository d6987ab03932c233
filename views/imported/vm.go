package imported

import (
	"strconv"

	"nianbao/internal/report"
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// Paste is the form that takes a report's text: pasted, or a file.
type Paste struct {
	// Action is where the form posts.
	Action string
	Text   string
	// Errors are the messages at the fields: text, file, year, and
	// last_text, last_file.
	Errors ui.Errors
	// WithYear shows the year field, with Year as its value.
	WithYear bool
	Year     string
	// WithLastYear shows the fields of last year's report (last_text,
	// last_file), LastText in its box.
	WithLastYear bool
	LastText     string
	Submit       string
}

// The names of the fields of last year's report in the check's form.
const (
	LastTextField = "last_text"
	LastFileField = "last_file"
)

// PasteField is one report's pair of fields: the box its text is pasted
// into and the file that may be chosen instead.
type PasteField struct {
	Name, Label, Hint, Text, Error string
	File, FileLabel, FileError     string
	// JSON: nianbao's JSON of a report is accepted too.
	JSON bool
	// Rows is the box's height.
	Rows int
}

// thisYear is the pair of fields of the report to read (text, file).
func (p Paste) thisYear() PasteField {
	return PasteField{Name: "text", Label: "报告全文", Text: p.Text, Error: p.Errors["text"], Rows: 16,
		Hint: "从政府网站、PDF或Word中全选并复制报告的全文（包括“" + report.T2021.Sections[0].Heading + "”等各部分标题和表格），粘贴到这里。文本不超过1 MB。",
		File: "file", FileLabel: "或上传报告的文件", FileError: p.Errors["file"]}
}

// lastYear is the pair of fields of last year's report, which may also
// be nianbao's JSON (an export is what a body has of a year it wrote in
// nianbao).
func (p Paste) lastYear() PasteField {
	return PasteField{Name: LastTextField, Label: "上年报告全文", Text: p.LastText, Error: p.Errors[LastTextField], Rows: 6, JSON: true,
		Hint: "同一机关上一年度已发布报告的全文，或nianbao导出的报告JSON。不需要时留空。",
		File: LastFileField, FileLabel: "或上传上年报告的文件", FileError: p.Errors[LastFileField]}
}

// rows is the box's height as the rows attribute takes it.
func (f PasteField) rows() string { return strconv.Itoa(f.Rows) }

// documentTypes are the files the importer reads (extract.Read), by
// extension and MIME type, for the file picker's accept.
const documentTypes = ".txt,.htm,.html,.js,.pdf,.docx,.doc,.wps,text/plain,text/html,application/pdf," +
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/msword"

// accept is the file picker's filter: the document types, and JSON
// where the field takes it.
func (f PasteField) accept() string {
	if f.JSON {
		return documentTypes + ",.json,application/json"
	}
	return documentTypes
}

// fileHint says which files are read, so that a clerk does not upload a
// scan and wait for numbers that cannot come.
func (f PasteField) fileHint() string {
	h := "纯文本（.txt，UTF-8或GBK编码）、保存的网页（.html/.htm）、PDF、Word（.docx或.doc）或WPS（.wps）文件"
	if f.JSON {
		h += "，或报告的JSON（.json）"
	}
	return h + "；扫描件（只有图像的PDF）无法读取。选了文件时，以文件内容为准。"
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
	// TextReading, when set, says that Text is a PDF's and how it was
	// read, so that the confirmation reads it the same way ("pdf",
	// "pdf-layout"; web.readingOf).
	TextReading string
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
	// LastText is last year's report as the form carries it (its text as
	// pasted, or a file's reading as JSON), "" when none was given;
	// LastYear says what it was compared with.
	LastText, LastYear string
}
