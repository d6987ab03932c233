package importer_test

import (
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// sameInBothScripts are the characters of the template's labels and
// headings that traditional text writes the same way. Every other one must
// have its traditional form in the T→S table.
const sameInBothScripts = "、一七三上下不主之予事二五人仍他以件企位作供保信元全八公六其具再出分列到加勾十危卷及反取另只可合告和商" +
	"四在大存安定家容密尚已年府度形律性息情成或投持按掌接提握收改政效文新方明有服期未本果查案止正求法然版物理用由申的益直相" +
	"知研社禁科秘程稽章第等自行要起通逾部重量金需"

// TestT2SCoversTemplate: every character of every label, group, column
// header and heading of both templates is covered by the T→S table or
// declared the same in both scripts.
func TestT2SCoversTemplate(t *testing.T) {
	simplified := map[rune]bool{}
	for _, s := range importer.T2S {
		simplified[s] = true
	}
	check := func(where, s string) {
		for _, r := range s {
			if r >= 0x3400 && r < 0xff00 && !simplified[r] && !strings.ContainsRune(sameInBothScripts, r) {
				t.Errorf("%s: %c has no traditional form in t2s and is not declared the same in both scripts", where, r)
			}
		}
	}
	for _, tp := range []*report.Template{report.T2021, report.T2019} {
		for _, s := range tp.Sections {
			check("heading", s.Heading)
		}
		for _, tb := range tp.Tables {
			check("note", tb.Note)
			for _, row := range tb.Rows {
				check(row.Key, row.Label+strings.Join(row.Groups, ""))
			}
		}
		for _, c := range tp.Cells {
			check(c.Path, c.ColLabel+strings.Join(c.ColGroups, ""))
		}
	}
}

// TestLandmarks: every row of sections 二 and 三 of both templates has a
// landmark, which occurs in its own official label and in no other row's.
func TestLandmarks(t *testing.T) {
	for _, tp := range []*report.Template{report.T2021, report.T2019} {
		for _, key := range []string{"active", "requests"} {
			tb := tp.Table(key)
			if tb == nil {
				continue
			}
			for _, row := range tb.Rows {
				as := row.Landmarks
				if len(as) == 0 {
					t.Errorf("%s %s: no landmark", tp.Format, row.Key)
				}
				for _, a := range as {
					for _, other := range tb.Rows {
						in := strings.Contains(importer.Key(other.Label), a)
						if in != (other == row) {
							t.Errorf("%s landmark %q of %s: in the label of %s is %v", tp.Format, a, row.Key, other.Key, in)
						}
					}
				}
			}
		}
	}
}

// TestKey: the matching form of printed labels equals the official one.
func TestKey(t *testing.T) {
	tests := []struct{ printed, official string }{
		{"(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"},
		{`3.危及"三安全一稳定"`, "3.危及“三安全一稳定”"},
		{"3.危及「三安全一穩定」", "3.危及“三安全一稳定”"},
		{"行政規範性檔案", "行政规范性文件"},
		{"4.無正當理由大量反覆申請", "4.无正当理由大量反复申请"},
		{"（三）不予 公 开", "（三）不予公开"},
		{"２、重复申请", "2.重复申请"},
		{"四、政府信息公開行政複議、行政訴訟情況", "四、政府信息公开行政复议、行政诉讼情况"},
		{"本年收費金額(單位:萬元)", "本年收费金额（单位：万元）"},
	}
	for _, tt := range tests {
		if got, want := importer.Key(tt.printed), importer.Key(tt.official); got != want {
			t.Errorf("key(%q) = %q, want %q", tt.printed, got, want)
		}
	}
}
