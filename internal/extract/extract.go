// Package extract turns a published report file into one neutral form,
// whatever it came as: a saved web page (UTF-8 or GBK, the report among the
// site's menus, or held in a JavaScript string), a Word .docx, an old
// Word 97–2003 .doc or a WPS Writer .wps, a PDF (read
// with poppler's pdftotext) or plain text. The form is a list of blocks —
// paragraphs, and tables as grids of cells with their row and column spans
// resolved — and its Lines, the text the importer reads: one line a
// paragraph, one line a table row with its cells between " | ".
//
// The kind of input is decided by its content, never by a file name: a
// PDF by its %PDF- signature, a .docx by its zip signature and
// word/document.xml, a .doc or .wps by the compound file's signature and
// its WordDocument stream, a web page by its markup, a JavaScript file by a
// string literal holding markup. Nothing here knows the report's format;
// internal/importer maps the lines to the template.
package extract

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"strings"

	"nianbao/internal/textfile"
)

// Kind is the kind of input a Document was read from.
type Kind string

// The kinds of input.
const (
	Text   Kind = "text"
	HTML   Kind = "html"
	Script Kind = "js" // a JavaScript file (or <script>) holding the page in a string
	PDF    Kind = "pdf"
	DOCX   Kind = "docx"
	DOC    Kind = "doc" // Word 97–2003 binary, also WPS Writer's .wps
)

// Name is the kind as the user knows it, for messages.
func (k Kind) Name() string {
	switch k {
	case HTML:
		return "网页"
	case Script:
		return "网页脚本中的报告"
	case PDF:
		return "PDF文件"
	case DOCX:
		return "Word文档"
	case DOC:
		return "Word文档（.doc/.wps）"
	}
	return "纯文本"
}

// Document is a read file: its blocks in reading order.
type Document struct {
	Kind Kind
	// Encoding is the text encoding of a text or web page input (UTF-8,
	// GBK/GB18030); empty for PDF and docx.
	Encoding string
	Blocks   []Block
	// PDFLayout marks text read by pdftotext -layout (columns kept by
	// spaces).
	PDFLayout bool
	// Alternatives are other readings of the same file (a PDF's -layout
	// text); the importer keeps the reading that reads best.
	Alternatives []*Document
}

// Block is a paragraph (Table nil) or a table.
type Block struct {
	Para  string
	Table *Table
}

// Table is a grid: Rows[r][c] is the cell at row r, column c once the
// spans are resolved. A position covered by a span holds a Cell with
// Covered set and the text of the cell that spans it.
type Table struct {
	Rows [][]Cell
}

// Cell is one grid position.
type Cell struct {
	Text string
	// Covered: the position is inside another cell's rowspan or colspan.
	Covered bool
}

// Line is one line of a document's text, as the importer reads it.
type Line struct {
	Text string
	// Table is the 1-based number of the table the line is a row of, 0 for
	// a paragraph; Row is the 1-based row in that table.
	Table, Row int
}

// Where names a line's place for a note, e.g. 表3第5行; "" for a paragraph.
func (l Line) Where() string {
	if l.Table == 0 {
		return ""
	}
	return fmt.Sprintf("表%d第%d行", l.Table, l.Row)
}

// CellSep separates the cells of a table row in Lines.
const CellSep = " | "

// Lines is the document's text: a paragraph a line (a paragraph with line
// breaks gives several), a table row a line with its own cells (not the
// positions covered by a span) between CellSep.
func (d *Document) Lines() []Line {
	var out []Line
	nt := 0
	for _, b := range d.Blocks {
		if b.Table == nil {
			for _, s := range strings.Split(b.Para, "\n") {
				out = append(out, Line{Text: s})
			}
			continue
		}
		nt++
		for r, row := range b.Table.Rows {
			cells := make([]string, 0, len(row))
			for _, c := range row {
				if !c.Covered {
					cells = append(cells, strings.ReplaceAll(c.Text, "|", "｜"))
				}
			}
			out = append(out, Line{Text: strings.Join(cells, CellSep), Table: nt, Row: r + 1})
		}
	}
	return out
}

