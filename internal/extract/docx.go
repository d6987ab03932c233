package extract

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A Word .docx is a zip holding word/document.xml: the body's paragraphs
// (w:p, their text in the runs' w:t) and tables (w:tbl → w:tr → w:tc),
// a cell spanning columns by w:gridSpan and rows by w:vMerge ("restart"
// opens a merged cell, an empty w:vMerge continues the one above). A
// table inside a cell is read as that cell's text. Deleted text of
// tracked changes (w:delText) is not the document's text and is skipped.

// maxDocumentXML bounds the unpacked document: a report's is well under
// 2 MB; a zip bomb is refused rather than read.
const maxDocumentXML = 32 << 20

func readDocx(data []byte) (*Document, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, ErrNotDocx
	}
	var doc *zip.File
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			doc = f
		}
	}
	if doc == nil {
		return nil, ErrNotDocx
	}
	rc, err := doc.Open()
	if err != nil {
		return nil, fmt.Errorf("无法读取这个Word文档，它可能已损坏：%w", err)
	}
	defer rc.Close()
	body, err := io.ReadAll(io.LimitReader(rc, maxDocumentXML+1))
	if err != nil {
		return nil, fmt.Errorf("无法读取这个Word文档，它可能已损坏：%w", err)
	}
	if len(body) > maxDocumentXML {
		return nil, errors.New("这个Word文档的正文超过32 MB，不像是一份年度报告")
	}
	blocks, err := docxBlocks(body)
	if err != nil {
		return nil, fmt.Errorf("无法读取这个Word文档，它的内容不是有效的XML：%w", err)
	}
	return &Document{Kind: DOCX, Blocks: blocks}, nil
}

// wcell is a table cell as Word writes it.
type wcell struct {
	text   string
	span   int
	vMerge string // "", "restart" or "continue"
}

// wrow is a table row: the grid columns it skips first, and its cells.
type wrow struct {
	before int
	cells  []wcell
}

// docxParser walks document.xml.
type docxParser struct {
	blocks []Block
	para   strings.Builder // the paragraph being read
	inText bool            // inside a w:t
	// tables being read, outermost first; a cell's paragraphs are
	// gathered in cellParas of the innermost table at depth 1.
	tables    [][]wrow
	cellParas []string
	cell      *wcell
}

func docxBlocks(body []byte) ([]Block, error) {
	p := &docxParser{}
	dec := xml.NewDecoder(bytes.NewReader(body))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			p.start(t)
		case xml.EndElement:
			p.end(t)
		case xml.CharData:
			if p.inText {
				p.para.Write(t)
			}
		}
	}
	return p.blocks, nil
}

func (p *docxParser) depth() int { return len(p.tables) }

func (p *docxParser) row() *wrow {
	rows := p.tables[0]
	if len(rows) == 0 {
		return nil
	}
	return &rows[len(rows)-1]
}

func attr(t xml.StartElement, name string) (string, bool) {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

func intAttr(t xml.StartElement, limit int) int {
	v, _ := attr(t, "val")
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 1
	}
	return min(n, limit)
}

func (p *docxParser) start(t xml.StartElement) {
	switch t.Name.Local {
	case "t":
		p.inText = true
	case "tab":
		p.para.WriteByte(' ')
	case "br", "cr":
		p.para.WriteByte('\n')
	case "p":
		p.para.Reset()
	case "tbl":
		p.tables = append(p.tables, nil)
	case "tr":
		if p.depth() == 1 {
			p.tables[0] = append(p.tables[0], wrow{})
		}
	case "gridBefore":
		if r := p.row(); p.depth() == 1 && r != nil && p.cell == nil {
			r.before = intAttr(t, maxCols)
		}
	case "tc":
		if p.depth() == 1 {
			p.cell, p.cellParas = &wcell{span: 1}, nil
		}
	case "gridSpan":
		if p.depth() == 1 && p.cell != nil {
			p.cell.span = intAttr(t, maxColSpan)
		}
	case "vMerge":
		if p.depth() == 1 && p.cell != nil {
			p.cell.vMerge = "continue"
			if v, _ := attr(t, "val"); v == "restart" {
				p.cell.vMerge = "restart"
			}
		}
	}
}

func (p *docxParser) end(t xml.EndElement) {
	switch t.Name.Local {
	case "t":
		p.inText = false
	case "p":
		text := p.para.String()
		p.para.Reset()
		if p.depth() > 0 {
			p.cellParas = append(p.cellParas, collapse(text))
			return
		}
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, collapse(l))
		}
		if s := strings.Trim(strings.Join(lines, "\n"), "\n"); s != "" {
			p.blocks = append(p.blocks, Block{Para: s})
		}
	case "tc":
		if r := p.row(); p.depth() == 1 && p.cell != nil && r != nil {
			var parts []string
			for _, s := range p.cellParas {
				if s != "" {
					parts = append(parts, s)
				}
			}
			p.cell.text = joinCell(parts)
			r.cells = append(r.cells, *p.cell)
			p.cell = nil
		}
	case "tbl":
		if p.depth() == 0 {
			return
		}
		rows := p.tables[len(p.tables)-1]
		p.tables = p.tables[:len(p.tables)-1]
		if p.depth() == 0 {
			if t := wordGrid(rows); len(t.Rows) > 0 {
				p.blocks = append(p.blocks, Block{Table: t})
			}
		}
	}
}

// wordGrid lays Word's rows into a grid: gridSpan covers the columns to
// the right, a continued vMerge the cell above.
func wordGrid(rows []wrow) *Table {
	t := &Table{Rows: make([][]Cell, len(rows))}
	for r, row := range rows {
		var out []Cell
		for range row.before {
			out = append(out, Cell{})
		}
		for _, c := range row.cells {
			for dc := range c.span {
				if len(out) >= maxCols {
					break
				}
				col := len(out)
				cell := Cell{Text: c.text, Covered: dc > 0}
				if c.vMerge == "continue" {
					cell = Cell{Covered: true}
					if r > 0 && col < len(t.Rows[r-1]) {
						cell.Text = t.Rows[r-1][col].Text
					}
				}
				out = append(out, cell)
			}
		}
		t.Rows[r] = out
	}
	return t
}
