package main

import (
	"bytes"
	"context"
	"encoding/json"
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
	"nianbao/internal/webtest"
	"nianbao/views/document"
	"nianbao/web/paths"
)

// place is where a finding is expected on one of the places a user meets
// it, or "" where it is rightly not there (the case says why).
type place struct {
	// focus is the DOM id the finding's link goes to (editor, review page,
	// /check); for `nianbao check --json`, its place as "narrative
	// paragraph", "field title", "line", or "cells first-cell".
	focus string
	// cell is the DOM id of the cell its second link goes to (a finding
	// about a sentence that names cells), "" for none.
	cell string
}

// everyCheck is one warning of issue 12 and seed 002 (瑞安市人民政府办公室's
// 2024 report, a department) changed to give it.
type everyCheck struct {
	rule string
	// change changes the report; print the text nianbao publishes of it
	// (the published text W11 is about).
	change func(r *report.Report)
	print  func(text string) string
	// last: last year's report is at hand (the body's 2023 report with the
	// same text; the same as JSON for the command and /check). rules: an
	// administrator's rules for 第一部分 (W13, W14).
	last  bool
	rules url.Values
	// says are the words and numbers the message holds; n how many
	// findings of the rule there are (1 unless set).
	says []string
	n    int
	// Where it is expected. json and text are `nianbao check --json` of
	// the report's JSON and of its published text; check is /check of
	// that text; line is the words of the line /check points at.
	editor, review, json, text, check place
	line                              string
}

// paraOf is the DOM id of a paragraph of the review page.
func paraOf(narrative string, i int) string { return document.ParaAnchor(narrative, i) }

// setCells sets count cells to n and the totals again.
func setCells(r *report.Report, n map[string]int64) {
	for p, v := range n {
		r.Values[r.Template().Lookup(p)] = report.Num(v)
	}
	report.FillTotals(r)
}

// oneLapsed moves one application of seed 002 from （六）3 其他 to
// （六）2, lapsed for an unpaid fee notice.
func oneLapsed(r *report.Report) {
	setCells(r, map[string]int64{"requests.other_misc.natural_person": 1, "requests.other_no_fee.natural_person": 1})
}

func replaceIn(t *testing.T, s *string, old, repl string) {
	t.Helper()
	changed := strings.Replace(*s, old, repl, 1)
	if changed == *s {
		t.Fatalf("seed 002 no longer has %q", old)
	}
	*s = changed
}

