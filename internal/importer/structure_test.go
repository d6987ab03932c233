package importer_test

import (
	"fmt"
	"strings"
	"testing"

	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// TestStructureFindings: W11 on the seeds as published (none: all print
// the six official headings in order) and on seed 003 with its headings
// mutated — removed, renamed, swapped. Seed 003's headings stand on lines
// 5, 37, 54, 86, 93 and 107 (一、工作情况 on line 9 is a subheading); 六
// is three lines (107–109), so with 五 moved after it 五 starts on 96.
func TestStructureFindings(t *testing.T) {
	for _, name := range seedNames {
		res, err := importer.Import(readSeed(t, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range report.Check(res.Report, report.Options{Headings: &res.Printed}) {
			if f.Rule == report.RuleStructure {
				t.Errorf("seed %s: %s", name, f.Message)
			}
		}
	}
	seed := readSeed(t, "003")
	five, six := "五、存在的主要问题及改进情况", "六、其他需要报告的事项"
	for _, tc := range []struct {
		name   string
		mutate func(string) string
		want   []string // "line message"
	}{
		{"heading removed", func(s string) string { return strings.Replace(s, five+"\n", "\n", 1) },
			[]string{"0 原文没有第五部分的标题“五、存在的主要问题及改进情况”"}},
		{"heading renamed to a variant", func(s string) string {
			return strings.Replace(s, five, "五、政府信息公开工作存在的主要问题及改进措施", 1)
		}, []string{"93 第93行的标题“五、政府信息公开工作存在的主要问题及改进措施”与规定的“五、存在的主要问题及改进情况”不同"}},
		{"heading renamed by keywords", func(s string) string { return strings.Replace(s, "一、总体情况", "一、2022年总体情况", 1) },
			[]string{"5 第5行的标题“一、2022年总体情况”与规定的“一、总体情况”不同"}},
		{"spaces and markup are no renaming", func(s string) string {
			return strings.Replace(s, five, "**五、 存在的主要问题及改进情况**", 1)
		}, nil},
		{"五 and 六 swapped", func(s string) string {
			i, j := strings.Index(s, five), strings.Index(s, six)
			return s[:i] + s[j:] + "\n" + s[i:j]
		}, []string{"96 第96行的标题“五、存在的主要问题及改进情况”不在规定的位置：应排在第五部分，在“四、政府信息公开行政复议、行政诉讼情况”之后"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.mutate(seed)
			if text == seed {
				t.Fatal("the mutation changed nothing")
			}
			res, err := importer.Import(text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, f := range report.Check(res.Report, report.Options{Headings: &res.Printed}) {
				if f.Rule == report.RuleStructure {
					got = append(got, fmt.Sprintf("%d %s", f.Line, f.Message))
				}
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.want) {
				t.Errorf("W11\n got %q\nwant %q", got, tc.want)
			}
		})
	}
}
