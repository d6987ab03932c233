package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// InputError is a cell input that was refused. Its message names the cell
// by row and column and says, in Chinese, what to do.
type InputError struct {
	Cell   CellID
	Path   string
	Input  string
	Reason string
	name   string
}

func (e *InputError) Error() string { return e.name + "：" + e.Reason }

// Problem is the reason alone, for showing at the cell itself.
func (e *InputError) Problem() string { return e.Reason }

// Reasons an input is refused; also used by the JSON reader and the importer.
const (
	reasonNotNumber   = "请填写阿拉伯数字，没有发生的填0"
	reasonNegative    = "不能为负数"
	reasonFraction    = "件数应为整数，不能有小数"
	reasonDecimals    = "金额以万元为单位，最多保留4位小数（即精确到元）"
	reasonTooLarge    = "数值过大（超过1万亿），请检查是否多输了数字"
	reasonSeparators  = "千位分隔符的位置不对，应每三位一个逗号，如1,234"
	reasonInnerSpace  = "数字中间有空格，请检查是否把两个数粘在了一起"
	reasonNotApplic   = "统计表中应填写数字；本年度没有发生的请填0，不要填“/”或“不适用”"
	reasonSeveralDots = "小数点多于一个"
)

// ParseInput reads what a clerk typed into a cell: ASCII or full-width
// digits, thousands separators (, ，), a decimal point (. ． 。) in amounts,
// surrounding spaces. Blank text is a blank cell. Anything else — negative
// numbers, fractions in a count, more than four decimals in 万元, values past
// MaxValue, letters, "/" — is refused with an *InputError naming the cell.
func (t *Template) ParseInput(id CellID, text string) (Value, error) {
	def := t.Cell(id)
	v, reason := parseNumber(text, def.Kind)
	if reason != "" {
		return Value{}, &InputError{Cell: id, Path: def.Path, Input: text, Reason: reason, name: def.Name()}
	}
	return v, nil
}

// parseNumber is ParseInput without the cell; reason is empty on success.
func parseNumber(text string, k Kind) (Value, string) {
	s := strings.TrimFunc(text, isSpace)
	if s == "" {
		return Value{}, ""
	}
	if isNotApplicable(s) {
		return Value{}, reasonNotApplic
	}
	s = normaliseDigits(s)
	if strings.IndexFunc(s, isSpace) >= 0 {
		return Value{}, reasonInnerSpace
	}
	neg := false
	switch s[0] {
	case '-':
		neg, s = true, s[1:]
	case '+':
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && strings.Contains(frac, ".") {
		return Value{}, reasonSeveralDots
	}
	intPart, reason := stripSeparators(intPart)
	if reason != "" {
		return Value{}, reason
	}
	if !allDigits(intPart) || !allDigits(frac) || (intPart == "" && frac == "") {
		return Value{}, reasonNotNumber
	}
	if neg && strings.Trim(intPart+frac, "0") != "" {
		return Value{}, reasonNegative
	}
	return scale(intPart, frac, k)
}

// scale turns validated digit strings into a value: whole units for a
// count, whole 元 for an amount in 万元.
func scale(intPart, frac string, k Kind) (Value, string) {
	frac = strings.TrimRight(frac, "0")
	decimals := 0
	if k == AmountWan {
		decimals = 4
	}
	if len(frac) > decimals {
		if k == Count {
			return Value{}, reasonFraction
		}
		return Value{}, reasonDecimals
	}
	intPart = strings.TrimLeft(intPart, "0")
	if len(intPart) > 13 {
		return Value{}, reasonTooLarge
	}
	var whole int64
	for _, c := range intPart {
		whole = whole*10 + int64(c-'0')
	}
	if whole > MaxValue {
		return Value{}, reasonTooLarge
	}
	if k == Count {
		return Num(whole), ""
	}
	frac += strings.Repeat("0", 4-len(frac))
	var f int64
	for _, c := range frac {
		f = f*10 + int64(c-'0')
	}
	if whole == MaxValue && f > 0 {
		return Value{}, reasonTooLarge
	}
	return Num(whole*YuanPerWan + f), ""
}

// stripSeparators removes thousands separators, which must group by three.
func stripSeparators(s string) (string, string) {
	if !strings.Contains(s, ",") {
		return s, ""
	}
	groups := strings.Split(s, ",")
	if len(groups[0]) == 0 || len(groups[0]) > 3 {
		return "", reasonSeparators
	}
	for _, g := range groups[1:] {
		if len(g) != 3 {
			return "", reasonSeparators
		}
	}
	return strings.Join(groups, ""), ""
}

// normaliseDigits maps full-width digits, signs, separators and decimal
// points (typed with a Chinese IME) to ASCII.
func normaliseDigits(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteByte(byte('0' + r - '０'))
		case r == '，' || r == '、':
			b.WriteByte(',')
		case r == '．' || r == '。':
			b.WriteByte('.')
		case r == '－' || r == '−' || r == '–':
			b.WriteByte('-')
		case r == '＋':
			b.WriteByte('+')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isNotApplicable reports whether s is one of the ways a printed report
// says "not applicable" (不适用, /, —), as opposed to 0 or blank.
func isNotApplicable(s string) bool {
	switch s {
	case "不适用", "/", "／", "—", "——", "-", "－", "–", "无":
		return true
	}
	return false
}

// IsNotApplicable reports whether a printed cell says "not applicable"
// (不适用, /, —, …) rather than giving a number: the importer keeps such a
// cell as NotApplicable, apart from 0 and from blank.
func IsNotApplicable(s string) bool { return isNotApplicable(strings.TrimFunc(s, isSpace)) }

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func idf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
