package extract_test

import (
	"errors"
	"strings"
	"testing"

	"nianbao/internal/extract"
)

// TestDocPieces: a fast-saved document's pieces, stored out of order,
// read in the order of the text; UTF-16 pieces, 8-bit cp1252 pieces, and
// 8-bit GBK pieces in a Chinese document, each as its writer meant it.
func TestDocPieces(t *testing.T) {
	tests := []struct {
		name   string
		lid    uint16
		pieces []docPiece
		want   string
	}{
		{"utf16 and cp1252", 0x0804, []docPiece{
			{"一、总体情况\r", "utf16"},
			{"Café — “A” 2022\r", "cp1252"}, // high bytes that do not pair as GB2312
			{"二、主动公开政府信息情况\r", "utf16"},
		}, "一、总体情况\nCafé — “A” 2022\n二、主动公开政府信息情况"},
		{"gbk in a chinese document", 0x0804, []docPiece{
			{"一、总体情况\r", "utf16"},
			{"本年度收到申请12件，全部办结。\r", "gbk"},
		}, "一、总体情况\n本年度收到申请12件，全部办结。"},
		{"ascii", 0x0409, []docPiece{
			{"Annual report 2022\r", "cp1252"},
			{"（一）主动公开\r", "utf16"},
		}, "Annual report 2022\n（一）主动公开"},
	}
	for _, tt := range tests {
		for _, reversed := range []bool{false, true} {
			d, err := extract.Read(wordDoc{pieces: tt.pieces, lid: tt.lid, reversed: reversed}.build())
			if err != nil {
				t.Fatalf("%s: %v", tt.name, err)
			}
			if d.Kind != extract.DOC {
				t.Errorf("%s: kind %s", tt.name, d.Kind)
			}
			if got := d.Text(); got != tt.want {
				t.Errorf("%s (reversed %v):\n%s\nwant\n%s", tt.name, reversed, got, tt.want)
			}
		}
	}
}

// TestDocTable: cells end at \x07 and a row at the \x07 its properties
// mark the row's end, so empty cells stay cells; cell boundaries make the
// grid, a vertical merge covers the cells below it; fields keep their
// result, deleted text and special characters go.
func TestDocTable(t *testing.T) {
	d, err := extract.Read(docTableSample())
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"一、总体情况",
		"本年度公开信息共 12条",
		"第二行",
		"头 | 申请人情况",
		"自然人 | 总计",
		"（七）总计 | 12 | ",
		"二、主动公开政府信息情况",
	}, "\n")
	if got := d.Text(); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
	var tb *extract.Table
	for _, b := range d.Blocks {
		if b.Table != nil {
			tb = b.Table
		}
	}
	if tb == nil || len(tb.Rows) != 3 {
		t.Fatalf("table %+v", tb)
	}
	if r := tb.Rows[0]; len(r) != 3 || r[1].Text != "申请人情况" || !r[2].Covered || r[2].Text != "申请人情况" {
		t.Errorf("row 1 (a cell over two columns): %+v", r)
	}
	if c := tb.Rows[1][0]; !c.Covered || c.Text != "头" {
		t.Errorf("row 2 col 1 (merged into the cell above): %+v", c)
	}
	if c := tb.Rows[2][2]; c.Covered || c.Text != "" {
		t.Errorf("row 3 col 3 (an empty cell): %+v", c)
	}
}

// docTableSample is a document with a table of merged cells, fields,
// deleted text and special characters.
func docTableSample() []byte {
	row := func(bounds []int, vert []byte) []byte { return rowEnd(bounds, vert, nil) }
	b2, b3 := []int{0, 2000, 6000}, []int{0, 2000, 4000, 6000}
	text := docText{
		{"一、总体情况\r", nil},
		{"本年度\x13 HYPERLINK \"http://example.org\" \x14公开\x15删去的信息\x01共\t12条\x0B第二行\r", nil},
		{"头\x07", inCell}, {"申请人情况\x07", inCell}, {"\x07", row(b2, []byte{3, 0})},
		{"\x07", inCell}, {"自然人\x07", inCell}, {"总计\x07", inCell}, {"\x07", row(b3, []byte{1, 0, 0})},
		{"（七）\r", inCell}, {"总计\x07", inCell}, {"1\x13 SEQ a \x142\x15\x07", inCell}, {"\x07", inCell}, {"\x07", row(b3, nil)},
		{"二、主动公开政府信息情况\r", nil},
	}
	w := text.doc()
	body := []rune(w.pieces[0].text)
	at := strings.Index(string(body), "删去的")
	start := len([]rune(string(body)[:at]))
	w.deleted = [][2]int{{start, start + 3}}
	return w.build()
}