// everyChecks are the cases of TestEveryWarningEverywhere.
func everyChecks(t *testing.T) []everyCheck {
	inForce := place{cell: "v-active-normative_docs-in_force"}
	return []everyCheck{
		{rule: "W2", change: func(r *report.Report) {
			replaceIn(t, &r.Narrative.Overview, "现行有效规范性文件共231件", "现行有效规范性文件共230件")
		},
			says:   []string{"共230件", "行政规范性文件 现行有效件数", "的231件不一致"},
			editor: place{"f-narrative-overview", "c-active-normative_docs-in_force"}, review: place{paraOf("overview", 2), inForce.cell},
			json: place{"overview 3", ""}, text: place{"overview 3", ""}, check: place{"", inForce.cell}, line: "现行有效规范性文件共230件"},
		{rule: "W3", change: func(r *report.Report) { oneLapsed(r); r.Narrative.Other = "无其他需要报告的事项。" },
			says:   []string{"第三部分有1件申请因逾期未缴纳费用不再处理", "第六部分没有说明信息处理费"},
			editor: place{"c-requests-other_no_fee-total", ""}, review: place{"v-requests-other_no_fee-total", ""},
			json: place{"cells requests.other_no_fee.total", ""}, text: place{"cells requests.other_no_fee.total", ""}, check: place{"v-requests-other_no_fee-total", ""}},
		{rule: "W4", change: func(r *report.Report) { r.Narrative.Overview += "\n全年共发生行政复议15件。" },
			says:   []string{"全年共发生行政复议15件", "行政复议 总计", "的16件不一致"},
			editor: place{"f-narrative-overview", "c-reviews-review-total"}, review: place{paraOf("overview", 11), "v-reviews-review-total"},
			json: place{"overview 12", ""}, text: place{"overview 12", ""}, check: place{"", "v-reviews-review-total"}, line: "全年共发生行政复议15件。"},
		{rule: "W6", change: func(r *report.Report) { r.Narrative.Other = "无其他需要报告的事项。" },
			says:   []string{"第六部分", "应说明本年度是否收取信息处理费"},
			editor: place{"f-narrative-other", ""}, review: place{document.SectionAnchor("六"), ""},
			json: place{"-", ""}, text: place{"-", ""}, check: place{}, line: "六、其他需要报告的事项"},
		{rule: "W7", change: func(r *report.Report) {
			replaceIn(t, &r.Narrative.Overview, "2024年,瑞安市人民政府办公室坚持", "2023年,瑞安市人民政府办公室坚持")
		},
			says:   []string{"2023年", "2024年"},
			editor: place{"f-narrative-overview", ""}, review: place{paraOf("overview", 0), ""},
			json: place{"overview 1", ""}, text: place{"overview 1", ""}, check: place{}, line: "2023年,瑞安市人民政府办公室坚持"},
		{rule: "W8", change: func(r *report.Report) { r.Narrative.Problems = "无" },
			says:   []string{"第五部分只写了“无”"},
			editor: place{"f-narrative-problems", ""}, review: place{paraOf("problems", 0), ""},
			json: place{"problems 1", ""}, text: place{"problems 1", ""}, check: place{}, line: "无"},
		{rule: "W9", change: func(r *report.Report) {
			oneLapsed(r)
			r.Narrative.Other = "本年度未发出收费通知，未收取信息处理费。"
		},
			says:   []string{"第六部分写“本年度未发出收费通知", "第三部分有1件申请因逾期未按收费通知要求缴纳费用"},
			editor: place{"f-narrative-other", "c-requests-other_no_fee-total"}, review: place{paraOf("other", 0), "v-requests-other_no_fee-total"},
			json: place{"other 1", ""}, text: place{"other 1", ""}, check: place{"", "v-requests-other_no_fee-total"}, line: "本年度未发出收费通知"},
		{rule: "W10", last: true, n: 2, change: func(*report.Report) {},
			says:   []string{"第一部分有100%的句子", "与2023年报告相同"},
			editor: place{"f-narrative-overview", ""}, review: place{paraOf("overview", 0), ""},
			json: place{"overview 1", ""}, text: place{"overview 1", ""}, check: place{}, line: "2024年,瑞安市人民政府办公室坚持"},
		// W11 is about the headings of a published text: a report written
		// in nianbao (the editor, the review page, its JSON) prints the
		// official ones.
		{rule: "W11", change: func(*report.Report) {},
			print: func(s string) string {
				replaceIn(t, &s, "五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施")
				return s
			},
			says: []string{"“五、存在的主要问题及改进措施”与规定的“五、存在的主要问题及改进情况”不同"},
			text: place{"line", ""}, check: place{}, line: "五、存在的主要问题及改进措施"},
		// W12: a clerk cannot type 不适用 (the editor says to type 0), but a
		// report stored with it (imported, or by the JSON) has it.
		{rule: "W12", change: func(r *report.Report) {
			for _, p := range []string{"active.normative_docs.issued", "active.normative_docs.repealed", "active.normative_docs.in_force"} {
				r.Values[r.Template().Lookup(p)] = report.Value{State: report.NotApplicable}
			}
		},
			says:   []string{"3个单元格填的是“不适用”或“/”", "第二部分 行政规范性文件 × 本年制发件数"},
			editor: place{"c-active-normative_docs-issued", ""}, review: place{"v-active-normative_docs-issued", ""},
			json: place{"cells active.normative_docs.issued", ""}, text: place{"cells active.normative_docs.issued", ""}, check: place{"v-active-normative_docs-issued", ""}},
		// W13 and W14 hold where the report has a body that rules were set
		// for: `nianbao check` and /check have none.
		{rule: "W13", rules: url.Values{"overview_max": {"900"}},
			change: func(*report.Report) {},
			says:   []string{"第一部分共906字", "超过本地区规定的900字"},
			editor: place{"f-narrative-overview", ""}, review: place{paraOf("overview", 0), ""}},
		{rule: "W14", rules: url.Values{"overview_items": {"政务公开专区/公开专栏"}},
			change: func(*report.Report) {},
			says:   []string{"第一部分没有写到本地区要求写明的“政务公开专区/公开专栏”"},
			editor: place{"f-narrative-overview", ""}, review: place{paraOf("overview", 0), ""}},
	}
}