// Text is the document's Lines joined by newlines: what the web page shows
// beside the reading, and what Lines numbers.
func (d *Document) Text() string {
	lines := d.Lines()
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(l.Text)
	}
	return b.String()
}

// Errors of Read, written for the user.
var (
	// ErrScanned: a PDF with no text layer.
	ErrScanned = errors.New("这是扫描件，没有可读取的文字：PDF中只有图像。请找到报告的网页版或Word版，或把文字复制粘贴进来")
	// ErrNoPdftotext: the PDF reader (poppler-utils) is not installed.
	ErrNoPdftotext = errors.New("无法读取PDF：服务器上没有安装PDF文字提取工具pdftotext（poppler-utils）。请管理员安装，或把PDF中的文字复制粘贴进来")
	// ErrNotDocx: a zip file that is not a Word document.
	ErrNotDocx = errors.New("这是一个压缩文件，但不是Word文档（.docx）。请上传报告本身（网页、PDF或Word文件）")
	// ErrEmpty: nothing to read.
	ErrEmpty = errors.New("文件是空的")
	// ErrUnknown: binary data of no kind extract reads.
	ErrUnknown = errors.New("无法识别这个文件：它不是纯文本、网页、PDF或Word（.docx、.doc）、WPS（.wps）文件。请另存为.docx或PDF后再上传")
)

// Read reads a file's bytes into a Document, deciding its kind by content.
func Read(data []byte) (*Document, error) {
	switch {
	case len(bytes.TrimSpace(data)) == 0:
		return nil, ErrEmpty
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return readPDF(data)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return readDocx(data)
	case bytes.HasPrefix(data, cfbSignature):
		return readDoc(data)
	}
	text, enc, err := textfile.Decode(data)
	if errors.Is(err, textfile.ErrBinary) {
		return nil, ErrUnknown
	}
	if err != nil {
		return nil, err
	}
	d := ReadString(text)
	d.Encoding = enc
	return d, nil
}

// ReadString reads a text that may be markup: a web page, a JavaScript
// file holding the page in a string, or plain text.
func ReadString(text string) *Document {
	text = strings.TrimPrefix(text, "\ufeff")
	switch {
	case looksHTML(text):
		return readHTML(text)
	case hasScriptMarkup(text):
		if d := readScript(text); d != nil {
			return d
		}
	}
	return plain(text)
}

// ReadPDFText reads again the text the importer kept of a PDF (its
// Result.Text: one reading's lines, the page furniture already dropped),
// as a form that carried it between two requests posts it back. It is a
// PDF's text, not a typed one: read as plain text its wrapped lines would
// each become a paragraph, and the report saved would not be the one the
// preview showed. layout says that reading was pdftotext -layout's.
func ReadPDFText(text string, layout bool) *Document {
	d := plain(text)
	d.Kind, d.PDFLayout = PDF, layout
	return d
}

// plain is a text read as it is, a line a paragraph.
func plain(text string) *Document {
	return &Document{Kind: Text, Blocks: []Block{{Para: normalizeNewlines(text)}}}
}

func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// HTML writes the document as a plain web page — a <p> a paragraph, a
// <table> a table with each row's own cells and no spans — that reads
// back (ReadString) to the same Lines. It is how a file's reading travels
// through a form to the next step.
func (d *Document) HTML() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><body>\n")
	for _, bl := range d.Blocks {
		if bl.Table == nil {
			for _, l := range strings.Split(bl.Para, "\n") {
				b.WriteString("<p>" + html.EscapeString(l) + "</p>\n")
			}
			continue
		}
		b.WriteString("<table>\n")
		for _, row := range bl.Table.Rows {
			b.WriteString("<tr>")
			for _, c := range row {
				if !c.Covered {
					b.WriteString("<td>" + html.EscapeString(c.Text) + "</td>")
				}
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</body></html>\n")
	return b.String()
}

// IsDocumentFile: data is a PDF, a zip (a .docx) or a compound file (a
// .doc or .wps) by its signature — a file whose size says nothing about
// the length of its text.
func IsDocumentFile(data []byte) bool {
	return bytes.HasPrefix(data, []byte("%PDF-")) || bytes.HasPrefix(data, []byte("PK\x03\x04")) ||
		bytes.HasPrefix(data, cfbSignature)
}
