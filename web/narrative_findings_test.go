package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/views/imported"
	"nianbao/web/paths"
)

// narrativeSlip is seed 002's form with its text saying 230 现行有效规范性
// 文件 where its table has 231.
func narrativeSlip(t *testing.T) url.Values {
	t.Helper()
	f := seedForm(t, "002")
	text := f.Get("narrative.overview")
	changed := strings.Replace(text, "现行有效规范性文件共231件", "现行有效规范性文件共230件", 1)
	if changed == text {
		t.Fatal("seed 002 no longer says 现行有效规范性文件共231件")
	}
	f.Set("narrative.overview", changed)
	return f
}

// w2 is the W2 finding of a findings panel.
func w2(t *testing.T, d *goquery.Document) *goquery.Selection {
	t.Helper()
	li := d.Find(`#findings li.finding[data-rule="W2"]`)
	if li.Length() != 1 {
		t.Fatalf("%d W2 findings, want 1: %v", li.Length(), findings(d))
	}
	if msg := li.Find("a").Text(); !strings.Contains(msg, "共230件") || !strings.Contains(msg, "的231件不一致") {
		t.Errorf("W2 message %q", msg)
	}
	return li
}

// TestLiveCheckNarrativeFigures: the editor's live check shows a figure of
// the text that contradicts the table, linked to the text's field; put
// right, it goes away.
func TestLiveCheckNarrativeFigures(t *testing.T) {
	_, c, id := editorApp(t)
	_, d := check(t, c, id, 1, narrativeSlip(t))
	if got := w2(t, d).Find("a").AttrOr("data-focus", ""); got != "f-narrative-overview" {
		t.Errorf("the finding points at %q, want the 第一部分 text f-narrative-overview", got)
	}
	_, d = check(t, c, id, 2, url.Values{"narrative.overview": {seedForm(t, "002").Get("narrative.overview")}})
	if d.Find(`#findings li.finding[data-rule="W2"]`).Length() != 0 {
		t.Errorf("after the correction: %v", findings(d))
	}
	page := c.Get(t, paths.ReportEdit(id)).Doc(t)
	if page.Find("#f-narrative-overview").Length() != 1 {
		t.Error("the editor has no f-narrative-overview for the finding to point at")
	}
}

// TestReviewPageNarrativeFigures: the review page lists the W2 finding and
// links it to the paragraph that states the figure.
func TestReviewPageNarrativeFigures(t *testing.T) {
	a := newReviewApp(t)
	a.save(t, narrativeSlip(t))
	page := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t)
	href := w2(t, page).Find("a").AttrOr("href", "")
	if href != "#p-overview-2" {
		t.Errorf("the finding links to %q, want the third paragraph #p-overview-2", href)
	}
	if p := page.Find(href); !strings.Contains(p.Text(), "现行有效规范性文件共230件") {
		t.Errorf("%s is %q, not the paragraph with the figure", href, p.Text())
	}
}

// TestCheckTextNarrativeFigures: /check of a published text whose 第一部分
// contradicts its table lists W2, linked to the line of the text that
// states the figure (where it selects the words it quotes) and, by its
// second link, to the cell of the table read.
func TestCheckTextNarrativeFigures(t *testing.T) {
	c := checkClient(t)
	text := seedText(t, "002")
	slip := strings.Replace(text, "现行有效规范性文件共231件", "现行有效规范性文件共230件", 1)
	if slip == text {
		t.Fatal("seed 002 no longer says 现行有效规范性文件共231件")
	}
	d := c.PostMultipart(t, paths.CheckText, url.Values{"text": {slip}}, nil).Doc(t)
	a := w2(t, d).Find("a").First()
	target := a.AttrOr("data-focus", "")
	if line := d.Find("li#" + target); !strings.Contains(line.Text(), "现行有效规范性文件共230件") || !strings.Contains(line.Text(), a.AttrOr("data-quote", "?")) {
		t.Errorf("the finding points at %q (%q), not the line that says 共230件 and holds the words it quotes %q", target, line.Text(), a.AttrOr("data-quote", ""))
	}
	if cell := w2(t, d).Find("a.finding-cell").AttrOr("data-focus", ""); cell != imported.CellDOMID("active.normative_docs.in_force") || d.Find("td#"+cell).Length() != 1 {
		t.Errorf("the finding's cell link goes to %q", cell)
	}
}

// correctedOverview is seed 002's 第一部分 as a correction of its 规范性文件
// (制发 21, 现行有效 232) says it: the text goes with the table (W2).
func correctedOverview(t *testing.T) string {
	t.Helper()
	text := seedForm(t, "002").Get("narrative.overview")
	changed := strings.NewReplacer("的20件行政规范性文件", "的21件行政规范性文件", "现行有效规范性文件共231件", "现行有效规范性文件共232件").Replace(text)
	if strings.Count(changed, "21件行政规范性文件")+strings.Count(changed, "共232件") != 2 {
		t.Fatal("seed 002 no longer states its 规范性文件 as the correction expects")
	}
	return changed
}

