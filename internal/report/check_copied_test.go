package report

import (
	"fmt"
	"strings"
	"testing"
)

// problems004 are seed 004's 第五部分 paragraphs (2021). Counted: 8
// sentences, two each in paragraphs 2, 3, 5 and 6; (一)/(二) headings and
// “规范政策解读” are under copiedMinRunes.
var problems004 = []string{
	"(一) 存在的主要问题。",
	"- 1.法定主动公开力度和内容精细度不够。试点领域、重点领域栏目细分较多, 涉及范围较广, 目前还存在信息公开内容不全等问题。",
	"- 2.政策解读能力有待提高。政策解读与政策文件“三同步”落实不够, 存在解读形式单一、解读质量不高等问题。",
	"(二) 改进情况。",
	"- 1.加大信息主动公开力度和内容精细度。坚持“以公开为常态、不公开为例外”原则, 重点推进标准化规范化试点工作, 进一步加大重点领域的政府信息公开力度, 注重信息质量, 提升信息品质。",
	"- 2.规范政策解读。坚持政策性文件与解读方案、解读材料同步组织、同步审签、同步部署, 加强政策解读材料质量把关, 不断提升解读质量和水平。积极运用新闻发布会、专家访谈、图示图解、卡通动漫、短视频等多元化方式开展政策解读。",
}

// TestCopiedText: W10 per section, with last year's text made from seed
// 004's or written here; the shares are counted by hand.
func TestCopiedText(t *testing.T) {
	five := []string{ // five sentences, each counted
		"本年度共收到政府信息公开申请12件，均已按时办结。",
		"我局在门户网站设置了政府信息公开专栏。",
		"全年召开新闻发布会3次，发布政策解读材料15篇。",
		"持续推进基层政务公开标准化规范化建设工作。",
		"进一步完善依申请公开办理流程和答复文书格式。",
	}
	other := []string{"本机关未收取信息处理费。", "本机关未发出收费通知。"}
	for _, tc := range []struct {
		name string
		// this: section key → paragraphs (absent keys keep seed 004's);
		// last: last year's sections (absent ones blank; nil: this year's).
		this, last map[string][]string
		want       []string // "section para share" per W10
	}{
		{"same text, every section", nil, nil,
			[]string{"overview 0 100%", "problems 1 100%"}}, // 六 is one sentence
		{"half of 五 carried over", nil, map[string][]string{"problems": problems004[:4]}, nil},
		{"three quarters of 五, numbers changed", nil,
			map[string][]string{"problems": {"(一) 存在的主要问题。", "- 3.法定主动公开力度和内容精细度不够。试点领域、重点领域栏目细分较多, 涉及范围较广, 目前还存在信息公开内容不全等问题。",
				problems004[2], "(二) 改进情况。", problems004[4]}},
			[]string{"problems 1 75%"}},
		{"exactly 60% is not above", map[string][]string{"overview": five},
			map[string][]string{"overview": {"本年度共收到政府信息公开申请8件，均已按时办结。", five[1], "全年召开新闻发布会二次，发布政策解读材料九篇。"}}, nil},
		{"80% of 一", map[string][]string{"overview": five},
			map[string][]string{"overview": {"本年度共收到政府信息公开申请8件，均已按时办结。", five[1], "全年召开新闻发布会2次，发布政策解读材料9篇。", five[4]}},
			[]string{"overview 0 80%"}},
		{"too few sentences to count", map[string][]string{"other": other}, map[string][]string{"other": other}, nil},
		{"another section's text is not compared", map[string][]string{"overview": five}, map[string][]string{"problems": five}, nil},
		{"headings alone are not copying", map[string][]string{"overview": {"（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理", five[0], five[1], five[2]}},
			map[string][]string{"overview": {"（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理", five[0]}},
			nil},
		{"no text last year", nil, map[string][]string{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, last := seedReport(t, "004"), seedReport(t, "004")
			last.Year = r.Year - 1
			for k, paras := range tc.this {
				r.Narrative.Set(k, strings.Join(paras, "\n"))
			}
			last.Narrative = Narrative{}
			if tc.last == nil {
				last.Narrative = r.Narrative
			}
			for k, paras := range tc.last {
				last.Narrative.Set(k, strings.Join(paras, "\n"))
			}
			var got []string
			for _, f := range Check(r, Options{LastYear: last}) {
				if f.Rule == RuleCopied {
					share := f.Message[strings.Index(f.Message, "有")+len("有") : strings.Index(f.Message, "的句子")]
					got = append(got, fmt.Sprintf("%s %d %s", f.Narrative, f.Para, share))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("W10\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

// TestCopiedMessage: the finding gives the counts and quotes the first
// two copied sentences.
func TestCopiedMessage(t *testing.T) {
	r, last := seedReport(t, "004"), seedReport(t, "004")
	last.Year = 2020
	last.Narrative = Narrative{Problems: strings.Join(problems004[:5], "\n")}
	var msg string
	for _, f := range Check(r, Options{LastYear: last}) {
		if f.Rule == RuleCopied {
			msg = f.Message
		}
	}
	want := "第五部分有75%的句子（8句中的6句）与2020年报告相同（数字和标点不计），如：“- 1.法定主动公开力度和内容精细度不够”、“试点领域、重点领域栏目细分较多, 涉及范围较广, 目前还存在信息公开内容不全等问题”；应写本年度的情况"
	if msg != want {
		t.Errorf("message\n got %s\nwant %s", msg, want)
	}
}

// TestSeedsNotCopied: the seeds are four bodies' reports; none is taken
// for a copy of another's.
func TestSeedsNotCopied(t *testing.T) {
	names := []string{"000", "002", "003", "004"}
	for _, a := range names {
		for _, b := range names {
			if a == b {
				continue
			}
			r, last := seedReport(t, a), seedReport(t, b)
			for _, f := range Check(r, Options{LastYear: last}) {
				if f.Rule == RuleCopied {
					t.Errorf("seed %s with %s as last year: %s", a, b, f.Message)
				}
			}
		}
	}
}
