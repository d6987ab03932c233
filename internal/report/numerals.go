package report

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// toSimplified maps the traditional characters the narrative checks look
// for to their simplified forms, so that one list of phrases reads reports
// published in either script (seed 000 is printed in traditional
// characters, with 檔案 where the simplified text has 文件).
var toSimplified = map[rune]rune{
	'請': '请', '結': '结', '轉': '转', '辦': '办', '複': '复', '議': '议', '訴': '诉', '訟': '讼', '開': '开', '規': '规',
	'範': '范', '發': '发', '廢': '废', '費': '费', '處': '处', '資': '资', '訊': '讯', '續': '续', '繼': '继', '獲': '获',
	'維': '维', '糾': '纠', '錯': '错', '現': '现', '製': '制', '與': '与', '對': '对', '關': '关', '應': '应', '執': '执',
	'為': '为', '於': '于', '據': '据', '經': '经', '濟': '济', '組': '组', '織': '织', '會': '会', '業': '业', '機': '机',
	'報': '报', '區': '区', '縣': '县', '鄉': '乡', '鎮': '镇', '較': '较', '減': '减', '長': '长', '兩': '两', '萬': '万',
	'億': '亿', '僅': '仅', '餘': '余', '約': '约', '達': '达', '過': '过', '統': '统', '總': '总', '計': '计', '審': '审',
	'決': '决', '許': '许', '罰': '罚', '強': '强', '書': '书', '權': '权', '務': '务', '條': '条', '項': '项', '個': '个',
	'問': '问', '題': '题', '違': '违', '門': '门', '後': '后', '數': '数', '屬': '属', '來': '来', '網': '网', '絡': '络',
	'類': '类', '賠': '赔', '償': '偿', '並': '并', '當': '当', '實': '实', '無': '无', '証': '证', '證': '证', '頒': '颁',
	'佈': '布', '體': '体', '專': '专', '準': '准', '單': '单', '級': '级', '圍': '围', '內': '内', '產': '产', '劃': '划',
	'編': '编', '訂': '订', '覆': '复', '盡': '尽', '稱': '称', '註': '注', '銷': '销', '歸': '归', '參': '参', '１': '1',
	'２': '2', '３': '3', '４': '4', '５': '5', '６': '6', '７': '7', '８': '8', '９': '9', '０': '0',
	'讀': '读', '欄': '栏', '頁': '页', '線': '线', '熱': '热', '諮': '咨', '詢': '询', '傳': '传', '黨': '党', '導': '导',
	'課': '课', '訓': '训', '籌': '筹', '點': '点',
	// 行政復議 (復 as well as 複), 逾期未繳納, 補正, 變更, 政協, 駁回
	'復': '复', '繳': '缴', '納': '纳', '補': '补', '變': '变', '協': '协', '駁': '驳', '額': '额',
}

// wordsToSimplified are the words whose simplified form is another word
// of the same length.
var wordsToSimplified = strings.NewReplacer("檔案", "文件", "部份", "部分")

// Simplify is a text as the narrative checks read it: traditional
// characters and full-width digits in their simplified and ASCII forms.
// It keeps the text's length in runes, so a place in it is the same place
// in the text.
func Simplify(s string) string { return simplifyWords(strings.Map(simplifyRune, s)) }

// simplifyWords replaces the words of wordsToSimplified (檔 and 份 are not
// characters simplifyRune changes, so the two may be applied in either
// order).
func simplifyWords(s string) string {
	if strings.Contains(s, "檔案") || strings.Contains(s, "部份") {
		s = wordsToSimplified.Replace(s)
	}
	return s
}

// chineseDigit is the value of a Chinese numeral digit, or -1.
func chineseDigit(r rune) int64 {
	switch r {
	case '零', '〇':
		return 0
	case '一', '壹':
		return 1
	case '二', '两', '贰':
		return 2
	case '三', '叁':
		return 3
	case '四', '肆':
		return 4
	case '五', '伍':
		return 5
	case '六', '陆':
		return 6
	case '七', '柒':
		return 7
	case '八', '捌':
		return 8
	case '九', '玖':
		return 9
	}
	return -1
}

