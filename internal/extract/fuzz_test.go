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
	f.Add([]byte(`{"content":"\u003cp\u003e一\u003c/p\u003e\u003ctable\u003e\u003ctr\u003e\u003ctd\u003ea\u003c/td\u003e\u003c/tr\u003e\u003c/table\u003e"}`))
	f.Add([]byte(`<textarea hidden>&lt;table&gt;&lt;tr&gt;&lt;td&gt;a&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;b&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</textarea><p style="display:none">x</p><img src=a.png><img src=b.png>`))
	f.Add(docxOf(f, `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`))
	f.Add(docTableSample())
	f.Add(mustFile(f, "textract-standardized_text.doc"))
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
