package importer

import (
	"strings"
	"unicode/utf8"
)

// Without a usable title (seed 002 has none), the org and year are taken
// from the sentences that usually name them — "2024年，瑞安市人民政府办公室坚持…"
// opening section 一, "请与瑞安市人民政府办公室政务公开科联系" in the preface,
// "统计期限自2024年1月1日起" — and marked unsure.

// orgSuffixes end the name of a reporting body.
var orgSuffixes = []string{"人民政府", "管委会", "管理委员会", "委员会", "办事处", "办公室", "办公厅", "政府", "局", "委", "厅", "署", "中心"}

// orgExtensions may follow a suffix within the same name: 人民政府 + 办公室.
var orgExtensions = []string{"办公室", "办公厅"}

// orgLeads come right before a body's name.
var orgLeads = []string{"请与", "请联系"}

// titleLeads come right before the report's title quoted in a sentence:
// 特编制湛江市人民政府地方志办公室2023年政府信息公开工作年度报告, 现将富县人民政府2024年…予以公开,
// 特向社会公开杨庄街道办事处2021年….
var titleLeads = []string{"《", "编制", "公布", "发布", "公开", "现将", "特将"}

// inferOrgYear fills the org and the year that the title did not give.
func (rd *reader) inferOrgYear(title int) {
	var cands []int
	if from, to, ok := rd.section(0); ok {
		// the opening sentence, or the one under a first sub-heading
		// (（一）主动公开情况 / 2023年，我局在…)
		for i, n := firstNonEmpty(rd.lines, from, to), 0; i >= 0 && n < 3; i, n = nextNonEmpty(rd.lines, i, to), n+1 {
			cands = append(cands, i)
		}
	}
	for i := title + 1; i < rd.firstHeading(); i++ {
		cands = append(cands, i)
	}
	needOrg, needYear := rd.rep.Org == "", rd.rep.Year == 0
	for _, i := range cands {
		org, year := orgYearIn(rd.lines[i])
		if needOrg && org != "" {
			rd.rep.Org, needOrg = org, false
			rd.note(i, Unsure, "标题中没有机关名称，“%s”是从这一行推断的，请核对", org)
		}
		if needYear && year != 0 {
			rd.rep.Year, needYear = year, false
			rd.note(i, Unsure, "标题中没有报告年份，%d是从这一行推断的，请核对", year)
		}
	}
	if needOrg {
		rd.note(-1, Unreadable, "没有找到机关名称")
	}
	if needYear {
		rd.note(-1, Unreadable, "没有找到报告年份")
	}
}

// orgYearIn finds a body's name and a report year in one sentence.
func orgYearIn(line string) (org string, year int) {
	s := trim(line)
	if org, year := titleInSentence(s); org != "" {
		return org, year
	}
	if org, year := brokenTitle(s); org != "" {
		return org, year
	}
	orig, f := []rune(s), foldRunes(s)
	if n := yearPrefix(f); n > 0 {
		year = yearOf(f[:4])
		org = orgAt(orig, f, n)
	}
	for _, lead := range orgLeads {
		if org != "" {
			break
		}
		if i := strings.Index(string(f), lead); i >= 0 {
			org = orgAt(orig, f, len([]rune(string(f)[:i]))+len([]rune(lead)))
		}
	}
	if year == 0 {
		year = yearBefore(f, "年度")
	}
	if year == 0 {
		year = yearBefore(f, "年1月1日")
	}
	if year == 0 { // 汇报我镇2023年政府信息公开工作
		year = yearBefore(f, "年政府信息公开")
	}
	return org, year
}

// yearPrefix matches "2024年," or "2024年度，" at the start and returns its
// length in runes, or 0.
func yearPrefix(f []rune) int {
	if len(f) < 6 || yearOf(f[:4]) == 0 || f[4] != '年' {
		return 0
	}
	n := 5
	if f[n] == '度' {
		n++
	}
	if n < len(f) && f[n] == ',' {
		return n + 1
	}
	return 0
}

// yearBefore returns the year printed right before marker, or 0.
func yearBefore(f []rune, marker string) int {
	s := string(f)
	for off := 0; ; {
		i := strings.Index(s[off:], marker)
		if i < 0 {
			return 0
		}
		r := []rune(s[:off+i])
		if len(r) >= 4 {
			if y := yearOf(r[len(r)-4:]); y != 0 {
				return y
			}
		}
		off += i + len(marker)
	}
}

