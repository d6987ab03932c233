package docx_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"
)

// The test's own reader of a .docx: it knows WordprocessingML, not the
// writer, and reads the tables back as a grid the way Word does — a cell
// covers gridSpan columns; a cell with <w:vMerge/> (no "restart")
// continues the cell above it.

// readCell is a cell as read back: where it starts, how far it reaches,
// and its text.
type readCell struct {
	row, col         int
	rowSpan, colSpan int
	text             string
	restart          bool // starts a vMerge
}

// readTable is a table as read back: its cells, and how many grid columns
// each row covers.
type readTable struct {
	caption  string
	gridCols int
	cells    []*readCell
	rowCols  []int
}

// at returns the cell starting at row, col, or nil.
func (t *readTable) at(row, col int) *readCell {
	for _, c := range t.cells {
		if c.row == row && c.col == col {
			return c
		}
	}
	return nil
}

// readDocx unzips a .docx and returns its parts by name.
func readDocx(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("not a zip: %v", err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = b
	}
	return parts
}

// readBody reads document.xml: the paragraphs outside tables, and the
// tables.
func readBody(t *testing.T, doc []byte) ([]string, []*readTable) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var paras []string
	var tables []*readTable
	var tb *readTable
	var cell *readCell
	var text strings.Builder
	row, col := -1, 0
	// open continuations by column: the cell a vMerge continues.
	above := map[int]*readCell{}
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "tbl":
				tb = &readTable{}
				tables = append(tables, tb)
				row, above = -1, map[int]*readCell{}
			case "tblCaption":
				tb.caption = attr(el, "val")
			case "gridCol":
				tb.gridCols++
			case "tr":
				row++
				col = 0
				tb.rowCols = append(tb.rowCols, 0)
			case "tc":
				cell = &readCell{row: row, col: col, rowSpan: 1, colSpan: 1}
			case "gridSpan":
				cell.colSpan, _ = strconv.Atoi(attr(el, "val"))
			case "vMerge":
				if attr(el, "val") == "restart" {
					cell.restart = true
				} else {
					if up := above[cell.col]; up != nil {
						up.rowSpan++
						cell.rowSpan = 0 // a continuation
					} else {
						t.Errorf("table %d row %d col %d continues no cell", len(tables), row, cell.col)
					}
				}
			case "p":
				text.Reset()
			case "t":
				inText = true
			}
		case xml.CharData:
			if inText {
				text.Write(el)
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "t":
				inText = false
			case "p":
				if cell != nil {
					cell.text += text.String()
				} else if tb == nil {
					paras = append(paras, text.String())
				}
			case "tc":
				if cell.rowSpan > 0 {
					tb.cells = append(tb.cells, cell)
					for c := cell.col; c < cell.col+cell.colSpan; c++ {
						delete(above, c)
					}
					if cell.restart {
						above[cell.col] = cell
					}
				}
				col += cell.colSpan
				tb.rowCols[row] += cell.colSpan
				cell = nil
			case "tbl":
				tb = nil
			}
		}
	}
	return paras, tables
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