// chineseUnit is the multiplier of a Chinese numeral unit, or 0.
func chineseUnit(r rune) int64 {
	switch r {
	case '十', '拾':
		return 10
	case '百', '佰':
		return 100
	case '千', '仟':
		return 1000
	case '万':
		return 10000
	}
	return 0
}

func isChineseNumeral(r rune) bool { return chineseDigit(r) >= 0 || chineseUnit(r) > 0 }

// parseChinese reads a Chinese numeral (一百二十八, 十二, 两千零五, 一二八);
// ok is false for what is not one.
func parseChinese(s string) (n int64, ok bool) {
	if s == "" {
		return 0, false
	}
	var total, section, digit int64
	sawUnit, lastDigit := false, false
	digits := ""
	for _, r := range s {
		if d := chineseDigit(r); d >= 0 {
			digit = d
			lastDigit = true
			digits += string(rune('0' + d))
			continue
		}
		u := chineseUnit(r)
		if u == 0 {
			return 0, false
		}
		sawUnit = true
		if !lastDigit {
			digit = 1 // 十二 = 12
		}
		if u == 10000 {
			total += (section + digit) * u
			section = 0
		} else {
			section += digit * u
		}
		digit, lastDigit = 0, false
	}
	if !sawUnit { // 一二八: digit by digit
		var v int64
		for _, c := range digits {
			v = v*10 + int64(c-'0')
		}
		return v, true
	}
	return total + section + digit, true
}

// number is a figure found in a text: its value and where it lies (byte
// offsets in the text read).
type number struct {
	N          int64
	Start, End int
}

// numberBefore reads the figure that ends at byte offset end of s, in
// Arabic digits (with thousands separators) or Chinese numerals.
func numberBefore(s string, end int) (number, bool) {
	i := end
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if r >= '0' && r <= '9' {
			i -= size
			continue
		}
		// 3,047: a separator between digits, followed by three digits.
		if (r == ',' || r == '，') && i-size > 0 && i+3 <= end && allDigits(s[i:i+3]) {
			if p, _ := utf8.DecodeLastRuneInString(s[:i-size]); p >= '0' && p <= '9' {
				i -= size
				continue
			}
		}
		break
	}
	if i < end {
		var v int64
		for _, c := range s[i:end] {
			if c >= '0' && c <= '9' {
				v = v*10 + int64(c-'0')
			}
		}
		return number{N: v, Start: i, End: end}, true
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !isChineseNumeral(r) {
			break
		}
		i -= size
	}
	if i == end {
		return number{}, false
	}
	v, ok := parseChinese(s[i:end])
	if r, _ := utf8.DecodeRuneInString(s[i:end]); ok && chineseUnit(r) > 0 {
		// 3万件, 1.2万件: Arabic digits (and a decimal) before the unit.
		if lead, start, ok := decimalBefore(s, i); ok {
			return number{N: int64(lead*float64(v) + 0.5), Start: start, End: end}, true
		}
	}
	return number{N: v, Start: i, End: end}, ok
}

// decimalBefore reads the Arabic number (3, 1.2) that ends at byte offset
// end of s.
func decimalBefore(s string, end int) (float64, int, bool) {
	i := end
	for i > 0 && (s[i-1] >= '0' && s[i-1] <= '9' || s[i-1] == '.') {
		i--
	}
	if i == end || s[i] == '.' {
		return 0, 0, false
	}
	v, err := strconv.ParseFloat(s[i:end], 64)
	return v, i, err == nil
}

// traditional marks the runes of toSimplified (all in the BMP), so that
// the common simplified rune is passed without a map lookup.
var traditional = func() (bits [1 << 16 / 64]uint64) {
	for r := range toSimplified {
		bits[r/64] |= 1 << (r % 64)
	}
	return bits
}()

// simplifyRune is r as Simplify reads it, for one rune (words such as 檔案
// aside).
func simplifyRune(r rune) rune {
	if r < 1<<16 && traditional[r/64]&(1<<(r%64)) != 0 {
		return toSimplified[r]
	}
	return r
}