// TestDocTableShapes: a fast save's table, its cell and row marks
// formatted by the pieces' properties (Prc) rather than the paragraphs';
// a table inside a cell, read as the cell's text; and a file with no
// paragraph properties at all, whose rows end where a \x07 follows a
// cell's \x07.
func TestDocTableShapes(t *testing.T) {
	bounds := []int{0, 3000, 6000}
	// Paragraph properties that say nothing of tables; the pieces' own
	// say which marks end cells and rows.
	fast := wordDoc{
		pieces: []docPiece{
			{"一、总体情况\r", "utf16"},
			{"规章\x075\x07", "utf16"}, {"\x07", "utf16"},
			{"规范性文件\x073\x07", "utf16"}, {"\x07", "utf16"},
			{"二、主动公开政府信息情况\r", "utf16"},
		},
		paras:    []docPara{{6, nil}, {9, nil}, {11, nil}, {12, nil}, {18, nil}, {20, nil}, {21, nil}, {34, nil}},
		piecePrc: map[int][]byte{1: inCell, 2: rowEnd(bounds, nil, nil), 3: inCell, 4: rowEnd(bounds, nil, nil)},
	}
	nestedCell := []byte{0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x4B, 0x24, 1}
	nestedRow := []byte{0x16, 0x24, 1, 0x49, 0x66, 2, 0, 0, 0, 0x4C, 0x24, 1}
	nested := docText{
		{"外\x07", inCell},
		{"嵌\r", nestedCell}, {"套\r", nestedCell}, {"\r", nestedRow},
		{"\x07", inCell}, {"\x07", rowEnd(bounds, nil, nil)},
		{"完\r", nil},
	}.doc()
	tests := []struct {
		name string
		doc  wordDoc
		want string
	}{
		{"fast save", fast, "一、总体情况\n规章 | 5\n规范性文件 | 3\n二、主动公开政府信息情况"},
		{"nested", nested, "外 | 嵌套\n完"},
		{"no paragraph properties", wordDoc{pieces: []docPiece{{"a\x07\x07b\x07\x07c\x07d\x07\x07完\r", "utf16"}}},
			"a\nb\nc | d\n完"},
	}
	for _, tt := range tests {
		d, err := extract.Read(tt.doc.build())
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := d.Text(); got != tt.want {
			t.Errorf("%s:\n%s\nwant\n%s", tt.name, got, tt.want)
		}
	}
}

// TestDocRefused: encrypted files, Word 95, other Office files and
// damaged structures are refused in words.
func TestDocRefused(t *testing.T) {
	plain := wordDoc{pieces: []docPiece{{"一、总体情况\r", "utf16"}}}
	encrypted, old, noTable := plain, plain, plain
	encrypted.flags = 0x0100
	old.nFib = 0x65
	noTable.noTable = true
	tests := []struct {
		name string
		in   []byte
		want string
	}{
		{"encrypted word", encrypted.build(), extract.ErrDocEncrypted.Error()},
		{"word 95", old.build(), extract.ErrDocOld.Error()},
		{"no table stream", noTable.build(), extract.ErrDocBroken.Error()},
		{"excel", buildCFB([]cfbStream{{"Workbook", make([]byte, 5000)}}), "Excel"},
		{"powerpoint", buildCFB([]cfbStream{{"PowerPoint Document", []byte("x")}}), "PowerPoint"},
		{"password docx", buildCFB([]cfbStream{{"EncryptionInfo", []byte("x")}, {"EncryptedPackage", make([]byte, 5000)}}), "密码"},
		{"works wps", buildCFB([]cfbStream{{"CONTENTS", []byte("x")}}), "Microsoft Works"},
		{"empty compound file", buildCFB(nil), "没有Word文档的正文"},
	}
	for _, tt := range tests {
		_, err := extract.Read(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.want)
		}
	}
}

// TestDocTruncated: a .doc cut short anywhere, or with its FAT made to
// loop, is refused with a message, never read past its end — or, cut
// only in the unused end of its last sector, read whole.
func TestDocTruncated(t *testing.T) {
	full := wordDoc{pieces: []docPiece{{strings.Repeat("政府信息公开工作年度报告。\r", 400), "utf16"}}}.build()
	whole, err := extract.Read(full)
	if err != nil {
		t.Fatal(err)
	}
	for n := 8; n < len(full); n += 97 {
		d, err := extract.Read(full[:n])
		if err == nil && d.Text() == whole.Text() && n > len(full)-512 {
			continue
		}
		if err == nil {
			t.Fatalf("cut at %d of %d: read %d blocks", n, len(full), len(d.Blocks))
		}
		if !errors.Is(err, extract.ErrCFB) && !errors.Is(err, extract.ErrDocBroken) {
			t.Fatalf("cut at %d: %v", n, err)
		}
	}
	looped := append([]byte(nil), full...)
	fatAt := (int(le.Uint32(looped[0x4C:])) + 1) * 512
	for i := 0; i < 128; i++ {
		le.PutUint32(looped[fatAt+4*i:], uint32(i)) // every sector chained to itself
	}
	if _, err := extract.Read(looped); !errors.Is(err, extract.ErrCFB) {
		t.Errorf("looping FAT: %v", err)
	}
}
