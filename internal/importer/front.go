package importer

import (
	"strings"
	"unicode/utf8"

	"nianbao/internal/extract"
	"nianbao/internal/report"
)

// titlePhrases end a report title; matched in folded form, in this order
// (a town's page may drop 政府: 下湿壕镇政府2022年信息公开工作年度报告).
var titlePhrases = []string{"政府信息公开工作年度报告", "政府信息公开年度报告", "信息公开工作年度报告"}

// frontMatter reads what comes before the first heading: the title (and
// from it the org and year), then the preface. Lines before the title are
// page navigation and are left out with a note. Without a title line, the
// org and year are inferred from the opening sentences and marked unsure.
func (rd *reader) frontMatter() {
	end := rd.firstHeading()
	title, titleText := -1, ""
	for i := 0; i < end && title < 0; i++ {
		if isTitle(rd.lines[i]) && labelOf(rd.lines[i]) == "" {
			title, titleText = i, rd.lines[i]
		}
	}
	for i := 0; i < end && title < 0; i++ {
		if l := labelOf(rd.lines[i]); l != "" && isTitle(rd.lines[i]) {
			// 名称：广东省人民政府2024年…: the page's metadata box, its only title
			title, titleText = i, strings.TrimPrefix(trim(rd.lines[i]), l)
		}
	}
	for i := 0; i < end && title < 0; i++ {
		if j := nextNonEmpty(rd.lines, i, end); j > 0 && j-i <= 2 && isTitle(trim(rd.lines[i])+trim(rd.lines[j])) {
			// 濮阳市人民政府2022年政府信息公开工作年 / 度报告: a title wrapped in a PDF
			title, titleText = j, trim(rd.lines[i])+trim(rd.lines[j])
		}
	}
	if title >= 0 {
		if t, text, ok := rd.titleWithOrg(title, end); ok && orgOf(titleText) == "" {
			// 2022年政府信息公开工作年度报告 / 桃江县松木塘镇人民政府 / 2022年…: the
			// page's heading line first, the title with its body under it
			title, titleText = t, text
		}
	}
	start := 0
	if title >= 0 {
		first := title
		if titleText != rd.lines[title] {
			first = prevNonEmpty(rd.lines, title)
		}
		rd.rep.Title = squeeze(trim(titleText))
		rd.rep.Org, rd.rep.Year = parseTitle(rd.rep.Title)
		if p := prevNonEmpty(rd.lines, title); rd.rep.Org == "" && p >= 0 && isOrgLine(rd.lines[p]) {
			// the org on a line of its own above 2024年政府信息公开工作年度报告 (a PDF's title)
			first, rd.rep.Title = p, squeeze(trim(rd.lines[p]))+rd.rep.Title
			if q := prevNonEmpty(rd.lines, p); q >= 0 && isOrgLine(rd.lines[q]) && isBodyName(rd.lines[q]) && isBodyName(rd.lines[p]) {
				// a report of two bodies, one name a line (上海市宝山区建设和管理委员会 /
				// 上海市宝山区交通委员会 / 2024年…): both, as a clerk writes them
				first, rd.rep.Title = q, squeeze(trim(rd.lines[q]))+"、"+rd.rep.Title
			}
			rd.rep.Org, rd.rep.Year = parseTitle(rd.rep.Title)
		}
		if skipped := firstNonEmpty(rd.lines, 0, first); skipped >= 0 {
			rd.note(skipped, Info, "标题之前的%d行（网页导航等）未读入", first-skipped)
		}
		start = title + 1
	}
	rd.rep.Preface, rd.res.ParaLines[report.FieldPreface] = rd.paragraphs(start, end)
	if rd.rep.Org == "" || rd.rep.Year == 0 {
		rd.inferOrgYear(title)
	}
}

// titleWithOrg finds a later title line, before the first heading, that
// names the body in itself or on the line above it.
func (rd *reader) titleWithOrg(after, end int) (int, string, bool) {
	for i := after + 1; i < end; i++ {
		if !isTitle(rd.lines[i]) {
			continue
		}
		if orgOf(rd.lines[i]) != "" {
			return i, rd.lines[i], true
		}
		if p := prevNonEmpty(rd.lines, i); p > after && isOrgLine(rd.lines[p]) {
			return i, rd.lines[i], true
		}
	}
	return 0, "", false
}

// orgOf is the body a title line names, "" for none.
func orgOf(title string) string {
	org, _ := parseTitle(squeeze(trim(title)))
	return org
}

