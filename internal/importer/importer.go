package importer

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"nianbao/internal/extract"
	"nianbao/internal/report"
)

// Result is an imported report with its reading log.
type Result struct {
	Report *report.Report
	// Format is report.Format2021 or report.Format2019.
	Format string
	// Evidence is what decided the format.
	Evidence Evidence
	// Notes say, line by line, what could not be read, what was repaired
	// and what should be checked against the text; in line order.
	Notes []Note
	// Cells is indexed by the report.CellID of Report.Template(): where
	// each cell's value came from. A cell the importer did not read has the
	// zero Source (its value is blank); every cell that holds a value has a
	// Source with its line. The web app shows these beside the text.
	Cells []Source
	// Headings are the 1-based lines of the six section headings, 0 where
	// a heading was not found.
	Headings [6]int
	// ParaLines are, for each text section read (by its Narrative key),
	// the 1-based line of each of its paragraphs (report.Paragraphs'
	// order), so that a finding about a paragraph points at its line.
	ParaLines map[string][]int
	// Printed are the six headings as the text prints them, for the
	// structure check (report.Options.Headings): missing, renamed or out
	// of order.
	Printed [6]report.PrintedHeading
	// Signature is the trailing 落款 (body and date) when the text ends
	// with one; it is not part of section 六.
	Signature string
	// Kind is the kind of file the report was read from (extract.Text for
	// Import); Layout marks a PDF read in its -layout text.
	Kind   extract.Kind
	Layout bool
	// Text is the text the lines of the notes and Cells number: the text
	// given to Import, or the Lines of the document's reading that was
	// kept, joined by newlines.
	Text string
}

// Evidence is the label that decided the format, and its line; Line is 0
// when no label did and the report year was used instead.
type Evidence struct {
	Line  int
	Label string
}

// Source is where a cell's value was read.
type Source struct {
	// Line is the 1-based line of the text the value was printed on; 0
	// means the cell was not read.
	Line int
	// Text is the value as printed (１４, 1,430,689, —); empty for a
	// Filled cell.
	Text string
	// Unsure marks a value to check against the text: read into a column
	// that the text does not make certain, or one that breaks the
	// arithmetic where it alone would explain the break.
	Unsure bool
	// Filled marks a value the text did not print, supplied by a repair
	// (§9.5: a missing 法人或其他组织 cell filled with 0).
	Filled bool
}

// Read reports whether the cell was read (or filled) from the text.
func (s Source) Read() bool { return s.Line > 0 }

// NoteKind classifies a note, so that the web app can show them apart.
type NoteKind string

const (
	// Unreadable: something could not be read; the cells stay blank.
	Unreadable NoteKind = "unreadable"
	// Repaired: a row was realigned or a printed extra dropped, by a rule
	// that makes the result certain.
	Repaired NoteKind = "repaired"
	// Unsure: read, but to be checked by a person.
	Unsure NoteKind = "unsure"
	// Info: what was left out on purpose (page debris, the signature, a
	// 2019 section kept aside) or read from a variant label.
	Info NoteKind = "info"
)

// Note is one entry of the reading log. Line is 1-based; 0 for a note on
// the whole text (e.g. a heading that is missing).
type Note struct {
	Line int
	Kind NoteKind
	Msg  string
	// Where is the line's place in a table of a web page or Word file
	// (表3第5行), empty for a line of text.
	Where string `json:",omitempty"`
}

// String writes the note as the command line prints it: 第12行：…, or
// 第12行（表3第5行）：… for a row of a table.
func (n Note) String() string {
	switch {
	case n.Line == 0:
		return "全文：" + n.Msg
	case n.Where != "":
		return fmt.Sprintf("第%d行（%s）：%s", n.Line, n.Where, n.Msg)
	}
	return fmt.Sprintf("第%d行：%s", n.Line, n.Msg)
}

// ErrNotReport is returned for a text in which none of the six section
// headings of an annual report can be found.
var ErrNotReport = errors.New("没有找到年度报告的任何一个部分标题（如“一、总体情况”），不像是政府信息公开工作年度报告")

// Import reads the text of a published report. It fails only when the text
// is not recognisably a report (ErrNotReport); everything else it cannot
// read is left blank and said in a note.
func Import(text string) (*Result, error) {
	rd := newReader(text)
	rd.res.Text, rd.res.Kind = text, extract.Text
	return importReader(rd)
}