// TestLiveCheckYearAndToken: last year's title and a 第五部分 of 无 are
// warned of live, each linked to its field.
func TestLiveCheckYearAndToken(t *testing.T) {
	_, c, id := editorApp(t)
	f := seedForm(t, "002")
	f.Set("title", "瑞安市人民政府办公室2023年政府信息公开工作年度报告")
	f.Set("narrative.problems", "无")
	_, d := check(t, c, id, 1, f)
	for rule, target := range map[string]string{"W7": "f-title", "W8": "f-narrative-problems"} {
		a := d.Find(`#findings li.finding[data-rule="` + rule + `"] a`)
		if a.Length() != 1 || a.AttrOr("data-focus", "") != target {
			t.Errorf("%s: %d findings pointing at %q, want one at %s: %v", rule, a.Length(), a.AttrOr("data-focus", ""), target, findings(d))
		}
	}
	page := c.Get(t, paths.ReportEdit(id)).Doc(t)
	for _, target := range []string{"f-title", "f-narrative-problems"} {
		if page.Find("#"+target).Length() != 1 {
			t.Errorf("the editor has no #%s", target)
		}
	}
}

// TestCopiedFromLastYear: the bureau's 2023 report in nianbao has seed
// 002's text; the 2024 report with the same text gets W10 for 第一部分
// and 第五部分, live in the editor (pointing at the text box) and on the
// review page (linked to the first copied paragraph).
func TestCopiedFromLastYear(t *testing.T) {
	a := newReviewApp(t)
	last := a.app.Report(t, a.bureau, 2023)
	rec, err := a.app.Store.Report(t.Context(), last)
	if err != nil {
		t.Fatal(err)
	}
	f := seedForm(t, "002")
	f.Set("base_version", strconv.Itoa(rec.Version))
	if res := a.clerk.PostForm(t, paths.ReportSaveURL(last), f); res.Status != http.StatusSeeOther {
		t.Fatalf("save 2023: %d %.300s", res.Status, res.Body)
	}
	_, d := check(t, a.clerk, a.report, 1, seedForm(t, "002"))
	want := map[string]string{"第一部分有100%的句子": "f-narrative-overview", "第五部分有100%的句子": "f-narrative-problems"}
	w10 := d.Find(`#findings li.finding[data-rule="W10"] a`)
	if w10.Length() != len(want) {
		t.Fatalf("%d W10 findings live, want %d: %v", w10.Length(), len(want), findings(d))
	}
	w10.Each(func(_ int, s *goquery.Selection) {
		for start, focus := range want {
			if strings.HasPrefix(s.Text(), start) && s.AttrOr("data-focus", "") != focus {
				t.Errorf("%q points at %q, want %s", s.Text(), s.AttrOr("data-focus", ""), focus)
			}
		}
		if !strings.Contains(s.Text(), "与2023年报告相同") {
			t.Errorf("W10 %q does not name last year's report", s.Text())
		}
	})

	a.save(t, seedForm(t, "002"))
	page := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t)
	links := page.Find(`#findings li.finding[data-rule="W10"] a`)
	if links.Length() != 2 || links.First().AttrOr("href", "") != "#p-overview-0" {
		t.Errorf("review page: %d W10, first linked to %q, want 2 and #p-overview-0", links.Length(), links.First().AttrOr("href", ""))
	}

	changed := seedForm(t, "002")
	changed.Set("narrative.problems", "本年度存在的主要问题是政策解读形式较为单一，群众参与度不高。下一步将探索图解、视频等解读形式，提升解读的可读性。同时加强工作人员业务培训，提高依申请公开答复质量。")
	_, d = check(t, a.clerk, a.report, 2, changed)
	if n := d.Find(`#findings li.finding[data-rule="W10"]`).Length(); n != 1 {
		t.Errorf("with 第五部分 rewritten: %d W10, want 1 (第一部分): %v", n, findings(d))
	}
}

// TestCheckTextStructure: /check of seed 003 with 第五部分's heading
// renamed lists W11, pointing at that heading's line (93).
func TestCheckTextStructure(t *testing.T) {
	c := checkClient(t)
	text := seedText(t, "003")
	renamed := strings.Replace(text, "五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施", 1)
	if renamed == text {
		t.Fatal("seed 003 no longer has the heading of 第五部分")
	}
	d := c.PostMultipart(t, paths.CheckText, url.Values{"text": {text}}, nil).Doc(t)
	if n := d.Find(`#findings li.finding[data-rule="W11"]`).Length(); n != 0 {
		t.Errorf("seed 003 as published: %d W11: %v", n, findings(d))
	}
	d = c.PostMultipart(t, paths.CheckText, url.Values{"text": {renamed}}, nil).Doc(t)
	a := d.Find(`#findings li.finding[data-rule="W11"] a`)
	if a.Length() != 1 || !strings.Contains(a.Text(), "“五、存在的主要问题及改进措施”与规定的“五、存在的主要问题及改进情况”不同") {
		t.Fatalf("%d W11 findings: %v", a.Length(), findings(d))
	}
	if target := a.AttrOr("data-focus", ""); target != "line-93" || !strings.Contains(d.Find("#"+target).Text(), "改进措施") {
		t.Errorf("W11 points at %q (%q), want line-93 with the heading", target, d.Find("#"+target).Text())
	}
}
