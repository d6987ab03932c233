package web_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/webtest"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// seedText is a published report's text as fetched (internal/importer's
// copies of the five seeds).
func seedText(tb testing.TB, name string) string {
	tb.Helper()
	data, err := os.ReadFile(filepath.Join("..", "internal", "importer", "testdata", "seeds", name+".txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(data)
}

// seedJSON is the hand-made JSON of a seed: the fixtures of internal/report
// for the 2021-format seeds, internal/importer's for the 2019 one (001).
func seedJSON(tb testing.TB, name string) *report.Report {
	tb.Helper()
	path := seedJSONPath(name)
	if name == "001" {
		path = filepath.Join("..", "internal", "importer", "testdata", "001.json")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// seedYears are the report years of the seeds.
var seedYears = map[string]int{"000": 2022, "001": 2020, "002": 2024, "003": 2022, "004": 2021}

// importApp starts the app with 瑞安市人民政府办公室 (seed 002's body) and
// its clerk logged in.
func importApp(tb testing.TB) (*webtest.App, *webtest.Client, int64) {
	tb.Helper()
	app := webtest.Start(tb)
	body := app.Body(tb, 0, "瑞安市人民政府办公室", org.LocalGovernment)
	app.User(tb, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
	return app, app.Client(tb, "clerk"), body
}

// preview posts a text for the import's preview, as the paste form does.
func preview(tb testing.TB, c *webtest.Client, body int64, year int, text string) (*webtest.Response, *goquery.Document) {
	tb.Helper()
	res := c.PostMultipart(tb, paths.BodyReferencePreviewURL(body), url.Values{"year": {strconv.Itoa(year)}, "text": {text}}, nil)
	return res, res.Doc(tb)
}

// cellText is what the preview shows as read for a cell.
func cellText(d *goquery.Document, path string) string {
	return strings.TrimSpace(d.Find("#" + imported.CellDOMID(path) + " a").Text())
}

// TestReferencePreviewSeeds: each seed's text comes back beside what was
// read — the format and the label that decided it, every line numbered,
// every cell of the tables with its row and column named and its value
// from the right line, equal to the seed's hand-made JSON — with the notes
// and the findings of a published report. Nothing is stored.
func TestReferencePreviewSeeds(t *testing.T) {
	app, c, body := importApp(t)
	t.Cleanup(func() {
		var n int
		if err := app.Store.DB.QueryRow(`SELECT COUNT(*) FROM reference_reports`).Scan(&n); err != nil || n != 0 {
			t.Errorf("previews stored %d reference reports (%v); only a confirmation may", n, err)
		}
	})
	tests := []struct {
		seed, format, evidence string
		// spot checks: cell → the line it was read on
		cells map[string]int
	}{
		{"000", "2021年格式", "依据第15行的表头“本年制发件数”", map[string]int{
			"requests.new_received.natural_person": 57, "active.fees.amount_wan": 42, "reviews.litigation_after_review.total": 306}},
		{"001", "2019年格式", "依据第35行的表头“本年新制作数量”", map[string]int{
			"requests.other_unsplit.total": 307}},
		{"002", "2021年格式", "依据第16行的表头“本年制发件数”", map[string]int{
			"requests.granted.total": 35}},
		{"003", "2021年格式", "依据第40行的表头“本年制发件数”", map[string]int{
			"requests.handled_total.legal_services": 83}},
		{"004", "2021年格式", "依据第20行的表头“本年制发件数”", map[string]int{
			"requests.granted.natural_person": 43, "requests.new_received.other": 41}},
	}
	for _, tt := range tests {
		t.Run(tt.seed, func(t *testing.T) {
			text := seedText(t, tt.seed)
			res, d := preview(t, c, body, seedYears[tt.seed], text)
			if res.Status != http.StatusOK {
				t.Fatalf("status %d: %.300s", res.Status, res.Body)
			}
			format := d.Find(`[data-testid=format]`)
			if got := format.Text(); !strings.Contains(got, tt.format) || !strings.Contains(got, tt.evidence) {
				t.Errorf("format %q, want %s %s", got, tt.format, tt.evidence)
			}
			if href := format.Find("a").AttrOr("href", ""); !strings.HasPrefix(href, "#line-") || d.Find(href).Length() != 1 {
				t.Errorf("the evidence links to %q, which is not a line of the text", href)
			}
			if n := d.Find("ol.source > li").Length(); n != strings.Count(text, "\n")+1 {
				t.Errorf("%d lines shown, the text has %d", n, strings.Count(text, "\n")+1)
			}
			want := seedJSON(t, tt.seed)
			checkEveryCell(t, d, want)
			for path, line := range tt.cells {
				a := d.Find("#" + imported.CellDOMID(path) + " a")
				if a.AttrOr("data-line", "") != strconv.Itoa(line) || a.AttrOr("href", "") != "#line-"+strconv.Itoa(line) {
					t.Errorf("%s links to line %s, want %d", path, a.AttrOr("data-line", ""), line)
				}
			}
			d.Find(".note-list li a[data-line]").Each(func(_ int, a *goquery.Selection) {
				if d.Find(a.AttrOr("href", "")).Length() != 1 {
					t.Errorf("note link %s goes nowhere", a.AttrOr("href", ""))
				}
			})
			if d.Find("aside#findings .summary").Length() != 1 {
				t.Error("no findings panel")
			}
			d.Find("aside#findings a[data-focus]").Each(func(_ int, a *goquery.Selection) {
				if d.Find("#"+a.AttrOr("data-focus", "")).Length() != 1 {
					t.Errorf("finding %q points at %q, which is not on the page", a.Text(), a.AttrOr("data-focus", ""))
				}
			})
			form := d.Find("form.confirm-form")
			if form.Find(`input[name=text]`).AttrOr("value", "") != text || form.Find(`button.primary`).Length() != 1 {
				t.Error("the confirm form does not carry the text, or has no confirm button")
			}
		})
	}
}

// checkEveryCell: every value cell of want's format is in the preview,
// named by its row and column, showing want's value.
func checkEveryCell(t *testing.T, d *goquery.Document, want *report.Report) {
	t.Helper()
	tmpl := want.Template()
	if n := d.Find("table.grid.read:not(.legacy) td").Length(); n != len(tmpl.Cells) {
		t.Errorf("%d value cells shown, the format has %d", n, len(tmpl.Cells))
	}
	for _, def := range tmpl.Cells {
		td := d.Find("#" + imported.CellDOMID(def.Path))
		hs := strings.Fields(td.AttrOr("headers", ""))
		if len(hs) < 2 {
			t.Errorf("%s: headers %q, want its row and column", def.Path, hs)
		}
		for _, h := range hs {
			if d.Find("th#"+h).Length() != 1 {
				t.Errorf("%s: header %q is not a header of the page", def.Path, h)
			}
		}
		label := td.Find("a").AttrOr("aria-label", td.Find(".visually-hidden").Text())
		if !strings.HasPrefix(label, def.AriaLabel()) {
			t.Errorf("%s: labelled %q", def.Path, label)
		}
		if got, w := cellText(d, def.Path), report.FormatValue(def.Kind, want.Values[def.ID]); got != w {
			t.Errorf("%s shows %q, want %q", def.Path, got, w)
		}
	}
}

// TestReferencePreview004: seed 004's 21 result rows lack a 法人 cell each:
// the filled cells are marked 补, the other 法人 cells of the row 核, each
// explained by its row's note (aria-describedby), which links to its line.
func TestReferencePreview004(t *testing.T) {
	_, c, body := importApp(t)
	_, d := preview(t, c, body, 2021, seedText(t, "004"))
	line := 43
	for _, row := range report.T2021.Table("requests").Rows {
		if !row.Leaf {
			continue
		}
		for _, id := range row.Cells {
			def := report.T2021.Cell(id)
			td := d.Find("#" + imported.CellDOMID(def.Path))
			want := ""
			switch def.ColKey {
			case "other":
				want = "filled"
			case "commercial", "research", "public_interest", "legal_services":
				want = "unsure"
			}
			if got := td.AttrOr("data-state", ""); got != want {
				t.Errorf("%s: state %q, want %q", def.Path, got, want)
			}
			if want == "" {
				continue
			}
			if flag := td.Find(".flag").Text(); flag != map[string]string{"filled": "补", "unsure": "核"}[want] {
				t.Errorf("%s: flag %q", def.Path, flag)
			}
			note := d.Find("#" + td.Find("a").AttrOr("aria-describedby", "-"))
			if !strings.Contains(note.Text(), "已补0") || note.Find("a").AttrOr("href", "") != "#line-"+strconv.Itoa(line) {
				t.Errorf("%s: explained by %q (link %s), want the note of line %d", def.Path, note.Text(), note.Find("a").AttrOr("href", ""), line)
			}
		}
		if !d.Find("#line-" + strconv.Itoa(line)).HasClass("noted-repaired") {
			t.Errorf("line %d is not marked as repaired", line)
		}
		line++
	}
	if got := d.Find(`[data-testid=cell-counts]`).Text(); !strings.Contains(got, "84格需核对") || !strings.Contains(got, "21格原文缺失") {
		t.Errorf("counts %q", got)
	}
}

// TestReferencePreview001: the 2019-format seed is read as such; its
// section 二 is shown as printed and said to be not comparable, and only
// sections 三 and 四 are drawn as the format's tables.
func TestReferencePreview001(t *testing.T) {
	_, c, body := importApp(t)
	_, d := preview(t, c, body, 2020, seedText(t, "001"))
	if got := d.Find(`[data-testid=legacy-note]`).Text(); !strings.Contains(got, "不可比") {
		t.Errorf("legacy note %q", got)
	}
	if d.Find("table.grid-active").Length() != 0 || d.Find("table.grid-requests").Length() != 1 || d.Find("table.grid-reviews").Length() != 1 {
		t.Error("want the tables of 三 and 四 only")
	}
	legacy := d.Find("table.legacy")
	if legacy.Length() == 0 || !strings.Contains(legacy.First().Find("caption").Text(), "第二十条") {
		t.Fatalf("legacy tables: %d", legacy.Length())
	}
	legacy.Find("td").Each(func(_ int, td *goquery.Selection) {
		for _, h := range strings.Fields(td.AttrOr("headers", "")) {
			if d.Find("#"+h).Length() != 1 {
				t.Errorf("legacy cell headers %q name no header", h)
			}
		}
	})
	note := d.Find(".note-list li").FilterFunction(func(_ int, s *goquery.Selection) bool { return strings.Contains(s.Text(), "不可比") })
	if note.Find("a").AttrOr("href", "") != "#line-31" {
		t.Errorf("the not-comparable note is not linked to line 31: %q", note.Text())
	}
	items := d.Find("ul.carry li")
	if items.Length() != 2 || !strings.HasPrefix(items.First().Text(), "第三部分“二、上年结转") {
		t.Errorf("a 2019 report carries over 上年结转 only: %q", items.Text())
	}
}

// confirm posts the preview's confirm form as the browser would: the
// hidden fields as the page wrote them.
func confirm(tb testing.TB, c *webtest.Client, d *goquery.Document) *webtest.Response {
	tb.Helper()
	form := d.Find("form.confirm-form")
	if form.Find("button.primary").Length() != 1 {
		tb.Fatalf("no confirm button: %s", d.Find(".confirm-box").Text())
	}
	fields := url.Values{}
	form.Find("input[type=hidden]").Each(func(_ int, in *goquery.Selection) {
		if name := in.AttrOr("name", ""); name != "_csrf" {
			fields.Set(name, in.AttrOr("value", ""))
		}
	})
	return c.PostMultipart(tb, form.AttrOr("action", ""), fields, nil)
}

// TestReferenceConfirmPrefillAndCrossYear: a clerk imports seed 002 as
// their 2024 report and confirms it; it is stored with its text and
// audited. The 2025 report created with prefill takes its carried-over
// numbers, the editor shows them as last year's hints, and a number that
// differs from last year's gets the W1 warning.
func TestReferenceConfirmPrefillAndCrossYear(t *testing.T) {
	app, c, body := importApp(t)
	text := seedText(t, "002")
	_, d := preview(t, c, body, 2024, text)
	if w := d.Find(".confirm-box .notice.warn").Text(); w != "" {
		t.Errorf("a warning for the body's own report: %q", w)
	}
	res := confirm(t, c, d)
	if res.Status != http.StatusSeeOther || res.Location() != paths.Home {
		t.Fatalf("confirm: %d → %q: %.300s", res.Status, res.Location(), res.Body)
	}
	ref, err := app.Store.Reference(t.Context(), body, 2024)
	if err != nil || ref.SourceText != text || ref.Report.Format != report.Format2021 {
		t.Fatalf("stored: %v", err)
	}
	log, _ := app.Store.AuditLog(t.Context(), store.AuditFilter{BodyID: body, Action: store.ActReferenceImport})
	if len(log) != 1 {
		t.Errorf("audit entries %d, want 1", len(log))
	}
	home := c.Get(t, paths.Home).Doc(t)
	if !strings.Contains(home.Find(".flash").Text(), "已保存本机关2024年度的报告") {
		t.Errorf("flash %q", home.Find(".flash").Text())
	}
	if got := home.Find(`[data-testid=body] a[href*="/reference"]`).Parent().Text(); !strings.Contains(got, "2024年度的报告已从原文导入") {
		t.Errorf("the start page does not say that 2024 was imported: %q", got)
	}

	res = c.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"2025"}, "prefill": {"1"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("create: %d", res.Status)
	}
	ed := c.Get(t, res.Location()).Doc(t)
	want := seedJSON(t, "002")
	for _, col := range []string{"natural_person", "commercial", "research", "public_interest", "legal_services", "other"} {
		got := ed.Find("#"+cellID("requests.carried_over."+col)).AttrOr("value", "")
		w, _ := want.Get("requests.carried_forward." + col)
		if got != strconv.FormatInt(w.N, 10) {
			t.Errorf("carried over %s = %q, want %d", col, got, w.N)
		}
	}
	if got := ed.Find("#"+cellID("active.normative_docs.in_force")).AttrOr("value", ""); got != "231" {
		t.Errorf("行政规范性文件 in force = %q, want 231", got)
	}
	if got := ed.Find("#" + cellID("requests.carried_over.natural_person")).Parent().Find(".hint").Text(); got != "上年结转下年度：22" {
		t.Errorf("hint %q", got)
	}
	if ed.Find(".editor-bar .import-link").Length() != 0 {
		t.Error("the editor offers to import a report that is at hand")
	}
	if len(ed.Find(`#findings li[data-rule=W1]`).Nodes) != 0 {
		t.Error("W1 before any difference")
	}

	id, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(res.Location(), "/reports/"), "/edit"), 10, 64)
	_, d = check(t, c, id, 1, url.Values{"requests.carried_over.natural_person": {"21"}})
	w1 := d.Find(`#findings li[data-rule=W1] a`).First()
	if w1.Text() != "自然人列：本年“二、上年结转”为21，但2024年报告“四、结转下年度继续办理”为22，相差1" {
		t.Errorf("W1 finding %q", w1.Text())
	}
}

// TestReferenceSystemReportWins: a year written in nianbao cannot be
// imported, and it is what prefill and the checks use even where an
// import of that year exists.
func TestReferenceSystemReportWins(t *testing.T) {
	app, c, body := importApp(t)
	_, d := preview(t, c, body, 2024, seedText(t, "002"))
	confirm(t, c, d)
	written := app.Report(t, body, 2024) // a 2024 report written in the system after all
	res, d := preview(t, c, body, 2024, seedText(t, "002"))
	if res.Status != http.StatusOK || !strings.Contains(d.Find("[data-testid=problem]").Text(), "已在系统中填报") ||
		d.Find("form.confirm-form button.primary").Length() != 0 {
		t.Errorf("preview of a year in the system: problem %q", d.Find("[data-testid=problem]").Text())
	}
	form := url.Values{"year": {"2024"}, "text": {seedText(t, "002")}}
	if res := c.PostMultipart(t, paths.BodyReferenceSaveURL(body), form, nil); res.Status != http.StatusUnprocessableEntity {
		t.Errorf("confirm of a year in the system: %d, want 422", res.Status)
	}
	res = c.PostForm(t, paths.BodyReportsURL(body), url.Values{"year": {"2025"}, "prefill": {"1"}})
	ed := c.Get(t, res.Location()).Doc(t)
	if got := ed.Find("#"+cellID("requests.carried_over.natural_person")).AttrOr("value", "x"); got != "" {
		t.Errorf("prefilled %q from the import, though the empty 2024 report %d was written in the system", got, written)
	}
}

// TestReferenceWrongYearAndOtherBody: a text of another year cannot be
// confirmed for this one; another body's name is a warning only; a second
// import replaces the first, and says so.
func TestReferenceWrongYearAndOtherBody(t *testing.T) {
	app, c, body := importApp(t)
	res, d := preview(t, c, body, 2023, seedText(t, "003"))
	if res.Status != http.StatusOK || !strings.Contains(d.Find("[data-testid=problem]").Text(), "原文是2022年度的报告，与要导入的2023年度不符") ||
		d.Find("form.confirm-form button.primary").Length() != 0 {
		t.Errorf("wrong year: problem %q", d.Find("[data-testid=problem]").Text())
	}
	_, d = preview(t, c, body, 2022, seedText(t, "003"))
	if got := d.Find(".confirm-box .notice.warn").Text(); !strings.Contains(got, "濮阳市人民政府") {
		t.Errorf("another body's report: warning %q", got)
	}
	confirm(t, c, d)
	_, d = preview(t, c, body, 2022, seedText(t, "000"))
	if got := d.Find(".confirm-box .notice.ok").Text(); !strings.Contains(got, "将替换它") {
		t.Errorf("a second import: %q", got)
	}
	confirm(t, c, d)
	ref, err := app.Store.Reference(t.Context(), body, 2022)
	if err != nil || ref.Revision != 2 || ref.Report.Org != "徐州市" {
		t.Errorf("after the second import: %+v, %v", ref, err)
	}
}
