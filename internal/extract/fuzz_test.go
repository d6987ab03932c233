package extract_test

import (
	"bytes"
	"testing"

	"nianbao/internal/extract"
)

// FuzzRead: no input makes extract panic; a page, a script or a Word
// (.docx or .doc) file written back as HTML (how a reading travels through a form) reads
// back to the same lines.
func FuzzRead(f *testing.F) {
	f.Add([]byte(`<table><tr><td rowspan=3 colspan=2>头</td><td>a</td></tr><tr><td>&nbsp;</td></tr></table><p>一、总体情况</p>`))
	f.Add([]byte(`let content = "<p style='a'>一</p><table border=\"1\"><tr><td colspan=\"2\">x</td></tr></table>";`))
	f.Add([]byte("一、总体情况\r\n规章 | 1 | 2 | 3\n"))
	f.Add(docxOf(f, `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Add(docTableSample())
	f.Add(wordDoc{pieces: []docPiece{{"一、总体情况\r", "utf16"}, {"ABC\r", "cp1252"}}, reversed: true}.build())
	f.Fuzz(func(t *testing.T, data []byte) {
		if bytes.HasPrefix(data, []byte("%PDF-")) {
			return
		}
		d, err := extract.Read(data)
		if err != nil {
			return
		}
		if d.Kind == extract.Text {
			return
		}
		again := extract.ReadString(d.HTML())
		w, g := d.Lines(), again.Lines()
		if len(w) != len(g) {
			t.Fatalf("%d lines back, want %d:\n%q\n%q", len(g), len(w), d.Text(), again.Text())
		}
		for i := range w {
			if w[i] != g[i] {
				t.Fatalf("line %d: %+v, want %+v", i+1, g[i], w[i])
			}
		}
	})
}
