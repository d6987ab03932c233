package importer

import (
	"strings"

	"nianbao/internal/report"
)

// tables reads sections 二, 三 and 四 into the report: 二 into the 2021
// table, or for a 2019 report aside as legacy data.
func (rd *reader) tables() {
	t := rd.rep.Template()
	if rd.head[1] >= 0 {
		if tb := t.Table("active"); tb != nil {
			rd.readRows(tb, rd.toks[0], rd.head[1])
			rd.resolvePending(tb)
			rd.noteFeeHeader()
		} else {
			rd.legacyActive()
		}
	}
	if rd.head[2] >= 0 {
		tb, mark, realigned := t.Table("requests"), len(rd.res.Notes), rd.realigned
		rd.readRows(tb, rd.toks[1], rd.head[2])
		rd.realignSummary(rd.head[2])
		if rd.unreadableSince(mark) || len(rd.pending) > 0 {
			if p := readPositional(t, tb, rd.toks[1]); p != nil {
				rd.clearTable(tb, mark)
				rd.pending = nil
				rd.realigned = realigned
				rd.applyPositional(p)
				rd.note(rd.head[2], Repaired, "第三部分表格的行名和数字在原文中没有一一对齐（如PDF文字的阅读顺序），已按官方表格的行列顺序读入全部%d个数；"+
					"每行的总计、各列的合计和“一+二=（七）+四”对这些数全部成立，读法是确定的", len(p.ids))
			}
		}
		rd.resolvePending(tb)
	}
	if rd.head[3] >= 0 {
		rd.readReviews(t.Table("reviews"), rd.toks[2], rd.head[3])
	}
}

// readReviews reads section 四: fifteen values and no row labels, in the
// official order (行政复议, 未经复议直接起诉, 复议后起诉; each 维持, 纠正, 其他,
// 尚未审结, 总计). Its header text is unreliable (seed 002 truncates it), so
// only the count decides: one run of exactly fifteen, or runs that add up to
// fifteen (a report that prints the three groups apart).
func (rd *reader) readReviews(tb *report.Table, toks []token, heading int) {
	want := 0
	for _, row := range tb.Rows {
		want += len(row.Cells)
	}
	runs, all := valueRuns(toks)
	cells := all
	for _, run := range runs {
		if len(run) == want {
			cells = run
			break
		}
	}
	if len(cells) != want && rd.readGluedReviews(tb, all) {
		return
	}
	if len(all) == 0 {
		if at := rd.imageIn(heading); at >= 0 {
			rd.note(at, Unreadable, imageTableMsg, tb.Section)
			return
		}
	}
	if len(cells) != want {
		at := heading
		if len(all) > 0 {
			at = all[0].at
		}
		rd.note(at, Unreadable, "第四部分应有%d个数，读到%d个（%s），无法确定各数属于哪一列，该表未读入，请对照原文填写",
			want, len(all), clip(printed(all), 80))
		return
	}
	k := 0
	for _, row := range tb.Rows {
		for _, id := range row.Cells {
			if c := cells[k]; c.tok != nil {
				rd.setPrinted(id, c.tok, false)
			}
			k++
		}
	}
}

// valueRuns returns every run of values in toks, and all of them in one.
func valueRuns(toks []token) (runs [][]cell, all []cell) {
	for i := 0; i < len(toks); {
		if !toks[i].isValue() {
			i++
			continue
		}
		run, next := valueRun(toks, i)
		runs, all, i = append(runs, run), append(all, run...), next
	}
	return runs, all
}

// noteFeeHeader says when the fee header is 河南's variant with
// 保留4位小数 (spec §3): read the same, worth a word to the clerk.
func (rd *reader) noteFeeHeader() {
	for _, t := range rd.toks[0] {
		if t.kind == tText && strings.Contains(t.key, "保留4位小数") {
			rd.note(t.at, Info, "收费金额的表头是“%s”，与官方表头“%s”不同，按万元读取", t.text, report.FeeHeader2021)
			return
		}
	}
}

// readGluedReviews cuts section 四's numbers, run together, by each
// group's total; it reports whether it read them.
func (rd *reader) readGluedReviews(tb *report.Table, all []cell) bool {
	d := runDigits(all)
	if d == "" || len(all) == 0 {
		return false
	}
	var groups []group
	var ids []report.CellID
	for _, row := range tb.Rows {
		groups = append(groups, rowGroups(tb, row)...)
		ids = append(ids, row.Cells...)
	}
	cs := cutsWithin(d, groups, rd.printedBounds(all))
	if len(cs) != 1 {
		if len(cs) > 1 {
			var readings []string
			for _, c := range cs[:min(len(cs), 3)] {
				readings = append(readings, cutText(c))
			}
			rd.note(all[0].at, Unreadable, "第四部分的数字连在一起（%s），按各组总计可以切分为：%s 等%d种，无法确定，该表未读入，请对照原文填写",
				printed(all), strings.Join(readings, "，或 "), len(cs))
			return true
		}
		return false
	}
	from := sourcesOf(all, cs[0])
	for k, id := range ids {
		rd.set(id, report.Num(cs[0][k]), Source{Line: from[k].at + 1, Text: from[k].tok.text})
	}
	rd.note(all[0].at, Repaired, "第四部分的数字连在一起（%s），按各组总计切分为 %s；只有这一种切分成立", printed(all), cutText(cs[0]))
	return true
}
