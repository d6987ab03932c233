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
		{"a single title line is kept as it is",
			"青石县白鹭镇人民政府2023年政府信息公开工作年度报告\n",
			"青石县白鹭镇人民政府", 2023, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := importer.Import(tt.front + body)
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
