package importer_test

import (
	"strings"
	"testing"

	"nianbao/internal/importer"
)

// body is what follows the front matter in the title tests: the first
// two headings, enough for the text to be a report.
const body = "一、总体情况\n2023年，我镇认真落实政务公开各项要求。\n二、主动公开政府信息情况\n"

// TestTitleShapes: the body and the year as the pages of towns, streets and
// bureaus print them before section 一 (the fixtures are written for the
// test, in the shapes seen on real pages; the expected names by hand).
func TestTitleShapes(t *testing.T) {
	tests := []struct {
		name, front string
		org         string
		year        int
		inferred    bool // a note says the org was inferred, to be checked
	}{
		{"page heading above org and title",
			"2023年政府信息公开工作年度报告\n青石县白鹭镇人民政府\n2023年政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
		{"title without 政府 before 信息公开",
			"白鹭镇政府2023年信息公开工作年度报告\n",
			"白鹭镇政府", 2023, false},
		{"title quoted in the opening sentence, name with two suffixes",
			"根据《中华人民共和国政府信息公开条例》要求，特编制青石市人民政府档案史志办公室2023年政府信息公开工作年度报告。本报告所列数据统计期限自2023年1月1日起到2023年12月31日止。\n",
			"青石市人民政府档案史志办公室", 2023, true},
		{"title quoted after 现将 and before 予以公开",
			"根据《条例》有关要求，现将青石县人民政府2023年政府信息公开工作年度报告予以公开。\n",
			"青石县人民政府", 2023, true},
		{"title in 《》 after 现发布",
			"根据条例要求，现发布《青石县白鹭镇2023年政府信息公开工作年度报告》。\n",
			"青石县白鹭镇", 2023, true},
		{"our own body is no name",
			"根据要求，现将我局2023年政府信息公开工作年度报告公布如下。\n",
			"", 2023, false},
		{"year first, 人民政府 and 政府信息公开 sharing 政府",
			"2023年青石县白鹭镇人民政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
		{"no title, the year in the sentence under section 一's first sub-heading",
			"",
			"", 2023, false},
		{"traditional characters, the format notice's name before the title",
			"根據《國務院辦公廳關於印發〈中華人民共和國政府信息公開工作年度報告格式〉的通知》等規定，現特向社會公布白鷺鄉2023年度政府信息公開年度報告。\n",
			"白鷺鄉", 2023, true},
		{"our own body, the year before 政府信息公开工作",
			"一、总体情况\n本报告结合我镇实际，从六个方面汇报我镇2023年政府信息公开工作。\n二、主动公开政府信息情况\n",
			"", 2023, false},
		{"a single title line is kept as it is",
			"青石县白鹭镇人民政府2023年政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := tt.front + body
			if strings.HasPrefix(tt.front, "一、") { // the whole text
				text = tt.front
			}
			if tt.front == "" {
				text = "一、总体情况\n（一）主动公开情况\n2023年，我局在县政府网站主动公开信息52条。\n二、主动公开政府信息情况\n"
			}
			res, err := importer.Import(text)
			if err != nil {
				t.Fatal(err)
			}
			if res.Report.Org != tt.org || res.Report.Year != tt.year {
				t.Errorf("org %q year %d, want %q %d", res.Report.Org, res.Report.Year, tt.org, tt.year)
			}
			inferred := false
			for _, n := range res.Notes {
				if strings.Contains(n.Msg, "机关名称") && strings.Contains(n.Msg, "推断") {
					inferred = n.Kind == importer.Unsure
				}
			}
			if inferred != tt.inferred {
				t.Errorf("org inferred note %v, want %v: %v", inferred, tt.inferred, res.Notes)
			}
		})
	}
}