// ImportDocument reads a file read by extract: its Lines, a table row a
// line, with the blank cells of a table row read as blank cells and the
// notes naming the table row they are about.
func ImportDocument(d *extract.Document) (*Result, error) {
	best, err := importOne(d)
	var others []*Result
	for _, alt := range d.Alternatives {
		res, aerr := importOne(alt)
		switch {
		case aerr != nil:
		case err != nil || res.score().better(best.score()):
			if err == nil {
				others = append(others, best)
			}
			best, err = res, nil
		default:
			others = append(others, res)
		}
	}
	if err == nil {
		for _, o := range others {
			best.markDisagreements(o)
		}
	}
	return best, err
}

// markDisagreements marks to check every cell that another reading of the
// same file read as another value: a PDF's two texts must agree on a
// number for it to be certain. A table the other reading has out of
// place is no second opinion, and its cells are not marked: where this
// reading's table is whole and adds up (R1–R3, R5), and the other's has
// cells it could not read, or does not add up and differs in three cells
// or more (a reading order that ran section 四's columns together, a
// label's numbers read under the next label) — one cell that differs is
// a misread digit, and is marked.
func (res *Result) markDisagreements(other *Result) {
	if other.Format != res.Format {
		return
	}
	t := res.Report.Template()
	differ := map[*report.Table]int{}
	var ids []int
	for id, src := range res.Cells {
		o := other.Cells[id]
		if !src.Read() || !o.Read() || src.Unsure || res.Report.Values[id] == other.Report.Values[id] {
			continue
		}
		differ[t.Cells[id].Table]++
		ids = append(ids, id)
	}
	mineGaps, mineBroken := res.doubtful()
	gaps, broken := other.doubtful()
	var names []string
	for _, id := range ids {
		def := t.Cell(report.CellID(id))
		tb := def.Table
		if !mineGaps[tb] && !mineBroken[tb] && (gaps[tb] || broken[tb] && differ[tb] >= 3) {
			continue
		}
		res.Cells[id].Unsure = true
		names = append(names, fmt.Sprintf("%s（%s，另一种读法为%s）", def.Name(), report.FormatValue(def.Kind, res.Report.Values[id]), report.FormatValue(def.Kind, other.Report.Values[id])))
	}
	if len(names) > 0 {
		res.Notes = append([]Note{{Kind: Unsure, Msg: fmt.Sprintf("同一文件的两种文字提取结果在%d格上不一致，这些格已标为需核对：%s", len(names), strings.Join(names, "；"))}}, res.Notes...)
	}
}

// doubtful are the tables of a reading that have cells it could not read
// (gaps), and those whose sums do not hold (broken).
func (res *Result) doubtful() (gaps, broken map[*report.Table]bool) {
	r := res.Report
	t := r.Template()
	gaps, broken = map[*report.Table]bool{}, map[*report.Table]bool{}
	for id, src := range res.Cells {
		if !src.Read() && r.Values[id].State == report.Blank {
			gaps[t.Cells[id].Table] = true
		}
	}
	for _, f := range report.Check(r, report.Options{}) {
		switch f.Rule {
		case report.RuleRowTotal, report.RuleColumnTotal, report.RuleBalance, report.RuleReviewTotal:
			for _, id := range f.Cells {
				broken[t.Cell(id).Table] = true
			}
		}
	}
	return gaps, broken
}

// importOne imports one reading of a document.
func importOne(d *extract.Document) (*Result, error) {
	lines := d.Lines()
	rd := &reader{lines: make([]string, len(lines)), grid: make([]bool, len(lines)), where: make([]string, len(lines)), res: &Result{ParaLines: map[string][]int{}}}
	for i, l := range lines {
		rd.lines[i] = strings.ToValidUTF8(l.Text, "\ufffd")
		rd.grid[i] = l.Table > 0
		rd.where[i] = l.Where()
	}
	rd.res.Text = strings.Join(rd.lines, "\n")
	rd.res.Kind, rd.res.Layout = d.Kind, d.PDFLayout
	return importReader(rd)
}

// readScore ranks readings of one file: fewer cells left unread first,
// then fewer cells to check, then fewer notes of things not read.
type readScore struct{ blank, unsure, unreadable int }