// nextNonEmpty is the first non-empty line after i and before end, or -1.
func nextNonEmpty(lines []string, i, end int) int {
	for i++; i < end; i++ {
		if trim(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// squeeze drops the spaces inside a Chinese title (Word's PDF prints
// 2022 年 for 2022年).
func squeeze(s string) string {
	if !strings.ContainsFunc(s, isHan) {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}

// prevNonEmpty is the last non-empty line before i, or -1.
func prevNonEmpty(lines []string, i int) int {
	for i--; i >= 0; i-- {
		if trim(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// isOrgLine: a short line with no sentence punctuation and no digit — an
// org's name printed above the rest of the title.
func isOrgLine(line string) bool {
	s := trim(line)
	return s != "" && utf8.RuneCountInString(s) <= 30 && !strings.ContainsAny(s, "。，,；;：:、|0123456789") && strings.ContainsFunc(s, isHan)
}

// labelOf is the field label a page's metadata box prints before a title
// (名称： / 标题: / 信息名称：), with its colon and spaces; "" for none.
func labelOf(line string) string {
	s := trim(line)
	for i, r := range s {
		switch {
		case r == ':' || r == '：':
			if i == 0 || utf8.RuneCountInString(s[:i]) > 6 {
				return ""
			}
			j := i + utf8.RuneLen(r)
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			return s[:j]
		case !isHan(r) && r != ' ':
			return ""
		}
	}
	return ""
}

// isBodyName: the line ends as a body's name does (人民政府, 委员会, 局…).
func isBodyName(line string) bool { return hasAnySuffix(fold(trim(line)), orgSuffixes) }

// isTitle: a short line, not a sentence, ending in the report's name.
func isTitle(line string) bool {
	s := trim(line)
	if s == "" || utf8.RuneCountInString(s) > 60 || strings.ContainsAny(s, "。，,；;") {
		return false
	}
	f := fold(s)
	for _, p := range titlePhrases {
		if strings.Contains(f, p) {
			return true
		}
	}
	return false
}

// parseTitle cuts 〔机关名称〕〔年份〕年[度]政府信息公开工作年度报告 into the
// org (as printed) and the year.
func parseTitle(title string) (org string, year int) {
	orig := []rune(title)
	f := foldRunes(title)
	p := -1
	for _, phrase := range titlePhrases {
		if i := strings.Index(string(f), phrase); i >= 0 {
			p = utf8.RuneCountInString(string(f)[:i])
			break
		}
	}
	if p < 0 {
		return "", 0
	}
	at := p
	if p > 0 && f[p-1] == '度' {
		p--
	}
	if p > 0 && f[p-1] == '年' {
		p--
		q := p
		for q > 0 && p-q < 4 && digitValue(f[q-1]) >= 0 {
			q--
		}
		if y := yearOf(f[q:p]); y > 0 {
			year, p = y, q
		}
	}
	org = strings.Trim(string(orig[:p]), "《〈 \t\u3000")
	if year == 0 { // 2019年上海市人民政府办公厅政府信息公开工作年度报告
		if len(f) > 5 && f[4] == '年' {
			if y := yearOf(f[:4]); y > 0 {
				n := 5
				if f[5] == '度' {
					n = 6
				}
				year, org = y, strings.Trim(string(orig[n:p]), "《〈 \t\u3000")
			}
		}
	}
	if p == at && strings.HasSuffix(org, "人民") {
		// 2024年诸暨市浬浦镇人民政府信息公开工作年度报告: the body's 政府 is
		// printed once for both
		org += string(orig[p : p+2])
	}
	return org, year
}

const cnDigits = "〇一二三四五六七八九" // three bytes each

// digitValue reads an ASCII digit or a Chinese numeral digit (二〇二二);
// -1 for anything else.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	if i := strings.IndexRune(cnDigits, r); i >= 0 {
		return i / 3
	}
	return -1
}

// yearOf reads four digits as a year between 2000 and 2200, or 0.
func yearOf(ds []rune) int {
	if len(ds) != 4 {
		return 0
	}
	y := 0
	for _, r := range ds {
		d := digitValue(r)
		if d < 0 {
			return 0
		}
		y = y*10 + d
	}
	if y < 2000 || y > 2200 {
		return 0
	}
	return y
}

func firstNonEmpty(lines []string, from, to int) int {
	for i := from; i < to; i++ {
		if trim(lines[i]) != "" {
			return i
		}
	}
	return -1
}

// paragraphs is the text of lines[from:to] as the report's paragraphs,
// with the 1-based line each starts on: a PDF's with its wrapped lines
// joined (wrapped.go), any other's a line a paragraph.
func (rd *reader) paragraphs(from, to int) (string, []int) {
	lines := rd.lines[from:to]
	if rd.res.Kind == extract.PDF && rd.page == nil {
		ps := measurePage(rd.narrativeLines())
		rd.page = &ps
	}
	if rd.res.Kind != extract.PDF || rd.page.full == 0 {
		return lineParagraphs(rd.lines, from, to)
	}
	var pl []pline
	if rd.res.Layout {
		pl = columnLines(lines, *rd.page)
	} else {
		pl = rd.page.measure(lines, 0)
	}
	text, at := joinWrapped(pl)
	for i := range at {
		at[i] += from + 1
	}
	return text, at
}

// narrativeLines are the lines of the text before section 二 and of
// sections 五 and 六: the report's running text, whose full lines tell
// the width of the page.
func (rd *reader) narrativeLines() []string {
	var lines []string
	if end := rd.head[1]; end > 0 {
		lines = append(lines, rd.lines[:end]...)
	}
	for _, j := range []int{4, 5} {
		if from, to, ok := rd.section(j); ok {
			lines = append(lines, rd.lines[from:to]...)
		}
	}
	return lines
}

// lineParagraphs is lines[from:to] a paragraph a line: the trimmed
// non-empty lines joined with "\n", leaving out the marks of a web page's
// images, with the 1-based line each paragraph stands on (counted in the
// same loop, so that a left-out mark moves no paragraph's line).
func lineParagraphs(lines []string, from, to int) (string, []int) {
	var b strings.Builder
	var at []int
	for i := from; i < to; i++ {
		if l := trim(lines[i]); l != "" && l != extract.ImageMark {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
			at = append(at, i+1)
		}
	}
	return b.String(), at
}

// narratives reads sections 一 and 五 as printed, and 六 up to the page
// debris and the signature that may follow it.
func (rd *reader) narratives() {
	for j, s := range report.T2021.Sections {
		from, to, ok := rd.section(j)
		if !ok || s.Narrative == "" {
			continue
		}
		if s.Narrative == report.NarrativeOther {
			to = rd.trailer(from, to)
		}
		text, at := rd.paragraphs(from, to)
		rd.rep.Narrative.Set(s.Narrative, text)
		rd.res.ParaLines[s.Narrative] = at
	}
}

// hasSentencePunct reports punctuation that a name or a date line never has.
func hasSentencePunct(s string) bool { return strings.ContainsAny(s, "。，,；;：:！!？?") }
