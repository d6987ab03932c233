package importer

import (
	"sort"
	"strings"

	"nianbao/internal/report"
)

// Which format a report is in is told by its table headers (spec §6.2),
// looked for in sections 二 and 三 only, so that a narrative mentioning
// 政府集中采购 decides nothing. A 2019 signal wins over a 2021 one; both at
// once is noted. The report year decides only when no header does.

var signals2019 = []string{"本年新制作数量", "对外公开总数量", "上一年项目数量", "本年增/减",
	"第二十条第(九)项", "政府集中采购", "其他对外管理服务事项"}

var signals2021 = []string{"本年制发件数", "现行有效件数", "本年处理决定数量", "本年收费金额",
	"逾期未按收费通知要求缴纳费用"}

// detectFormat sets Result.Format and Result.Evidence.
func (rd *reader) detectFormat() {
	text := newLabelText(append(append([]token{}, rd.toks[0]...), rd.toks[1]...))
	e19, ok19 := text.first(signals2019)
	if !ok19 {
		e19, ok19 = rd.unsplitOther()
	}
	e21, ok21 := text.first(signals2021)
	switch {
	case ok19:
		rd.res.Format, rd.res.Evidence = report.Format2019, e19
		if ok21 {
			rd.note(e21.Line-1, Unsure, "这里有2021年格式的表头“%s”，但第%d行的“%s”是2019年格式的，按2019年格式读取，请核对", e21.Label, e19.Line, e19.Label)
		}
	case ok21:
		rd.res.Format, rd.res.Evidence = report.Format2021, e21
	default:
		rd.formatByYear()
	}
}

// formatByYear decides by the year in the title: up to 2020 the 2019
// format, from 2021 on the 2021 one (the default).
func (rd *reader) formatByYear() {
	year := 0
	for i := 0; i < rd.firstHeading(); i++ {
		if isTitle(rd.lines[i]) {
			_, year = parseTitle(trim(rd.lines[i]))
			break
		}
	}
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
