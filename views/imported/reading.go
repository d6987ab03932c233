// Package imported shows what nianbao read from the text of a published
// report: the text with its lines numbered beside the values read, drawn
// as the official tables with every cell, the cells to check against the
// text marked and explained, the format recognised and why, every note of
// the reading with a link to its line, and the findings of the rules. The
// clerk's import of last year's report (ReferenceFormPage,
// ReferencePreviewPage) and the check of any published report (CheckPage)
// both show it.
package imported

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/views/findings"
)

// Reading is what was read from a text, shaped like the preview: the text
// on one side, the reading on the other.
type Reading struct {
	Lines []Line
	// Source says what the lines are when they were read from a file other
	// than plain text (a web page's or Word file's table rows, a PDF's
	// text); empty for a text.
	Source string
	// Format names the format recognised; Evidence says why, EvidenceLine
	// is the line of the label that decided (0 when none did).
	Format       string
	Evidence     string
	EvidenceLine int
	Title, Org   string
	Year         int
	Notes        []Note
	// Tables are the sections drawn as tables: 二 (2021 format only), 三, 四.
	Tables []TableSection
	// Legacy is a 2019-format report's section 二 as printed: not
	// comparable with the 2021 format, so neither carried over nor checked.
	Legacy []LegacyBlock
	// Counts of cells: to check against the text, supplied by a repair,
	// not read at all.
	Unsure, Filled, Unread int
	Findings               findings.List

	tmpl  *report.Template
	cells []Cell
}

// Line is one line of the text.
type Line struct {
	N    int
	Text string
	// Noted is the kind of the most telling note on the line, or "".
	Noted string
}

// Note is one note of the reading.
type Note struct {
	ID   string
	Line int // 0: the whole text
	// Kind is the importer's kind (unreadable, repaired, unsure, info);
	// Label says it in Chinese.
	Kind, Label string
	Msg         string
}

// TableSection is a section drawn as its table.
type TableSection struct {
	Heading string
	Table   *report.Table
}

// Cell is one value cell as read.
type Cell struct {
	// DOMID is the id of the cell's td (findings link to it).
	DOMID string
	// Text is the value as read, as the report prints it; "" when unread.
	Text string
	Line int
	// State is "" (read), unsure, filled (supplied by a repair) or unread.
	State string
	// Label names the cell by its row and column, with its value, line
	// and state, for screen readers.
	Label string
	// NoteIDs are the ids of the notes that explain an unsure or filled
	// cell (aria-describedby).
	NoteIDs string
}

// LegacyBlock is one block of a 2019-format section 二, as printed.
type LegacyBlock struct {
	Caption string
	Headers []string
	Rows    []LegacyRow
}

// LegacyRow is one printed row of a legacy block.
type LegacyRow struct {
	Label  string
	Values []string
}

var noteLabels = map[importer.NoteKind]string{
	importer.Unreadable: "未读出", importer.Repaired: "已修补", importer.Unsure: "需核对", importer.Info: "说明",
}

// noteRank orders note kinds by how much a line's marker should tell.
var noteRank = map[importer.NoteKind]int{importer.Info: 1, importer.Repaired: 2, importer.Unsure: 3, importer.Unreadable: 4}

// NewReading lays out what the importer read from text, with the findings
// of the rules on it.
func NewReading(text string, res *importer.Result, fs []report.Finding) *Reading {
	r := &Reading{tmpl: res.Report.Template(), Title: res.Report.Title, Org: res.Report.Org, Year: res.Report.Year}
	r.format(res)
	r.Source = sourceKind(res)
	r.lines(text, res.Notes)
	byLine := r.notes(res.Notes)
	r.readCells(res, byLine)
	for _, s := range r.tmpl.Sections {
		if s.Table != nil {
			r.Tables = append(r.Tables, TableSection{Heading: s.Heading, Table: s.Table})
		}
	}
	r.Legacy = legacyBlocks(res.Report.Legacy2019)
	r.Findings = findings.New(fs, func(f report.Finding) string { return r.target(f, res) })
	r.Findings.WithCells(fs, func(id report.CellID) (string, string) {
		return r.cells[id].DOMID, r.tmpl.Cells[id].AriaLabel()
	})
	return r
}

// sourceKind says how the shown lines came from the file.
func sourceKind(res *importer.Result) string {
	switch res.Kind {
	case extract.HTML, extract.Script, extract.DOCX, extract.DOC:
		return "读自" + res.Kind.Name() + "：段落一行一段，表格一行一行列出，单元格之间以“ | ”分隔，空格子照原样留空"
	case extract.PDF:
		if res.Layout {
			return "读自PDF文件（按版面提取的文字，页码已去掉）"
		}
		return "读自PDF文件（按阅读顺序提取的文字，页码已去掉）"
	}
	return ""
}

func (r *Reading) format(res *importer.Result) {
	r.Format = "2021年格式（国办公开办函〔2021〕30号）"
	if res.Format == report.Format2019 {
		r.Format = "2019年格式（国办公开办函〔2019〕60号，试行）"
	}
	r.EvidenceLine = res.Evidence.Line
	if res.Evidence.Line > 0 {
		r.Evidence = fmt.Sprintf("依据第%d行的表头“%s”", res.Evidence.Line, res.Evidence.Label)
		return
	}
	r.Evidence = "表头中没有能区分格式的文字，按报告年份判断，请核对"
}

