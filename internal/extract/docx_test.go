package extract_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"nianbao/internal/extract"
)

// docxOf zips a document.xml body into a minimal .docx.
func docxOf(t testing.TB, body string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
	if _, err := w.Write([]byte(doc)); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func wp(text string) string { return `<w:p><w:r><w:t>` + text + `</w:t></w:r></w:p>` }

func wtc(props, text string) string {
	return `<w:tc><w:tcPr>` + props + `</w:tcPr>` + wp(text) + `</w:tc>`
}

// TestDocxGrid: gridSpan, vMerge, gridBefore, a number split over runs, a
// tracked deletion and a table inside a cell.
func TestDocxGrid(t *testing.T) {
	body := wp("一、总体情况") +
		`<w:p><w:r><w:t>本年</w:t></w:r><w:r><w:tab/><w:t>度</w:t></w:r><w:del><w:r><w:delText>删去的</w:delText></w:r></w:del></w:p>` +
		`<w:tbl>` +
		`<w:tr>` + wtc(`<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>`, "头") + wtc(`<w:gridSpan w:val="2"/>`, "申请人情况") + `</w:tr>` +
		`<w:tr>` + wtc(`<w:gridSpan w:val="2"/><w:vMerge/>`, "") + wtc(``, "自然人") + wtc(``, "总计") + `</w:tr>` +
		`<w:tr>` + wtc(`<w:vMerge w:val="restart"/>`, "（三）不予公开") + wtc(``, "1.属于国家秘密") +
		`<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:t>4</w:t></w:r></w:p></w:tc>` + wtc(``, "") + `</w:tr>` +
		`<w:tr>` + wtc(`<w:vMerge/>`, "") + wtc(``, "2.其他") + wtc(``, "0") +
		`<w:tc>` + `<w:tbl><w:tr>` + wtc(``, "嵌") + wtc(``, "套") + `</w:tr></w:tbl>` + wp("") + `</w:tc></w:tr>` +
		`<w:tr><w:trPr><w:gridBefore w:val="2"/></w:trPr>` + wtc(``, "5") + wtc(``, "5") + `</w:tr>` +
		`</w:tbl>` + wp("二、主动公开政府信息情况")
	d, err := extract.Read(docxOf(t, body))
	if err != nil {
		t.Fatal(err)
	}
	if d.Kind != extract.DOCX {
		t.Fatalf("kind %s", d.Kind)
	}
	want := strings.Join([]string{
		"一、总体情况",
		"本年度", // a tab between Chinese text folds away, as all white space there
		"头 | 申请人情况",
		"自然人 | 总计",
		"（三）不予公开 | 1.属于国家秘密 | 14 | ",
		"2.其他 | 0 | 嵌套",
		" |  | 5 | 5",
		"二、主动公开政府信息情况",
	}, "\n")
	if got := d.Text(); got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
	rows := d.Blocks[2].Table.Rows
	if c := rows[3][0]; !c.Covered || c.Text != "（三）不予公开" {
		t.Errorf("vMerge continued: %+v", c)
	}
	if c := rows[1][1]; !c.Covered || c.Text != "头" {
		t.Errorf("vMerge under a gridSpan: %+v", c)
	}
}

// TestDocxBroken: a zip without a document, and a document that is not
// XML, are refused in words.
func TestDocxBroken(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	if _, err := zw.Create("xl/workbook.xml"); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	if _, err := extract.Read(buf.Bytes()); err != extract.ErrNotDocx {
		t.Errorf("xlsx: %v", err)
	}
	if _, err := extract.Read(docxOf(t, "<w:p><w:r><w:t>unclosed")); err == nil || !strings.Contains(err.Error(), "不是有效的XML") {
		t.Errorf("broken xml: %v", err)
	}
}
