package web_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// checkClient is a supervisor's client of an app, for /check.
func checkClient(t *testing.T) *webtest.Client {
	t.Helper()
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	app.User(t, "super", auth.Grant{Body: city, Role: auth.Supervisor})
	return app.Client(t, "super")
}

// seedJSONText is a seed's hand-made JSON as its file holds it.
func seedJSONText(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "internal", "report", "testdata", "seeds", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// w10 are the messages of the W10 findings of a page.
func w10(d *goquery.Document) []string {
	var out []string
	d.Find(`#findings li.finding[data-rule="W10"] > a`).Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
	return out
}

// TestCheckTextLastYear: /check takes last year's report beside this
// year's, pasted or uploaded, as a published text or as nianbao's JSON,
// and then runs the cross-year checks: seed 002's text checked against
// itself as last year's gets W10 for 第一部分 and 第五部分, naming 2024
// (last year's year as read). Without it the page says no cross-year check
// was made and there is no W10. The 修改文本 button takes both texts back
// into the form (an uploaded file's reading as its JSON), and checking
// again from there gives the same findings.
func TestCheckTextLastYear(t *testing.T) {
	c := checkClient(t)
	text := seedText(t, "002")
	cases := []struct {
		name   string
		fields url.Values
		files  map[string]webtest.File
	}{
		{"pasted text", url.Values{imported.LastTextField: {text}}, nil},
		{"pasted JSON", url.Values{imported.LastTextField: {seedJSONText(t, "002")}}, nil},
		{"text file", nil, map[string]webtest.File{imported.LastFileField: {Name: "上年.txt", Data: []byte(text)}}},
		{"JSON file", nil, map[string]webtest.File{imported.LastFileField: {Name: "上年.json", Data: []byte(seedJSONText(t, "002"))}}},
		{"web page", nil, map[string]webtest.File{imported.LastFileField: {Name: "上年.htm", Data: seedFile(t, "html")}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fields := url.Values{"text": {text}}
			for k, v := range tc.fields {
				fields[k] = v
			}
			res := c.PostMultipart(t, paths.CheckText, fields, tc.files)
			if res.Status != http.StatusOK {
				t.Fatalf("status %d: %s", res.Status, res.Doc(t).Find(".field-error").Text())
			}
			d := res.Doc(t)
			got := w10(d)
			if len(got) != 2 || !strings.HasPrefix(got[0], "第一部分有100%的句子") || !strings.HasPrefix(got[1], "第五部分有100%的句子") {
				t.Fatalf("W10 findings %q, want 第一部分 and 第五部分 at 100%%", got)
			}
			for _, m := range got {
				if !strings.Contains(m, "与2024年报告相同") {
					t.Errorf("W10 %q does not name last year's report", m)
				}
			}
			if line := d.Find(`[data-testid=last-year]`).Text(); !strings.Contains(line, "已与上年报告") || !strings.Contains(line, "瑞安市人民政府办公室") {
				t.Errorf("the page says %q of last year's report", line)
			}
			carried := d.Find(`form.confirm-form input[name="`+imported.LastTextField+`"]`).AttrOr("value", "")
			if carried == "" {
				t.Fatal("the 修改文本 form does not carry last year's report")
			}
			form := c.PostMultipart(t, paths.CheckText, url.Values{"edit": {"1"}, "text": {text}, imported.LastTextField: {carried}}, nil).Doc(t)
			if box := strings.TrimPrefix(form.Find("textarea#"+imported.LastTextField).Text(), "\n"); box != carried {
				t.Errorf("修改文本 puts %.80q in the box of last year's report, want %.80q", box, carried)
			}
			again := c.PostMultipart(t, paths.CheckText, url.Values{"text": {text}, imported.LastTextField: {carried}}, nil).Doc(t)
			if g := findings(again); strings.Join(g, "\n") != strings.Join(findings(d), "\n") {
				t.Errorf("checked again from the carried text: %q, want %q", g, findings(d))
			}
		})
	}

	d := c.PostMultipart(t, paths.CheckText, url.Values{"text": {text}}, nil).Doc(t)
	if got := w10(d); len(got) != 0 {
		t.Errorf("without last year's report: W10 %q", got)
	}
	if line := d.Find(`[data-testid=last-year]`).Text(); !strings.Contains(line, "未作跨年度核对") {
		t.Errorf("without last year's report the page says %q", line)
	}
	form := c.Get(t, paths.CheckText).Doc(t)
	for _, sel := range []string{"fieldset.last-year textarea#last_text[name=last_text]", `fieldset.last-year input#last_file[type=file][name=last_file][accept*=".json"]`,
		"fieldset.last-year legend", `label[for="last_text"]`, `label[for="last_file"]`} {
		if form.Find(sel).Length() != 1 {
			t.Errorf("the form has no %s", sel)
		}
	}
}

// TestCheckTextLastYearRefused: last year's report is refused, at its own
// field and in Chinese, as this year's is — not a report, not JSON that
// reads, not a file that reads, too large — and both texts come back in
// their boxes; a refused report of this year keeps last year's text too.
func TestCheckTextLastYearRefused(t *testing.T) {
	c := checkClient(t)
	text := seedText(t, "002")
	cases := []struct {
		name         string
		fields       url.Values
		files        map[string]webtest.File
		field, error string
	}{
		{"not a report", url.Values{"text": {text}, imported.LastTextField: {"去年的报告在档案室。"}}, nil,
			imported.LastTextField, "没有找到年度报告的任何一个部分标题"},
		{"broken JSON", url.Values{"text": {text}, imported.LastTextField: {"{\n  \"format\": \"2021\",\n  \"year\": \"二〇二三\"\n}"}}, nil,
			imported.LastTextField, "不是有效的报告JSON：第3行"},
		{"too large", url.Values{"text": {text}, imported.LastTextField: {strings.Repeat("一、总体情况\n", 100000)}}, nil,
			imported.LastTextField, "超过了1 MB的上限"},
		{"binary file", url.Values{"text": {text}, imported.LastTextField: {"粘贴的上年文字"}},
			map[string]webtest.File{imported.LastFileField: {Name: "上年.bin", Data: []byte{0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7}}},
			imported.LastFileField, "无法识别这个文件"},
		{"this year's refused", url.Values{"text": {"今年的报告还没写。"}, imported.LastTextField: {text}}, nil,
			"text", "没有找到年度报告的任何一个部分标题"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := c.PostMultipart(t, paths.CheckText, tc.fields, tc.files)
			if res.Status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", res.Status)
			}
			d := res.Doc(t)
			if msg := d.Find("#" + tc.field + "-error").Text(); !strings.Contains(msg, tc.error) {
				t.Errorf("message at %s %q, want %q", tc.field, msg, tc.error)
			}
			if d.Find("#"+tc.field).AttrOr("aria-invalid", "") != "true" {
				t.Errorf("%s is not marked invalid", tc.field)
			}
			for _, name := range []string{"text", imported.LastTextField} {
				if got := strings.TrimPrefix(d.Find("textarea#"+name).Text(), "\n"); got != tc.fields.Get(name) {
					t.Errorf("the box %s holds %.60q, want what was typed %.60q", name, got, tc.fields.Get(name))
				}
			}
		})
	}
}
