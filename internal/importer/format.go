package importer

import (
	"sort"
	"strings"

	"nianbao/internal/report"
)

// Which format a report is in is told by its landmarks (spec §6.2): the
// table headers of sections 二 and 三 that only one format prints, looked
// for there only, so that a narrative mentioning 政府集中采购 decides
// nothing, and section 三's single （六）其他处理 row of the 2019 format.
// Every landmark found counts once and the format with more of them wins:
// a 2021 report that prints （六）其他处理 as one row (some offices do,
// under 2021 headers) is still a 2021 report. A tie is decided by the
// report year, else by the 2019 landmark; landmarks of both formats at
// once are noted. The report year decides alone only when no landmark is
// found.

var signals2019 = []string{"本年新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减",
	"第二十条第(九)项", "政府集中采购", "其他对外管理服务事项"}

var signals2021 = []string{"本年制发件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
	"逾期未按收费通知要求缴纳费用"}

// formatSignals are the landmarks of one format found in a text.
type formatSignals struct {
	first Evidence // the earliest
	n     int      // how many distinct ones
}

// detectFormat sets Result.Format and Result.Evidence.
func (rd *reader) detectFormat() {
	text := newLabelText(append(append([]token{}, rd.toks[0]...), rd.toks[1]...))
	s19, s21 := text.all(signals2019), text.all(signals2021)
	headers19 := s19.n
	if e, ok := rd.unsplitOther(); ok {
		if s19.n == 0 {
			s19.first = e
		}
		s19.n++
	}
	if s19.n == 0 && s21.n == 0 {
		rd.formatByYear()
		return
	}
	win, lose := s19, s21
	rd.res.Format = report.Format2019
	if s21.n > s19.n || s21.n == s19.n && rd.titleYear() >= 2021 {
		win, lose = s21, s19
		rd.res.Format = report.Format2021
	}
	rd.res.Evidence = win.first
	// a 2021 report whose one 2019 landmark is its unsplit （六） row:
	// readUnsplitOther says what it made of that row
	if lose.n > 0 && (rd.res.Format == report.Format2019 || headers19 > 0) {
		other := report.Format2021
		if rd.res.Format == other {
			other = report.Format2019
		}
		rd.note(lose.first.Line-1, Unsure, "这里有%s年格式的“%s”，但%s年格式的标志更多（%d处对%d处，如第%d行的“%s”），按%s年格式读取，请核对",
			other, lose.first.Label, rd.res.Format, win.n, lose.n, win.first.Line, win.first.Label, rd.res.Format)
	}
}

// titleYear is the year in the title before the first heading, 0 if none.
func (rd *reader) titleYear() int {
	for i := 0; i < rd.firstHeading(); i++ {
		if isTitle(rd.lines[i]) {
			_, year := parseTitle(trim(rd.lines[i]))
			return year
		}
	}
	return 0
}

// formatByYear decides by the year in the title: up to 2020 the 2019
// format, from 2021 on the 2021 one (the default).
func (rd *reader) formatByYear() {
	year := rd.titleYear()
	rd.res.Format = report.Format2021
	if year != 0 && year <= 2020 {
		rd.res.Format = report.Format2019
	}
	if year == 0 {
		rd.note(-1, Unsure, "表头中没有能区分格式的文字，标题中也没有年份，当作2021年格式读取，请核对")
		return
	}
	rd.note(-1, Unsure, "表头中没有能区分格式的文字，按报告年份（%d年）当作%s年格式读取，请核对", year, rd.res.Format)
}

// unsplitOther finds the 2019 signal that has no wording of its own: a
// （六）其他处理 label followed directly by numbers (no 1.申请人… sub-row).
func (rd *reader) unsplitOther() (Evidence, bool) {
	const want = "(六)其他处理"
	label, at := "", 0 // the end of the text since the last values
	for _, t := range rd.toks[1] {
		switch t.kind {
		case tText:
			label, at = label+t.key, t.at
			if len(label) > 2*len(want) {
				label = label[len(label)-2*len(want):]
			}
		case tValue, tBlank, tLead:
			if strings.HasSuffix(label, want) {
				return Evidence{Line: at + 1, Label: "（六）其他处理"}, true
			}
			label = ""
		}
	}
	return Evidence{}, false
}

// labelText is the text tokens' matching forms run together, so that a
// header wrapped over two cells (对外公开 / 总数量) is still found; starts
// maps each token's offset to its line.
type labelText struct {
	s      string
	starts []int // byte offset of each token in s
	ats    []int
}

func newLabelText(toks []token) labelText {
	var lt labelText
	var b strings.Builder
	for _, t := range toks {
		if t.kind == tText {
			lt.starts, lt.ats = append(lt.starts, b.Len()), append(lt.ats, t.at)
			b.WriteString(t.key)
		}
	}
	lt.s = b.String()
	return lt
}

// all returns the earliest of the signals found, with its line, and how
// many of them were found.
func (lt labelText) all(signals []string) formatSignals {
	var fs formatSignals
	for _, sig := range signals {
		if strings.Contains(lt.s, sig) {
			fs.n++
		}
	}
	fs.first, _ = lt.first(signals)
	return fs
}

// first returns the earliest of the signals found, with its line.
func (lt labelText) first(signals []string) (Evidence, bool) {
	best, found := -1, ""
	for _, sig := range signals {
		if i := strings.Index(lt.s, sig); i >= 0 && (best < 0 || i < best) {
			best, found = i, sig
		}
	}
	if best < 0 {
		return Evidence{}, false
	}
	k := sort.Search(len(lt.starts), func(k int) bool { return lt.starts[k] > best }) - 1
	return Evidence{Line: lt.ats[k] + 1, Label: found}, true
}
