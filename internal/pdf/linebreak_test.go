package pdf

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"
)

// fakeWidth measures a Chinese character 1, a space 0.25, anything else
// 0.5, so that expected breaks can be worked out by hand.
func fakeWidth(r rune) float64 {
	switch {
	case r == ' ':
		return 0.25
	case isIdeo(r):
		return 1
	}
	return 0.5
}

func texts(ls []line) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text()
	}
	return out
}

// checkLines asserts what every breaking must keep: no character lost or
// added (only spaces at breaks go), no line wider than the box unless it
// is a single unit that cannot be cut, widths that add up, and 禁则 where
// strict is set.
func checkLines(t *testing.T, in string, ls []line, w widthFunc, width, firstIndent float64, strict bool) {
	t.Helper()
	pos := 0
	for i, l := range ls {
		for pos < len(in) && in[pos] == ' ' {
			pos++
		}
		got := l.text()
		if !strings.HasPrefix(in[pos:], got) {
			t.Fatalf("line %d %q does not continue the input at %q", i, got, in[pos:min(len(in), pos+40)])
		}
		pos += len(got)
		if strings.HasPrefix(got, " ") || strings.HasSuffix(got, " ") || got == "" {
			t.Errorf("line %d %q has break whitespace or is empty", i, got)
		}
		sum := 0.0
		for _, r := range got {
			sum += w(r)
		}
		if d := sum - l.width; d > 1e-9 || d < -1e-9 {
			t.Errorf("line %d %q: width %v, characters add to %v", i, got, l.width, sum)
		}
		box := width
		if i == 0 {
			box -= firstIndent
		}
		if l.width > box+slack && len(l.units) > 1 {
			t.Errorf("line %d %q: width %v exceeds the box %v", i, got, l.width, box)
		}
		if !strict {
			continue
		}
		first, _ := utf8.DecodeRuneInString(got)
		last, _ := utf8.DecodeLastRuneInString(got)
		if i > 0 && isNoStart(first) {
			t.Errorf("line %d %q starts with %q", i, got, first)
		}
		if i < len(ls)-1 && isNoEnd(last) {
			t.Errorf("line %d %q ends with %q", i, got, last)
		}
	}
	if rest := strings.TrimLeft(in[pos:], " "); rest != "" {
		t.Errorf("text lost after the last line: %q", rest)
	}
}

func TestBreakLines(t *testing.T) {
	long := strings.Repeat("x", 2000)
	tests := []struct {
		name          string
		in            string
		width, indent float64
		want          []string // nil: only the invariants are checked
	}{
		{"empty", "", 4, 0, []string{}},
		{"only spaces", "   ", 4, 0, []string{}},
		{"fits", "政府信息", 4, 0, []string{"政府信息"}},
		{"any two Chinese characters", "一二三四五六七八九十", 4, 0, []string{"一二三四", "五六七八", "九十"}},
		{"first line indented", "一二三四五六七八", 4, 2, []string{"一二", "三四五六", "七八"}},
		{"comma may not start a line", "一二三四，五六", 4, 0, []string{"一二三", "四，五六"}},
		{"two closing marks", "一二三四）。五六", 4, 0, []string{"一二三", "四）。五", "六"}},
		{"opening quote may not end a line", "一二三“四五”六", 4, 0, []string{"一二三", "“四五”", "六"}},
		{"opening bracket of a word", "一二三(abc)", 4, 0, []string{"一二三", "(abc)"}},
		{"ASCII word kept whole", "一二三2022年", 4, 0, []string{"一二三", "2022年"}},
		{"break at a space", "ab cd ef gh", 2.5, 0, []string{"ab cd", "ef gh"}},
		{"doubled dash stays together", "一二三——四", 4, 0, []string{"一二三", "——四"}},
		{"ellipsis may not start a line", "一二三四……", 4, 0, []string{"一二三", "四……"}},
		{"text starting with punctuation", "，开头是标点。", 4, 0, []string{"，开头是", "标点。"}},
		{"over-long ASCII cut to fill lines", "一" + strings.Repeat("a", 12), 4, 0, []string{"一aaaaaa", "aaaaaa"}},
		{"2000-character ASCII run", long, 10, 0, nil},
		{"unit wider than the box", "一二", 0.5, 0, []string{"一", "二"}},
		{"nothing but opening brackets", "（（（（（（（（", 3, 0, []string{"（（（", "（（（", "（（"}},
		{"fullwidth digits break like Chinese", "共１２３４５件", 4, 0, []string{"共１２３", "４５件"}},
		{"web address breaks after its dots", "网站(www.ruian.gov.cn)下载", 6, 0, []string{"网站(www.", "ruian.gov.", "cn)下载"}},
		{"decimal number kept whole", "金额43767.7146万元", 5, 0, []string{"金额", "43767.7146", "万元"}},
		{"spaces between words collapse at breaks", "alpha   beta   gamma", 3, 0, []string{"alpha", "beta", "gamma"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := breakLines(tt.in, fakeWidth, tt.width, tt.indent)
			strict := tt.name != "nothing but opening brackets"
			checkLines(t, tt.in, ls, fakeWidth, tt.width, tt.indent, strict)
			if tt.want != nil && strings.Join(texts(ls), "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", texts(ls), tt.want)
			}
		})
	}
}

