package importer_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"nianbao/internal/docx"
	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// spaceless drops the white space a PDF's text may add or lose beside
// Chinese characters, so that two narratives compare by their words; and
// commas, one of which LibreOffice does not draw where it would hang past
// a line's end (电视等媒体 / 广泛宣传 in seed 003's PDF).
func spaceless(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u3000' || r == '，' || r == ',' {
			return -1
		}
		return r
	}, s)
}

// paragraphsOf lists a narrative's paragraphs, without blank ones.
func paragraphsOf(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "\n") {
		if p = strings.TrimFunc(p, unicode.IsSpace); p != "" {
			out = append(out, spaceless(p))
		}
	}
	return out
}

// sameNarrative: each text section of got has the text of want's, and
// each of its paragraphs ends where one of want's does or at the end of
// a sentence — no sentence broken at a line's end or a page's. (Without
// indents, a PDF's text does not tell a paragraph that ends at a line's
// end from one that goes on.)
func sameNarrative(t *testing.T, want *report.Report, got *importer.Result) {
	t.Helper()
	for _, key := range []string{report.NarrativeOverview, report.NarrativeProblems, report.NarrativeOther} {
		w, g := paragraphsOf(want.Narrative.Text(key)), paragraphsOf(got.Report.Narrative.Text(key))
		if strings.Join(w, "") != strings.Join(g, "") {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s", key, strings.Join(g, "\n"), strings.Join(w, "\n"))
			continue
		}
		ends, n := map[int]bool{}, 0
		for _, p := range w {
			n += len(p)
			ends[n] = true
		}
		n = 0
		for _, p := range g {
			n += len(p)
			if !ends[n] && !strings.HasSuffix(p, "。") {
				t.Errorf("%s: a paragraph ends inside a sentence: …%s", key, lastRunes(p, 20))
			}
		}
	}
}

// paraLinesStart: each paragraph of a text section is said to start on a
// line that holds its first words (a line of a -layout text may hold a
// second column beside them).
func paraLinesStart(t *testing.T, res *importer.Result) {
	t.Helper()
	lines := importer.Lines(res.Text)
	for _, key := range []string{report.NarrativeOverview, report.NarrativeProblems, report.NarrativeOther} {
		paras, at := paragraphsOf(res.Report.Narrative.Text(key)), res.ParaLines[key]
		if len(paras) != len(at) {
			t.Errorf("%s: %d paragraphs, %d lines", key, len(paras), len(at))
			continue
		}
		for i, p := range paras {
			if head := string([]rune(p)[:min(4, len([]rune(p)))]); at[i] < 1 || at[i] > len(lines) || !strings.Contains(spaceless(lines[at[i]-1]), head) {
				t.Errorf("%s: paragraph %d (%s…) said to start on line %d", key, i+1, head, at[i])
			}
		}
	}
}

func lastRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		r = r[len(r)-n:]
	}
	return string(r)
}

// TestPDFNarrativeJoined: the narrative of each seed, printed by nianbao's
// own PDF and by the PDF LibreOffice makes of its Word file — each
// paragraph wrapped over many lines, some over a page break — reads back
// as the same paragraphs, none cut at a line's end, in both of a PDF's
// readings.
func TestPDFNarrativeJoined(t *testing.T) {
	testenv.Poppler(t, "pdftotext")
	docxs := map[string][]byte{}
	pdfs := map[string][]byte{}
	for _, name := range roundTripSeeds {
		seed := testenv.Seed(t, name)
		var buf bytes.Buffer
		if err := pdf.Render(seed, &buf); err != nil {
			t.Fatal(err)
		}
		pdfs[name] = buf.Bytes()
		var w bytes.Buffer
		if err := docx.Write(&w, seed); err != nil {
			t.Fatal(err)
		}
		docxs[name+".docx"] = w.Bytes()
	}
	word := testenv.LibreOfficeConvert(t, docxs, "pdf")
	for _, name := range roundTripSeeds {
		for maker, data := range map[string][]byte{"nianbao": pdfs[name], "libreoffice": word[name+".docx"]} {
			t.Run(name+" "+maker, func(t *testing.T) {
				d, err := extract.Read(data)
				if err != nil {
					t.Fatal(err)
				}
				for _, reading := range append([]*extract.Document{{Kind: d.Kind, Blocks: d.Blocks}}, d.Alternatives...) {
					res, err := importer.ImportDocument(reading)
					if err != nil {
						t.Fatal(err)
					}
					sameNarrative(t, testenv.Seed(t, name), res)
					paraLinesStart(t, res)
				}
			})
		}
	}
}

