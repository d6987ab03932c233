package importer

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// logJSON is the reading log in JSON (`nianbao import --json-notes`).
type logJSON struct {
	Format    string              `json:"format"`
	Evidence  evidenceJSON        `json:"evidence"`
	Signature string              `json:"signature,omitempty"`
	Notes     []noteJSON          `json:"notes"`
	Cells     map[string]cellJSON `json:"cells"`
}

type evidenceJSON struct {
	Line  int    `json:"line"`
	Label string `json:"label"`
}

type noteJSON struct {
	Line    int      `json:"line"`
	Where   string   `json:"where,omitempty"` // 表3第5行, for a row of a page's or Word file's table
	Kind    NoteKind `json:"kind"`
	Message string   `json:"message"`
}

// cellJSON is a Source; cells not read are left out.
type cellJSON struct {
	Line   int    `json:"line"`
	Text   string `json:"text"`
	Unsure bool   `json:"unsure,omitempty"`
	Filled bool   `json:"filled,omitempty"`
}

// LogJSON writes the reading log — the format and its evidence, the notes,
// and every cell read with its line, keyed by the cell's JSON path — as
// indented JSON. The report itself is Report.MarshalJSON.
func (r *Result) LogJSON() ([]byte, error) {
	out := logJSON{Format: r.Format, Evidence: evidenceJSON(r.Evidence), Signature: r.Signature,
		Notes: make([]noteJSON, len(r.Notes)), Cells: map[string]cellJSON{}}
	for i, n := range r.Notes {
		out.Notes[i] = noteJSON{Line: n.Line, Where: n.Where, Kind: n.Kind, Message: n.Msg}
	}
	t := r.Report.Template()
	for id, src := range r.Cells {
		if src.Read() {
			out.Cells[t.Cells[id].Path] = cellJSON(src)
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("importer: reading log JSON: %w", err)
	}
	return b.Bytes(), nil
}
