package names

import (
	"strings"
	"testing"
)

func TestProblem(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // a part of the message; "" for no problem
	}{
		{"plain", "示范市人民政府办公室", ""},
		{"latin with hyphen", "a-admin", ""},
		{"inner space and 全角空格", "示范市 教育局　办公室", ""},
		{"empty", "", "请填写"},
		{"too long", strings.Repeat("局", 101), "最多100个字"},
		{"replacement character", "示范\uFFFD局", "无法识别的字符"},
		{"100 is fine", strings.Repeat("局", 100), ""},
		{"NUL", "a\x00admin", "空字符"},
		{"newline", "示范\n市", "换行"},
		{"tab", "示范\t市", "换行或制表符"},
		{"C1 control", "示范\u0085市", "控制字符"},
		{"DEL", "admin\x7f", "控制字符"},
		{"invalid UTF-8", "adm\xffin", "无法识别"},
		{"zero-width space", "a-admin\u200b", "看不见的字符"},
		{"zero-width joiner", "a\u200dadmin", "看不见的字符"},
		{"BOM", "\ufeffadmin", "看不见的字符"},
		{"word joiner", "ad\u2060min", "看不见的字符"},
		{"soft hyphen", "ad\u00admin", "看不见的字符"},
		{"hangul filler", "ad\u3164min", "看不见的字符"},
		{"RLO", "a\u202eadmin", "改变文字方向"},
		{"RLI", "a\u2067admin", "改变文字方向"},
		{"LRM", "admin\u200e", "改变文字方向"},
		{"private use", "admin\ue000", "无法显示"},
		{"non-character", "admin\ufffe", "无法显示"},
		{"no-break space", "示范\u00a0市", "特殊空白"},
		{"line separator", "示范\u2028市", "特殊空白"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Problem("机关名称", tc.in, 100)
			if tc.want == "" && got != "" || tc.want != "" && !strings.Contains(got, tc.want) {
				t.Errorf("Problem(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if tc.want != "" && !strings.HasPrefix(got, "机关名称") && !strings.HasPrefix(got, "请填写机关名称") {
				t.Errorf("the message does not name the field: %q", got)
			}
		})
	}
}

func TestFilename(t *testing.T) {
	tests := []struct{ in, want string }{
		{"示范市人民政府2024年政府信息公开工作年度报告.pdf", "示范市人民政府2024年政府信息公开工作年度报告.pdf"},
		{"../../etc/passwd", "_.._etc_passwd"},
		{`a\b:c*d?e"f<g>h|i.docx`, "a_b_c_d_e_f_g_h_i.docx"},
		{"报告\u202egpj.exe", "报告_gpj.exe"},
		{"报告\x00\r\n.pdf", "报告___.pdf"},
		{"  .隐藏. ", "隐藏"},
		{"", "download"},
		{"...", "download"},
		{"bad\xffbyte.csv", "bad_byte.csv"},
	}
	for _, tc := range tests {
		if got := Filename(tc.in); got != tc.want {
			t.Errorf("Filename(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	long := Filename(strings.Repeat("局", 200) + ".xlsx")
	if r := []rune(long); len(r) != 120 || !strings.HasSuffix(long, "局.xlsx") {
		t.Errorf("a long name: %d runes, %q", len(r), long[len(long)-12:])
	}
}

func FuzzFilename(f *testing.F) {
	f.Add("示范市.pdf")
	f.Add("a\u202e/b")
	f.Fuzz(func(t *testing.T, s string) {
		out := Filename(s)
		if out == "" || strings.ContainsAny(out, "/\\\x00\r\n") || strings.HasPrefix(out, ".") {
			t.Fatalf("Filename(%q) = %q", s, out)
		}
		for _, r := range out {
			if p := runeProblem(r); p != "" && r != ' ' {
				t.Fatalf("Filename(%q) keeps %U (%s)", s, r, p)
			}
		}
	})
}

// TestCleanText: NUL dropped, each run of bad bytes one "\uFFFD", the rest
// kept byte for byte, and the count of each told.
func TestCleanText(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		nul, bad int
	}{
		{"政务公开", "政务公开", 0, 0},
		{"", "", 0, 0},
		{"政务\x00公开", "政务公开", 1, 0},
		{"\x00\x00a\x00", "a", 3, 0},
		{"政务\xff\xfe公开", "政务\uFFFD公开", 0, 1},
		{"\xe5\x85", "\uFFFD", 0, 1},             // a character cut short
		{"a\xffb\xffc", "a\uFFFDb\uFFFDc", 0, 2}, // two runs
		{"a\xff\x00\xffb", "a\uFFFD\uFFFDb", 1, 2},
		{"\uFFFD本来就有", "\uFFFD本来就有", 0, 0}, // a real U+FFFD is text
	} {
		got, c := CleanText(tc.in)
		if got != tc.want || c.NUL != tc.nul || c.Invalid != tc.bad {
			t.Errorf("CleanText(%q) = %q, %+v; want %q, %d NUL, %d bad", tc.in, got, c, tc.want, tc.nul, tc.bad)
		}
		if c.Any() != (tc.nul+tc.bad > 0) {
			t.Errorf("CleanText(%q).Any() = %v", tc.in, c.Any())
		}
	}
	if got := CleanedNote(Cleaned{NUL: 2, Invalid: 1}); got != "文字中已删去2个看不见的空字符，1处无法识别的编码已换成“\uFFFD”，其余文字已保存。" {
		t.Errorf("note %q", got)
	}
	if got := CleanedNote(Cleaned{}); got != "" {
		t.Errorf("note of nothing cleaned %q", got)
	}
}
