package importer

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"nianbao/internal/report"
)

// headingKeys are the six official headings in matching form, each with
// the variants published reports print (report.Section.Variants). Both
// formats have the same ones.
var headingKeys = func() (keys [6][]string) {
	for i, s := range report.T2021.Sections {
		keys[i] = append(keys[i], key(s.Heading))
		for _, v := range s.Variants {
			keys[i] = append(keys[i], key(v))
		}
	}
	return keys
}()

// headingWords are each section's number as a heading starts (一、) and
// the keywords of its heading (report.Section.Keywords).
var headingWords = func() (words [6][]string) {
	for i, s := range report.T2021.Sections {
		words[i] = append([]string{key(s.Number + "、")}, s.Keywords...)
	}
	return words
}()

// findHeadings finds the six section headings by their full text, each
// accepted once and in order, so that a table row (四、结转下年度继续办理) or
// a paragraph (二、考核考绩待加强…, a second 一、工作情况) is never taken for
// one. A missing heading is skipped over and noted. It reports whether any
// heading was found.
func (rd *reader) findHeadings() bool {
	for i := range rd.head {
		rd.head[i], rd.hEnd[i] = -1, -1
	}
	next, found := 0, 0
	for i := 0; i < len(rd.lines) && next < len(headingKeys); i++ {
		line := stripMarkup(rd.lines[i])
		if !mayBeHeading(line) && !mayBeRenumbered(line) {
			continue
		}
		k := key(line)
		for j := next; j < len(headingKeys); j++ {
			end, ok := rd.matchAnyHeading(i, k, j)
			if !ok {
				continue
			}
			rd.head[j], rd.hEnd[j] = i, end
			rd.res.Headings[j] = i + 1
			next, found, i = j+1, found+1, end
			break
		}
	}
	if found == 0 {
		return false
	}
	for j, at := range rd.head {
		if at < 0 {
			rd.note(-1, Unreadable, "没有找到标题“%s”，该部分未读入", report.T2021.Sections[j].Heading)
		}
	}
	rd.printedHeadings()
	return true
}

// printedHeadings records each heading as printed (Result.Printed): a
// found one renamed when it is not the official heading's text; a
// missing one looked for anywhere in the text, and misplaced when it is
// there after all (out of the order findHeadings keeps to).
func (rd *reader) printedHeadings() {
	for j, at := range rd.head {
		p := &rd.res.Printed[j]
		*p = report.PrintedHeading{}
		if at < 0 {
			at = rd.anywhere(j)
			p.Misplaced = at >= 0
			if at < 0 {
				continue
			}
		}
		end := max(at, rd.hEnd[j])
		var text strings.Builder
		for i := at; i <= end && i < len(rd.lines); i++ {
			text.WriteString(stripMarkup(rd.lines[i]))
		}
		p.Line, p.Text = at+1, text.String()
		p.Renamed = key(p.Text) != headingKeys[j][0]
	}
}

// anywhere is the first line (0-based) that is section j's heading
// wherever it stands, or -1.
func (rd *reader) anywhere(j int) int {
	for i, line := range rd.lines {
		line = stripMarkup(line)
		if !mayBeHeading(line) && !mayBeRenumbered(line) {
			continue
		}
		if _, ok := rd.matchAnyHeading(i, key(line), j); ok {
			return i
		}
	}
	return -1
}

// matchAnyHeading matches line i against section j's heading, its
// variants, or (on a line of its own that is no sentence) the section's
// number followed by all its keywords.
func (rd *reader) matchAnyHeading(i int, k string, j int) (int, bool) {
	for _, h := range headingKeys[j] {
		if end, ok := rd.matchHeading(i, k, h); ok {
			return end, true
		}
	}
	if r := renumbered(k); r != k { // 3.收到和处理…, (三)收到和处理…: only the full heading
		for _, h := range headingKeys[j] {
			if r == h {
				return i, true
			}
		}
	}
	w := headingWords[j]
	if !strings.HasPrefix(k, w[0]) || utf8.RuneCountInString(k) > 30 || strings.ContainsAny(k, "。；;,，:：") {
		return 0, false
	}
	for _, kw := range w[1:] {
		if !strings.Contains(k, kw) {
			return 0, false
		}
	}
	return i, true
}

// matchHeading matches line i (whose key is k) against a heading, also
// when the heading wraps onto the next non-empty line; it returns the last
// line of the heading.
func (rd *reader) matchHeading(i int, k, heading string) (int, bool) {
	if k == heading {
		return i, true
	}
	if len(k) < 9 || !strings.HasPrefix(heading, k) {
		return 0, false
	}
	for j := i + 1; j < len(rd.lines) && j <= i+2; j++ {
		if trim(rd.lines[j]) == "" {
			continue
		}
		return j, k+key(rd.lines[j]) == heading
	}
	return 0, false
}

// mayBeHeading is a cheap test before folding a line: headings start with
// 一…六 and are short.
func mayBeHeading(line string) bool {
	s := trim(line)
	if len(s) > 60*utf8.UTFMax || utf8.RuneCountInString(s) > 60 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return strings.ContainsRune("一二三四五六", r)
}

// section returns the 0-based lines [from, to) of section j's body: after
// its heading, up to the next heading found (or the end of the text).
// ok is false when the heading is missing.
func (rd *reader) section(j int) (from, to int, ok bool) {
	if rd.head[j] < 0 {
		return 0, 0, false
	}
	to = len(rd.lines)
	for k := j + 1; k < len(rd.head); k++ {
		if rd.head[k] >= 0 {
			to = rd.head[k]
			break
		}
	}
	return rd.hEnd[j] + 1, to, true
}

// firstHeading is the 0-based line of the first heading found.
func (rd *reader) firstHeading() int {
	for _, at := range rd.head {
		if at >= 0 {
			return at
		}
	}
	return len(rd.lines)
}

// stripMarkup drops the markdown an OCR or PDF-to-markdown tool puts
// around a heading: ## 三、… or **三、…**.
func stripMarkup(line string) string {
	s := strings.TrimLeft(trim(line), "#*> \t")
	return strings.TrimRight(s, "*# \t")
}

// mayBeRenumbered: a short line that starts with an Arabic or bracketed
// section number (3. 收到…, (三)收到…).
func mayBeRenumbered(line string) bool {
	s := trim(line)
	if utf8.RuneCountInString(s) > 40 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r >= '1' && r <= '6' || r >= '１' && r <= '６' || r == '(' || r == '（'
}

// renumberRE is a section number written otherwise: 3. 3、 (三) (3).
var renumberRE = regexp.MustCompile(`^(?:([1-6])\.|\(([一二三四五六1-6])\))`)

// renumbered writes a key's leading section number as the official 三、.
func renumbered(k string) string {
	m := renumberRE.FindStringSubmatchIndex(k)
	if m == nil {
		return k
	}
	var num string
	if m[2] >= 0 {
		num = k[m[2]:m[3]]
	} else {
		num = k[m[4]:m[5]]
	}
	if d := strings.Index("123456", num); d >= 0 && len(num) == 1 {
		num = string([]rune("一二三四五六")[d])
	}
	return num + "、" + k[m[1]:]
}