func (a readScore) better(b readScore) bool {
	if a.blank != b.blank {
		return a.blank < b.blank
	}
	if a.unsure != b.unsure {
		return a.unsure < b.unsure
	}
	return a.unreadable < b.unreadable
}

func (res *Result) score() readScore {
	var s readScore
	for id, src := range res.Cells {
		switch {
		case !src.Read() && res.Report.Values[id].State == report.Blank:
			s.blank++
		case src.Unsure:
			s.unsure++
		}
	}
	for _, n := range res.Notes {
		if n.Kind == Unreadable {
			s.unreadable++
		}
	}
	return s
}

func importReader(rd *reader) (*Result, error) {
	found := rd.findHeadings()
	if rd.headingsFound() < len(rd.head) && rd.splitInline() {
		rd.res.Notes, rd.res.Headings = nil, [6]int{}
		if found = rd.findHeadings(); found {
			rd.inline = true
			rd.note(-1, Info, "原文的标题和段落连在一起（如从网页复制或抓取的文字），已在各部分标题处分行，表格中数字之间的空格已去掉；下面的行号指这样整理后的文字")
		}
	}
	if !found {
		return nil, fmt.Errorf("importer: %w", ErrNotReport)
	}
	rd.tokenizeTables()
	if rd.inline {
		rd.res.Text = strings.Join(rd.lines, "\n") // as cut, and with the strays in numbers dropped
	}
	rd.detectFormat()
	rd.rep = report.New(report.ByFormat(rd.res.Format))
	rd.res.Report = rd.rep
	rd.res.Cells = make([]Source, len(rd.rep.Values))
	rd.frontMatter()
	rd.narratives()
	rd.tables()
	rd.markCulprits()
	sort.SliceStable(rd.res.Notes, func(i, j int) bool { return rd.res.Notes[i].Line < rd.res.Notes[j].Line })
	return rd.res, nil
}

// reader holds one import in progress.
type reader struct {
	lines []string // the text's lines, 0-based (line n of the text is lines[n-1])
	grid  []bool   // lines that are rows of a table grid; nil for a text
	where []string // each line's place in a table, for notes; nil for a text
	head  [6]int   // 0-based line of each heading, -1 when missing
	hEnd  [6]int   // last line of each heading (a heading may wrap once)
	toks  [3][]token
	rep   *report.Report
	res   *Result
	// realigned counts the section 三 rows repaired by realign.
	realigned int
	// pending are rows whose values did not fit, to be cut (glued.go).
	pending []pendingRow
	// inline: the text came run together and was cut at its headings.
	inline bool
	// matched remembers the rows labels matched (match).
	matched map[matchKey]*report.Row
	// page is the shape of a PDF's page (measurePage), nil until measured.
	page *pageShape
}

// newReader splits the text into lines (Lines).
func newReader(text string) *reader {
	return &reader{lines: Lines(text), res: &Result{ParaLines: map[string][]int{}}}
}

// Lines splits a text into the lines that a Result numbers (line n is
// Lines(text)[n-1]), as Import reads them: a leading byte-order mark
// dropped, a line ended by \n, \r\n or a lone \r, and bytes that are not
// UTF-8 read as U+FFFD, so that everything a result quotes is valid text.
func Lines(text string) []string {
	text = strings.TrimPrefix(text, "\ufeff")
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\ufffd")
	}
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	return strings.Split(text, "\n")
}

// headingsFound counts the headings found.
func (rd *reader) headingsFound() int {
	n := 0
	for _, at := range rd.head {
		if at >= 0 {
			n++
		}
	}
	return n
}

// note adds a note at a 0-based line index (-1 for the whole text).
func (rd *reader) note(idx int, kind NoteKind, format string, args ...any) {
	n := Note{Line: idx + 1, Kind: kind, Msg: fmt.Sprintf(format, args...)}
	if idx >= 0 && idx < len(rd.where) {
		n.Where = rd.where[idx]
	}
	rd.res.Notes = append(rd.res.Notes, n)
}

// set stores a cell's value and where it came from.
func (rd *reader) set(id report.CellID, v report.Value, src Source) {
	rd.rep.Values[id] = v
	rd.res.Cells[id] = src
}
