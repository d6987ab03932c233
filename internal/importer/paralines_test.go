package importer_test

import (
	"strings"
	"testing"

	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// TestParaLinesPastPicture: a picture between two paragraphs of a web
// page's section 一 is left out of the narrative, and the paragraph after
// it is still found on its own line (a finding about it goes there).
func TestParaLinesPastPicture(t *testing.T) {
	page := `<html><body><h1>青石县人民政府2024年政府信息公开工作年度报告</h1>
<p>一、总体情况</p><p>第一段说主动公开。</p><p><img src="chart.png"></p><p>第二段说依申请公开。</p>
<p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
<p>五、存在的主要问题及改进情况</p><p>问题一段。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>`
	res, err := importer.ImportDocument(extract.ReadString(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Report.Narrative.Overview; got != "第一段说主动公开。\n第二段说依申请公开。" {
		t.Fatalf("一 read as %q", got)
	}
	lines := strings.Split(res.Text, "\n")
	at := res.ParaLines[report.NarrativeOverview]
	if len(at) != 2 {
		t.Fatalf("ParaLines %v, want two paragraphs", at)
	}
	for i, want := range []string{"第一段说主动公开。", "第二段说依申请公开。"} {
		if n := at[i]; n < 1 || n > len(lines) || !strings.Contains(lines[n-1], want) {
			t.Errorf("paragraph %d at line %d, which holds %q; want the line with %q", i+1, n, lines[min(max(n, 1), len(lines))-1], want)
		}
	}
}
