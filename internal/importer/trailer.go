package importer

import (
	"strings"
	"unicode/utf8"
)

// What follows section 六 on a web page is not the report: attachment
// links (….doc, ….pdf), "related entries", footers. The report itself may
// end with a signature, the body's name and a date (seed 001), which is
// kept as Result.Signature and not as text of 六.

// debrisLines are whole lines of page chrome, in matching form.
var debrisLines = map[string]bool{
	"相关词条": true, "热门词条": true, "联系我们": true, "联络我们": true, "相关链接": true,
	"相关文章": true, "相关阅读": true, "打印本页": true, "关闭窗口": true, "返回顶部": true,
	"分享到": true, "打印": true, "关闭": true, "【打印】": true, "【关闭】": true, "[打印][关闭]": true,
}

// debrisMarks make a short line page chrome wherever they occur in it.
var debrisMarks = []string{"版权所有", "ICP备", "网站标识码", "主办单位", "承办单位", "技术支持", "公网安备", "网站地图", "上一篇", "下一篇"}

// attachmentExts end the names of attached files.
var attachmentExts = []string{".doc", ".docx", ".pdf", ".wps", ".xls", ".xlsx", ".zip", ".rar", ".ofd"}

// isDebris reports whether a line is page chrome rather than report text.
func isDebris(line string) bool {
	s := trim(line)
	if s == "" {
		return false
	}
	lower := strings.ToLower(s)
	for _, ext := range attachmentExts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	k := key(s)
	if debrisLines[k] {
		return true
	}
	if utf8.RuneCountInString(k) > 80 {
		return false
	}
	if strings.HasPrefix(k, "附件") {
		return true
	}
	for _, m := range debrisMarks {
		if strings.Contains(k, m) {
			return true
		}
	}
	return false
}

// trailer returns where section 六's text ends within [from, to): before
// the first line of page debris and before a trailing signature. It notes
// both and keeps the signature.
func (rd *reader) trailer(from, to int) int {
	end := to
	if again := rd.reportAgain(from, to); again >= 0 {
		end = again
		rd.note(again, Info, "从这一行起报告又印了一遍（如网页同时载有电脑版和手机版的正文），重复的部分未读入")
	}
	for i := from; i < end; i++ {
		if isDebris(rd.lines[i]) {
			end = i
			rd.note(i, Info, "从这一行起是网页附件链接、页脚等（“%s”），未计入第六部分", clip(trim(rd.lines[i]), 30))
			break
		}
	}
	if sigFrom, sigTo, ok := rd.signature(from, end); ok {
		rd.keepSignature(sigFrom, sigTo)
		return sigFrom
	}
	if sigFrom, sigTo, ok := rd.signature(end, to); ok {
		rd.keepSignature(sigFrom, sigTo)
	}
	return end
}

// reportAgain is the first line of [from, to) where the report starts
// again — heading 一 once more, with the title line before it — or -1.
// A CMS page may hold the article twice (its desktop and its mobile
// template), and the second copy would otherwise read as text of 六.
func (rd *reader) reportAgain(from, to int) int {
	for i := from; i < to; i++ {
		line := stripMarkup(rd.lines[i])
		if !mayBeHeading(line) {
			continue
		}
		if _, ok := rd.matchAnyHeading(i, key(line), 0); !ok {
			continue
		}
		if p := prevNonEmpty(rd.lines, i); p >= from && isTitle(rd.lines[p]) {
			return p
		}
		return i
	}
	return -1
}

// signature finds a signature ending the non-empty lines of [from, to):
// a date line, optionally after a short name line, or both on one line.
func (rd *reader) signature(from, to int) (sigFrom, sigTo int, ok bool) {
	last := -1
	for i := to - 1; i >= from; i-- {
		if trim(rd.lines[i]) != "" && !isDebris(rd.lines[i]) {
			last = i
			break
		}
	}
	if last >= 0 && rd.isOwnName(rd.lines[last]) && lastNonEmpty(rd.lines, from, last) >= 0 {
		return last, last + 1, true // the body's name alone: a draft's page, not yet dated
	}
	if last < 0 || !endsWithDate(rd.lines[last]) {
		return 0, 0, false
	}
	sigFrom = last
	if isDateOnly(rd.lines[last]) {
		if prev := lastNonEmpty(rd.lines, from, last); prev >= 0 && isNameLine(rd.lines[prev]) {
			sigFrom = prev
		}
	}
	return sigFrom, last + 1, true
}

// isOwnName: the line is the name of the body the report is of (as its
// title names it), and nothing else.
func (rd *reader) isOwnName(line string) bool {
	return rd.rep.Org != "" && key(trim(line)) == key(rd.rep.Org)
}

func (rd *reader) keepSignature(from, to int) {
	var parts []string
	for _, l := range rd.lines[from:to] {
		if l = trim(l); l != "" && !isDebris(l) {
			parts = append(parts, l)
		}
	}
	rd.res.Signature = strings.Join(parts, " ")
	rd.note(from, Info, "落款“%s”不计入第六部分", rd.res.Signature)
}

// endsWithDate: a line that is, or ends with, 2021年1月25日, and is short
// enough to be a signature rather than a sentence.
func endsWithDate(line string) bool {
	s := trim(line)
	if utf8.RuneCountInString(s) > 40 || hasSentencePunct(s) {
		return false
	}
	return dateSuffixLen([]rune(key(s))) > 0
}

func isDateOnly(line string) bool {
	k := []rune(key(line))
	return dateSuffixLen(k) == len(k)
}

// dateSuffixLen returns the rune length of a YYYY年M月D日 ending k, or 0.
func dateSuffixLen(k []rune) int {
	i := len(k)
	step := func(unit rune, min, max int) bool {
		if i == 0 || k[i-1] != unit {
			return false
		}
		j := i - 1
		for j > 0 && i-1-j < max && k[j-1] >= '0' && k[j-1] <= '9' {
			j--
		}
		if n := i - 1 - j; n < min {
			return false
		}
		i = j
		return true
	}
	if !step('日', 1, 2) || !step('月', 1, 2) || !step('年', 4, 4) {
		return 0
	}
	return len(k) - i
}

// isNameLine: a short line without sentence punctuation or digits.
func isNameLine(line string) bool {
	s := trim(line)
	return utf8.RuneCountInString(s) <= 30 && !hasSentencePunct(s) && !strings.ContainsAny(fold(s), "0123456789")
}

func lastNonEmpty(lines []string, from, to int) int {
	for i := to - 1; i >= from; i-- {
		if trim(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// clip shortens s to n runes for a message.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