// orgAt reads a body's name starting at rune start: Han characters up to
// the first org suffix (extended by 办公室 after 人民政府), within 30
// characters; "" when there is none or it is 我…/本… (我局, 本机关).
func orgAt(orig, f []rune, start int) string {
	if start >= len(f) || f[start] == '我' || f[start] == '本' {
		return ""
	}
	for e := start + 2; e <= len(f) && e-start <= 30; e++ {
		if !isHan(f[e-1]) {
			return ""
		}
		if !hasAnySuffix(string(f[start:e]), orgSuffixes) {
			continue
		}
		for _, ext := range orgExtensions {
			if strings.HasPrefix(string(f[e:]), ext) {
				e += len([]rune(ext))
				break
			}
		}
		return string(orig[start:e])
	}
	return ""
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// titleInSentence reads the body and the year of the report's title quoted
// in a sentence (…特编制〔机关〕2023年政府信息公开工作年度报告…, or any
// other of titlePhrases, as a title line may end: …镇政府2023年信息公开
// 工作年度报告): the
// body is the Han text between the last title lead and the year, so that
// a name with two suffixes (湛江市人民政府地方志办公室) is kept whole;
// nothing without a lead (the name's start would be a guess). The name of
// the format notice (《…工作年度报告格式》) has no year before it and is
// passed over.
func titleInSentence(s string) (org string, year int) {
	orig, f := []rune(s), foldRunes(s)
	fs := string(f)
	for _, phrase := range titlePhrases {
		for off := 0; ; {
			i := strings.Index(fs[off:], phrase)
			if i < 0 {
				break
			}
			at := len([]rune(fs[:off+i]))
			off += i + len(phrase)
			if org, year := orgBeforeYear(orig, f, at); org != "" {
				return org, year
			}
		}
	}
	return "", 0
}

// orgBeforeYear reads 〔lead〕〔机关〕2023年[度] ending at rune p.
func orgBeforeYear(orig, f []rune, p int) (string, int) {
	if p > 0 && f[p-1] == '度' {
		p--
	}
	if p < 5 || f[p-1] != '年' || yearOf(f[p-5:p-1]) == 0 {
		return "", 0
	}
	year, p := yearOf(f[p-5:p-1]), p-5
	start := -1
	for _, lead := range titleLeads {
		if j := strings.LastIndex(string(f[:p]), lead); j >= 0 {
			start = max(start, len([]rune(string(f[:p])[:j]))+len([]rune(lead)))
		}
	}
	if start < 0 || p-start < 2 || p-start > 30 || strings.ContainsFunc(string(f[start:p]), func(r rune) bool { return !isHan(r) }) {
		return "", 0
	}
	if f[start] == '我' || f[start] == '本' {
		return "", 0
	}
	return string(orig[start:p]), year
}

// brokenTitle reads a title line whose end the page garbled (昌图县七家子镇
// 2023年政府信息公开 工作告年度报): a short line, no sentence, the body's
// name from its start to the year, then 年政府信息公开.
func brokenTitle(line string) (org string, year int) {
	s := squeeze(line)
	if utf8.RuneCountInString(s) > 60 || hasSentencePunct(s) {
		return "", 0
	}
	orig, f := []rune(s), foldRunes(s)
	i := strings.Index(string(f), "政府信息公开")
	if i < 0 {
		return "", 0
	}
	p := len([]rune(string(f)[:i]))
	if p > 0 && f[p-1] == '度' {
		p--
	}
	if p < 7 || f[p-1] != '年' || yearOf(f[p-5:p-1]) == 0 || !hasAnySuffix(string(f[:p-5]), orgSuffixes) && !hasAnySuffix(string(f[:p-5]), townSuffixes) {
		return "", 0
	}
	if strings.ContainsFunc(string(f[:p-5]), func(r rune) bool { return !isHan(r) }) {
		return "", 0
	}
	return string(orig[:p-5]), yearOf(f[p-5 : p-1])
}

// townSuffixes end the names of towns and streets, which print them
// without 政府 (七家子镇, 佳荣里街).
var townSuffixes = []string{"镇", "乡", "街道", "街"}
