package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestReferenceUploadGBK: a .txt saved in GBK (as Chinese Windows and WPS
// save it) is read as the same text as its UTF-8 original, line for line.
func TestReferenceUploadGBK(t *testing.T) {
	_, c, body := importApp(t)
	text := seedText(t, "002")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	res := c.PostMultipart(t, paths.BodyReferencePreviewURL(body), url.Values{"year": {"2024"}},
		map[string]webtest.File{"file": {Name: "瑞安2024.txt", Data: []byte(gbk)}})
	if res.Status != http.StatusOK {
		t.Fatalf("status %d: %.300s", res.Status, res.Body)
	}
	d := res.Doc(t)
	if got := d.Find(`[data-testid=format]`).Text(); !strings.Contains(got, "依据第16行的表头“本年制发件数”") {
		t.Errorf("format %q", got)
	}
	lines := strings.Split(text, "\n")
	for _, n := range []int{1, 16, 35} {
		if got := d.Find("#line-" + strconv.Itoa(n)).Contents().Not(".ln").Text(); got != lines[n-1] {
			t.Errorf("line %d: %q, want %q", n, got, lines[n-1])
		}
	}
	if v := d.Find(`form.confirm-form input[name=text]`).AttrOr("value", ""); v != text {
		t.Error("the confirm form does not carry the decoded text")
	}
	if got := cellText(d, "requests.granted.total"); got != "43" {
		t.Errorf("（一）予以公开 总计 %q, want 43", got)
	}
}

// TestImportTextRefused: an empty paste, a text over 1 MB and a text that
// is not a report are refused with a message at the box, the text kept in
// it; a file that is too large, not text or in an unknown encoding, with a
// message at the file field. The same for the clerk's import and the check.
func TestImportTextRefused(t *testing.T) {
	_, c, body := importApp(t)
	huge := strings.Repeat("一、总体情况\n", 1<<20/len("一、总体情况\n")+1)
	tests := []struct {
		name, text string
		file       *webtest.File
		field      string
		msg        string
	}{
		{"empty", " \n\t\n", nil, "text", "请粘贴报告的全文"},
		{"too large", huge, nil, "text", "超过了1 MB的上限"},
		{"not a report", "\n这是一份会议通知。\n请各单位准时参加。", nil, "text", "没有找到年度报告的任何一个部分标题"},
		{"file too large", "", &webtest.File{Name: "a.txt", Data: []byte(huge)}, "file", "超过了1 MB的上限"},
		{"file a zip, not Word", "", &webtest.File{Name: "a.docx", Data: []byte("PK\x03\x04\x00\x00\x00word/")}, "file", "不是Word文档"},
		{"file binary", "", &webtest.File{Name: "a.txt", Data: []byte("a\x00b")}, "file", "无法识别这个文件"},
		{"file unknown encoding", "", &webtest.File{Name: "a.txt", Data: []byte{0x81, 0x20, 0xff, 0xfe, 0x80, 0x80}}, "file", "无法识别文件的编码"},
		{"file empty", "", &webtest.File{Name: "a.txt", Data: []byte("\n\n")}, "file", "文件是空的"},
	}
	for _, route := range []string{paths.BodyReferencePreviewURL(body), paths.CheckText} {
		for _, tt := range tests {
			t.Run(route+" "+tt.name, func(t *testing.T) {
				var files map[string]webtest.File
				if tt.file != nil {
					files = map[string]webtest.File{"file": *tt.file}
				}
				res := c.PostMultipart(t, route, url.Values{"year": {"2024"}, "text": {tt.text}}, files)
				if res.Status != http.StatusUnprocessableEntity {
					t.Fatalf("status %d, want 422", res.Status)
				}
				d := res.Doc(t)
				msg := d.Find("#" + tt.field + "-error")
				if !strings.Contains(msg.Text(), tt.msg) {
					t.Errorf("message at %s: %q, want %q", tt.field, msg.Text(), tt.msg)
				}
				if d.Find("#"+tt.field).AttrOr("aria-invalid", "") != "true" ||
					!strings.Contains(d.Find("#"+tt.field).AttrOr("aria-describedby", ""), tt.field+"-error") {
					t.Errorf("the %s field is not marked invalid with its message", tt.field)
				}
				if got := d.Find("textarea#text").Text(); got != tt.text {
					t.Errorf("the box holds %d bytes (%.40q), want the %d pasted", len(got), got, len(tt.text))
				}
			})
		}
	}
}

// TestImportTextEdit: 修改文本 takes the text back into the box exactly,
// a first empty line included, and the year with it.
func TestImportTextEdit(t *testing.T) {
	_, c, body := importApp(t)
	text := "\n" + seedText(t, "002")
	for _, route := range []string{paths.BodyReferencePreviewURL(body), paths.CheckText} {
		res := c.PostMultipart(t, route, url.Values{"year": {"2024"}, "text": {text}, "edit": {"1"}}, nil)
		if res.Status != http.StatusOK {
			t.Fatalf("%s: %d", route, res.Status)
		}
		d := res.Doc(t)
		if got := d.Find("textarea#text").Text(); got != text {
			t.Errorf("%s: the box holds %.40q…, want the text", route, got)
		}
		if route != paths.CheckText && d.Find("input#year").AttrOr("value", "") != "2024" {
			t.Errorf("year %q", d.Find("input#year").AttrOr("value", ""))
		}
	}
}

// TestImportBodyOver4MB: a post beyond what the app reads at all (a huge
// file) is refused as too large, in words, not as an expired page.
func TestImportBodyOver4MB(t *testing.T) {
	_, c, body := importApp(t)
	huge := webtest.File{Name: "huge.txt", Data: []byte(strings.Repeat("一、总体情况\n", 5<<20/len("一、总体情况\n")))}
	res := c.PostMultipart(t, paths.BodyReferencePreviewURL(body), url.Values{"year": {"2024"}}, map[string]webtest.File{"file": huge})
	if res.Status != http.StatusRequestEntityTooLarge || !strings.Contains(res.Body, "提交的内容超过4 MB") {
		t.Errorf("status %d: %.200s", res.Status, res.Body)
	}
}