// TestEveryWarningEverywhere: each warning of issue 12, given by a report
// changed to give it, is where the issue says — the editor's live check,
// `nianbao check --json` of the report's JSON and of its published text,
// /check of that text and the review page — with its rule, its numbers
// and its place (the paragraph, and the cell it names). Where a warning
// cannot be (a case says why), it is not. Seed 002 as it is, with no last
// year's report and no rules, has none of them anywhere.
func TestEveryWarningEverywhere(t *testing.T) {
	cases := everyChecks(t)
	t.Run("seed 002", func(t *testing.T) {
		w, r := newEveryApp(t, everyCheck{}), seed002(t)
		for _, p := range w.places(t, r, everyCheck{}) {
			for _, tc := range cases {
				tc.assert(t, p.name, place{}, p.got, false)
			}
		}
	})
	for _, tc := range cases {
		t.Run(tc.rule, func(t *testing.T) {
			w, r := newEveryApp(t, tc), seed002(t)
			tc.change(r)
			wants := map[string]place{"editor": tc.editor, "json": tc.json, "text": tc.text, "check": tc.check, "review": tc.review}
			for _, p := range w.places(t, r, tc) {
				want := wants[p.key]
				tc.assert(t, p.name, want, p.got, want != place{} || p.key == "check" && tc.line != "")
			}
		})
	}
}

// atPlace is what one place shows of a report.
type atPlace struct {
	key, name string
	got       []seen
}

// places are the findings of r in every place a user meets them.
func (w *everyApp) places(t *testing.T, r *report.Report, tc everyCheck) []atPlace {
	t.Helper()
	ofJSON, ofText := w.command(t, r, tc)
	return []atPlace{
		{"editor", "the editor's live check", w.editor(t, r)},
		{"json", "nianbao check of the JSON", ofJSON},
		{"text", "nianbao check of the published text", ofText},
		{"check", "/check", w.checkText(t, r, tc)},
		{"review", "the review page", w.review(t, r)},
	}
}

// seen is a finding as a place shows it.
type seen struct {
	rule, message string
	place         place
	// quote is the words of the text it selects, line the text of the
	// line or paragraph it points at (on /check and the review page).
	quote, line string
}

func (tc everyCheck) assert(t *testing.T, where string, want place, got []seen, expected bool) {
	t.Helper()
	var mine []seen
	for _, s := range got {
		if s.rule == tc.rule {
			mine = append(mine, s)
		}
	}
	n := tc.n
	if n == 0 {
		n = 1
	}
	if !expected {
		if len(mine) != 0 {
			t.Errorf("%s: %s %q where it should not be", where, tc.rule, mine[0].message)
		}
		return
	}
	if len(mine) != n {
		t.Errorf("%s: %d %s, want %d (all: %v)", where, len(mine), tc.rule, n, got)
		return
	}
	f := mine[0]
	for _, s := range tc.says {
		if !strings.Contains(f.message, s) {
			t.Errorf("%s: %s says %q, without %q", where, tc.rule, f.message, s)
		}
	}
	if want.focus != "" && f.place.focus != want.focus {
		t.Errorf("%s: %s goes to %q, want %q", where, tc.rule, f.place.focus, want.focus)
	}
	if f.place.cell != want.cell {
		t.Errorf("%s: %s names the cell %q, want %q", where, tc.rule, f.place.cell, want.cell)
	}
	if where == "/check" && tc.line != "" && !strings.Contains(f.line, tc.line) {
		t.Errorf("%s: %s goes to the line %q, want the one with %q", where, tc.rule, f.line, tc.line)
	}
	if f.quote != "" && f.line != "" && !strings.Contains(fold(f.line), fold(f.quote)) {
		t.Errorf("%s: %s quotes %q, not words of the place it goes to %q", where, tc.rule, f.quote, f.line)
	}
}