func (r *Reading) lines(text string, notes []importer.Note) {
	lines := importer.Lines(text)
	r.Lines = make([]Line, len(lines))
	for i, l := range lines {
		r.Lines[i] = Line{N: i + 1, Text: l}
	}
	rank := make([]int, len(lines))
	for _, n := range notes {
		if i := n.Line - 1; i >= 0 && i < len(lines) && noteRank[n.Kind] > rank[i] {
			rank[i], r.Lines[i].Noted = noteRank[n.Kind], string(n.Kind)
		}
	}
}

// notes lists the notes and returns, per line, the ids of the notes there
// that are not mere information.
func (r *Reading) notes(notes []importer.Note) map[int][]string {
	byLine := map[int][]string{}
	for i, n := range notes {
		id := "note-" + strconv.Itoa(i+1)
		r.Notes = append(r.Notes, Note{ID: id, Line: n.Line, Kind: string(n.Kind), Label: noteLabels[n.Kind], Msg: n.Msg})
		if n.Kind != importer.Info && n.Line > 0 {
			byLine[n.Line] = append(byLine[n.Line], id)
		}
	}
	return byLine
}

func (r *Reading) readCells(res *importer.Result, byLine map[int][]string) {
	r.cells = make([]Cell, len(r.tmpl.Cells))
	for i := range r.tmpl.Cells {
		def, src := &r.tmpl.Cells[i], res.Cells[i]
		c := Cell{DOMID: CellDOMID(def.Path), Line: src.Line, Text: report.FormatValue(def.Kind, res.Report.Values[i])}
		var state string
		switch {
		case !src.Read():
			c.State, state = "unread", "未读到"
			r.Unread++
		case src.Filled:
			c.State, state = "filled", fmt.Sprintf("第%d行原文缺这一格，已按规则补%s，需核对", src.Line, c.Text)
			r.Filled++
		case src.Unsure:
			c.State, state = "unsure", fmt.Sprintf("第%d行，需核对", src.Line)
			r.Unsure++
		default:
			state = fmt.Sprintf("第%d行", src.Line)
		}
		if c.State == "filled" || c.State == "unsure" {
			c.NoteIDs = strings.Join(byLine[src.Line], " ")
		}
		value := c.Text
		if value == "" {
			value = "空"
		}
		c.Label = def.AriaLabel() + "：" + value + "（" + state + "）"
		r.cells[i] = c
	}
}

// CellDOMID is the DOM id of a value cell of the preview.
func CellDOMID(path string) string { return "v-" + strings.ReplaceAll(path, ".", "-") }

// LineDOMID is the DOM id of a line of the text.
func LineDOMID(n int) string { return "line-" + strconv.Itoa(n) }

// SourceID is the DOM id of the text's list of lines.
const SourceID = "source-text"

// target is where a finding points in the preview: a finding about a
// paragraph of the text, the paragraph's line (where its link selects
// the words it quotes), or its section's heading; one about the title or
// the preface, the line that holds the words it quotes; else the likely
// culprit, or the first cell involved that is not a total; a finding on
// a section's text points at the section's heading in the text.
func (r *Reading) target(f report.Finding, res *importer.Result) string {
	headings := res.Headings
	if f.Line > 0 { // a heading (W11)
		return LineDOMID(f.Line)
	}
	if f.Narrative != "" {
		if at := res.ParaLines[f.Narrative]; f.Para >= 0 && f.Para < len(at) {
			return LineDOMID(at[f.Para])
		}
		for i, s := range r.tmpl.Sections {
			if s.Narrative == f.Narrative && headings[i] > 0 {
				return LineDOMID(headings[i])
			}
		}
	}
	if f.Field != "" {
		if n := r.lineWith(findings.QuoteOf(f)); n > 0 {
			return LineDOMID(n)
		}
	}
	id := f.Culprit
	for _, c := range f.Cells {
		if id != report.NoCell {
			break
		}
		if !r.tmpl.Cell(c).Computed {
			id = c
		}
	}
	if id == report.NoCell && len(f.Cells) > 0 {
		id = f.Cells[0]
	}
	if id != report.NoCell {
		return r.cells[id].DOMID
	}
	for i, s := range r.tmpl.Sections {
		mentioned := strings.Contains(f.Message, s.Heading) ||
			(s.Narrative == report.NarrativeOther && (f.Rule == report.RuleOtherEmpty || f.Rule == report.RuleFeeNarrate))
		if mentioned && headings[i] > 0 {
			return LineDOMID(headings[i])
		}
	}
	return SourceID
}

// lineWith is the first line that holds words (spaces set aside), 0 when
// none does or words is "".
func (r *Reading) lineWith(words string) int {
	w := strings.Join(strings.Fields(words), "")
	if w == "" {
		return 0
	}
	for _, l := range r.Lines {
		if strings.Contains(strings.Join(strings.Fields(l.Text), ""), w) {
			return l.N
		}
	}
	return 0
}

// legacyBlocks reads Report.Legacy2019 (its JSON is described in
// internal/importer/legacy.go); nil when there is none or it is unreadable.
func legacyBlocks(data []byte) []LegacyBlock {
	if len(data) == 0 {
		return nil
	}
	var legacy struct {
		Active []LegacyBlock `json:"active"`
	}
	if json.Unmarshal(data, &legacy) != nil {
		return nil
	}
	return legacy.Active
}

// cell is the read value of a cell.
func (r *Reading) cell(id report.CellID) *Cell { return &r.cells[id] }

// Is2019 reports whether the text is in the 2019 format.
func (r *Reading) Is2019() bool { return r.tmpl.Format == report.Format2019 }