// TestPDFParagraphs: the wrapped lines of a PDF's text, written here as
// pdftotext gives them (a page 40 columns wide), join back into their
// paragraphs, and only there.
func TestPDFParagraphs(t *testing.T) {
	cases := []struct {
		name  string
		lines []string
		want  string
	}{
		{"a number at a line's end stays with its unit", []string{
			"本年度主动公开政府信息，在政府网站平台",
			"主动公开政府信息，共计发布各类信息 1136",
			"条，其中政策文件 45 件，政策解读 12 篇，",
			"工作动态 630 条。",
		}, "本年度主动公开政府信息，在政府网站平台主动公开政府信息，共计发布各类信息1136条，其中政策文件45件，政策解读12篇，工作动态630条。"},
		{"two numbers meeting at the join stay apart", []string{
			"全年办理人大代表建议和政协委员提案共计 12",
			"3 件已办结，其余正在办理之中，按期答复。",
			"短行一。",
			"短行二。",
		}, "全年办理人大代表建议和政协委员提案共计12 3件已办结，其余正在办理之中，按期答复。\n短行一。\n短行二。"},
		{"a heading and a short last line end their paragraphs", []string{
			"（一）主动公开",
			"全年通过政府网站共主动公开各类政府信息",
			"八千余条，及时更新政策文件和解读材料。",
			"（二）依申请公开",
			"全年共收到政府信息公开申请二十一件。",
		}, "（一）主动公开\n全年通过政府网站共主动公开各类政府信息八千余条，及时更新政策文件和解读材料。\n（二）依申请公开\n全年共收到政府信息公开申请二十一件。"},
		{"a page break inside a sentence", []string{
			"实行政府信息公开工作人员跟班学习制度，",
			"不断提高各单位政府信息公开工作人员的思",
			"",
			"",
			"想认识和业务工作水平。",
			"六、其他需要报告的事项",
		}, "实行政府信息公开工作人员跟班学习制度，不断提高各单位政府信息公开工作人员的思想认识和业务工作水平。\n六、其他需要报告的事项"},
		{"a list item after a full line ending in punctuation", []string{
			"针对存在问题，下一步将重点抓好以下工作：",
			"（一）强化督查考核，发挥指导监督作用；",
			"（二）规范网站建设，持续完善公开渠道；",
			"（三）做好依申请公开工作，规范办理。",
		}, "针对存在问题，下一步将重点抓好以下工作：\n（一）强化督查考核，发挥指导监督作用；\n（二）规范网站建设，持续完善公开渠道；\n（三）做好依申请公开工作，规范办理。"},
		{"indents of a -layout text tell a paragraph from a wrapped line", []string{
			"    本年度全市各级行政机关认真贯彻落实条例，",
			"坚持以公开为常态、不公开为例外，推进决策公开。",
			"各地各部门主动公开政府信息八千余条，同比增长。",
			"全年发布政策解读材料一百余篇，回应社会关切。",
			"    全年共收到政府信息公开申请二十一件，",
			"均在法定期限内答复。",
		}, "本年度全市各级行政机关认真贯彻落实条例，坚持以公开为常态、不公开为例外，推进决策公开。各地各部门主动公开政府信息八千余条，同比增长。全年发布政策解读材料一百余篇，回应社会关切。\n全年共收到政府信息公开申请二十一件，均在法定期限内答复。"},
		{"spaces pdftotext puts beside Chinese characters are dropped", []string{
			"地址：青石县白鹭镇白鹭湖大道 90 号 ， 邮",
			"编 ： 100000 ， 电 话 ： 0000-12345678 ， 电",
			"子邮箱：gk@example.com）。",
			"短行。",
		}, "地址：青石县白鹭镇白鹭湖大道90号，邮编：100000，电话：0000-12345678，电子邮箱：gk@example.com）。\n短行。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := importer.PDFParagraphs(c.lines); got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}