// fold sets spaces aside, as the page's script does to find a quote.
func fold(s string) string { return strings.Join(strings.Fields(s), "") }

func seed002(t *testing.T) *report.Report {
	t.Helper()
	r, err := readReport(seedPath("002"))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// everyApp is the app of one case: the bureau of seed 002 below a city,
// its clerk and reviewer, and what the case sets.
type everyApp struct {
	app             *webtest.App
	bureau          int64
	clerk, reviewer *webtest.Client
	lastJSON, dir   string
	reportID        int64
}

func newEveryApp(t *testing.T, tc everyCheck) *everyApp {
	t.Helper()
	w := &everyApp{app: webtest.Start(t), dir: t.TempDir()}
	city := w.app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	w.bureau = w.app.Body(t, city, "瑞安市人民政府办公室", org.Department)
	w.app.User(t, "clerk", auth.Grant{Body: w.bureau, Role: auth.Clerk})
	w.app.User(t, "reviewer", auth.Grant{Body: w.bureau, Role: auth.Reviewer})
	w.app.User(t, "admin", auth.Grant{Body: city, Role: auth.Admin})
	w.clerk, w.reviewer = w.app.Client(t, "clerk"), w.app.Client(t, "reviewer")
	if tc.rules != nil {
		if res := w.app.Client(t, "admin").PostForm(t, paths.AdminBodyRulesURL(city), tc.rules); res.Status != http.StatusSeeOther {
			t.Fatalf("setting the rules: status %d", res.Status)
		}
	}
	if tc.last {
		last := seed002(t)
		last.Year = 2023
		if _, err := w.app.Store.CreateReport(t.Context(), w.bureau, 2023, last, 0); err != nil {
			t.Fatal(err)
		}
		data, err := last.JSONText()
		if err != nil {
			t.Fatal(err)
		}
		w.lastJSON = filepath.Join(w.dir, "2023.json")
		if err := os.WriteFile(w.lastJSON, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return w
}

// store keeps r as the bureau's 2024 report, created the first time and
// saved over after (a report whose cells the editor would refuse, 不适用,
// is stored as it is).
func (w *everyApp) store(t *testing.T, r *report.Report) {
	t.Helper()
	ctx := t.Context()
	if w.reportID == 0 {
		rec, err := w.app.Store.CreateReport(ctx, w.bureau, 2024, r, 0)
		if err != nil {
			t.Fatal(err)
		}
		w.reportID = rec.ID
		return
	}
	rec, err := w.app.Store.Report(ctx, w.reportID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.app.Store.SaveDraft(ctx, w.reportID, rec.Version, r, report.Tally{}, 0); err != nil {
		t.Fatal(err)
	}
}

// editor is the editor's live check of r typed in whole.
func (w *everyApp) editor(t *testing.T, r *report.Report) []seen {
	t.Helper()
	w.store(t, r)
	rec, err := w.app.Store.Report(t.Context(), w.reportID)
	if err != nil {
		t.Fatal(err)
	}
	form := url.Values{"base_version": {strconv.Itoa(rec.Version)}, "_csrf": {w.clerk.Token(t)}}
	for _, def := range r.Template().Cells {
		if !def.Computed {
			form.Set(def.Path, r.Entry(def.ID))
		}
	}
	for _, field := range report.TextFields {
		form.Set(field, r.Text(field))
	}
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"}}
	res := w.clerk.Do(t, http.MethodPost, paths.ReportCheckURL(w.reportID), strings.NewReader(form.Encode()), h)
	if res.Status != http.StatusOK {
		t.Fatalf("live check: status %d", res.Status)
	}
	return panel(res.Doc(t), nil)
}

// review is the reviewer's page of the report r, as stored.
func (w *everyApp) review(t *testing.T, r *report.Report) []seen {
	t.Helper()
	w.store(t, r)
	d := w.reviewer.Get(t, paths.ReportView(w.reportID)).Doc(t)
	return panel(d, d)
}

// published is the text nianbao publishes of r (its web page), as the
// case prints it.
func published(t *testing.T, r *report.Report, tc everyCheck) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := document.WriteStandalone(context.Background(), &buf, r); err != nil {
		t.Fatal(err)
	}
	if tc.print != nil {
		return []byte(tc.print(buf.String()))
	}
	return buf.Bytes()
}

// checkText is /check of r's published text, with last year's JSON when
// the case has it.
func (w *everyApp) checkText(t *testing.T, r *report.Report, tc everyCheck) []seen {
	t.Helper()
	files := map[string]webtest.File{"file": {Name: "2024.htm", Data: published(t, r, tc)}}
	if w.lastJSON != "" {
		files["last_file"] = upload(t, w.lastJSON)
	}
	res := w.clerk.PostMultipart(t, paths.CheckText, nil, files)
	if res.Status != http.StatusOK {
		t.Fatalf("/check: status %d", res.Status)
	}
	d := res.Doc(t)
	return panel(d, d)
}

// command is `nianbao check --json` of r's JSON and of its published
// text (with --last-year when the case has it).
func (w *everyApp) command(t *testing.T, r *report.Report, tc everyCheck) (ofJSON, ofText []seen) {
	t.Helper()
	data, err := r.JSONText()
	if err != nil {
		t.Fatal(err)
	}
	jsonFile, textFile := filepath.Join(w.dir, "2024.json"), filepath.Join(w.dir, "2024.htm")
	if err := os.WriteFile(jsonFile, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(textFile, published(t, r, tc), 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(file string) []seen {
		args := []string{"check", "--json"}
		if w.lastJSON != "" {
			args = append(args, "--last-year", w.lastJSON)
		}
		_, out, errOut := runCmd(t, append(args, file)...)
		var fs []struct {
			Rule, Message, Narrative, Field string
			Paragraph, Line                 int
			Cells                           []string
		}
		if err := json.Unmarshal([]byte(out), &fs); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, errOut)
		}
		var got []seen
		for _, f := range fs {
			s := seen{rule: f.Rule, message: f.Message}
			switch {
			case f.Narrative != "":
				s.place.focus = f.Narrative + " " + strconv.Itoa(f.Paragraph)
			case f.Field != "":
				s.place.focus = "field " + f.Field
			case f.Line > 0:
				s.place.focus = "line"
			case len(f.Cells) > 0:
				s.place.focus = "cells " + f.Cells[0]
			default:
				s.place.focus = "-"
			}
			got = append(got, s)
		}
		return got
	}
	return run(jsonFile), run(textFile)
}

// panel reads a findings panel; page, where given, is the page the
// findings point into (the line or paragraph each goes to).
func panel(d, page *goquery.Document) []seen {
	var got []seen
	d.Find("#findings li.finding").Each(func(_ int, li *goquery.Selection) {
		a := li.ChildrenFiltered("a").First()
		s := seen{rule: li.AttrOr("data-rule", ""), message: a.Text(), quote: a.AttrOr("data-quote", ""),
			place: place{focus: a.AttrOr("data-focus", ""), cell: li.Find("a.finding-cell").AttrOr("data-focus", "")}}
		if page != nil && s.place.focus != "" {
			at := page.Find("#" + s.place.focus).Clone()
			at.Find(".ln").Remove()
			s.line = strings.TrimSpace(at.Text())
		}
		got = append(got, s)
	})
	return got
}