// TestBreakLinesRandom throws mixed text at the breaker: the invariants
// hold for any text and any box of at least two characters.
func TestBreakLinesRandom(t *testing.T) {
	alphabet := []rune("政府信息公开年度报告一二三，。、；：？！（）《》“”‘’「」『』…—abcXYZ019 ().,;:%-/")
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		n := rng.IntN(120)
		rs := make([]rune, n)
		for j := range rs {
			rs[j] = alphabet[rng.IntN(len(alphabet))]
		}
		in := string(rs)
		width := 2 + rng.Float64()*20
		ls := breakLines(in, fakeWidth, width, 0)
		checkLines(t, in, ls, fakeWidth, width, 0, false)
		if t.Failed() {
			t.Fatalf("case %d: %q in width %v", i, in, width)
		}
	}
}

// TestBreakLinesKinsokuRandom: where a line holds more than a few
// characters, 禁则 always holds on Chinese text with punctuation.
func TestBreakLinesKinsokuRandom(t *testing.T) {
	alphabet := []rune("政府信息公开年度报告，。、；：？！（）《》“”")
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 2000 {
		rs := make([]rune, rng.IntN(200))
		for j := range rs {
			rs[j] = alphabet[rng.IntN(len(alphabet))]
			if j > 0 && isNoEnd(rs[j-1]) && (isNoStart(rs[j]) || isNoEnd(rs[j])) {
				rs[j] = '政' // keep runs of marks short enough to be fixable
			}
			if j > 0 && isNoStart(rs[j-1]) && isNoStart(rs[j]) {
				rs[j] = '府'
			}
		}
		in := string(rs)
		width := float64(8 + rng.IntN(20))
		checkLines(t, in, breakLines(in, fakeWidth, width, 2), fakeWidth, width, 2, true)
		if t.Failed() {
			t.Fatalf("case %d: %q in width %v", i, in, width)
		}
	}
}

// TestLineGaps: justification spreads between units, never inside a word
// cut at a break opportunity.
func TestLineGaps(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"政府信息", 3},
		{"www.ruian.gov.cn", 0},
		{"网站www.ruian.gov.cn下载", 4},
		{"ab cd", 2},
		{"", 0},
	}
	for _, tt := range tests {
		ls := breakLines(tt.in, fakeWidth, 100, 0)
		got := 0
		if len(ls) > 0 {
			got = ls[0].gaps()
		}
		if got != tt.want {
			t.Errorf("%q: %d gaps, want %d", tt.in, got, tt.want)
		}
	}
}
