package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestLocalRulesSetAndShown: an administrator of a city sets a limit and
// the items for 第一部分; a bureau below the city has them (its page says
// so), its clerk sees them under the text box and gets W13 and W14 live,
// its reviewer sees them beside the findings; a refused limit comes back
// at its field with what was typed; both fields blank removes the rules.
func TestLocalRulesSetAndShown(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	bureau := app.Body(t, city, "瑞安市人民政府办公室", org.Department)
	app.User(t, "admin", auth.Grant{Body: city, Role: auth.Admin})
	app.User(t, "clerk", auth.Grant{Body: bureau, Role: auth.Clerk})
	app.User(t, "reviewer", auth.Grant{Body: bureau, Role: auth.Reviewer})
	admin, clerk, reviewer := app.Client(t, "admin"), app.Client(t, "clerk"), app.Client(t, "reviewer")
	id := app.Report(t, bureau, 2024)

	if h := admin.Get(t, paths.AdminBodyURL(bureau)).Doc(t).Find("#rules-holding").Text(); !strings.Contains(h, "都没有设置") {
		t.Errorf("before any rules the bureau's page says %q", h)
	}
	res := admin.PostForm(t, paths.AdminBodyRulesURL(city), url.Values{"overview_max": {"一千字"}, "overview_items": {"政策解读"}})
	d := res.Doc(t)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(d.Find("#overview_max-error").Text(), "请填写整数") ||
		d.Find("#overview_max").AttrOr("value", "") != "一千字" || d.Find("#overview_items").Text() != "政策解读" {
		t.Errorf("a limit in words: status %d, error %q, kept %q / %q", res.Status, d.Find("#overview_max-error").Text(),
			d.Find("#overview_max").AttrOr("value", ""), d.Find("#overview_items").Text())
	}
	// Seed 002's 第一部分 has 906 characters besides spaces and line
	// breaks; it speaks of 政策解读 and of no 政务公开专区 or 公开专栏.
	res = admin.PostForm(t, paths.AdminBodyRulesURL(city), url.Values{"overview_max": {"900"}, "overview_items": {"政策解读\n政务公开专区/公开专栏\n"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("saving the rules: status %d", res.Status)
	}
	if h := admin.Get(t, paths.AdminBodyURL(bureau)).Doc(t).Find("#rules-holding").Text(); !strings.Contains(h, "现适用上级机关“某市人民政府”的要求：第一部分不超过900字") {
		t.Errorf("the bureau's page says %q", h)
	}
	if v := admin.Get(t, paths.AdminBodyURL(city)).Doc(t).Find("#overview_max").AttrOr("value", ""); v != "900" {
		t.Errorf("the city's form shows the limit %q", v)
	}

	wantLine := "本地区要求（某市人民政府设置）：第一部分不超过900字（空格和换行不计）；第一部分须写明：政策解读、政务公开专区/公开专栏。"
	if line := clerk.Get(t, paths.ReportEdit(id)).Doc(t).Find("#local-rules").Text(); line != wantLine {
		t.Errorf("the editor says %q, want %q", line, wantLine)
	}
	_, d = check(t, clerk, id, 1, seedForm(t, "002"))
	want := []string{"W13 第一部分共906字，超过本地区规定的900字（某市人民政府的规定），请精简6字以上",
		"W14 第一部分没有写到本地区要求写明的“政务公开专区/公开专栏”（某市人民政府的规定）"}
	if got := localFindings(d); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("live check:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if f := d.Find(`#findings li.finding[data-rule="W14"] a`).AttrOr("data-focus", ""); f != "f-narrative-overview" {
		t.Errorf("W14 points at %q", f)
	}
	page := reviewer.Get(t, paths.ReportView(id)).Doc(t)
	if line := page.Find("#local-rules").Text(); line != wantLine {
		t.Errorf("the review page says %q", line)
	}
	if got := localFindings(page); len(got) != 2 {
		t.Errorf("the review page lists %v", got)
	}

	if res := admin.PostForm(t, paths.AdminBodyRulesURL(city), url.Values{"overview_max": {""}, "overview_items": {""}}); res.Status != http.StatusSeeOther {
		t.Fatalf("removing the rules: status %d", res.Status)
	}
	_, d = check(t, clerk, id, 2, url.Values{"narrative.overview": {seedForm(t, "002").Get("narrative.overview") + "另外。"}})
	if got := localFindings(d); len(got) != 0 {
		t.Errorf("after the rules were removed: %v", got)
	}
	if clerk.Get(t, paths.ReportEdit(id)).Doc(t).Find("#local-rules").Length() != 0 {
		t.Error("the editor still shows rules")
	}
}

// localFindings are the W13 and W14 of a findings panel, "rule message".
func localFindings(d interface {
	Find(string) *goquery.Selection
}) []string {
	var out []string
	d.Find(`#findings li.finding`).Each(func(_ int, li *goquery.Selection) {
		if r := li.AttrOr("data-rule", ""); r == "W13" || r == "W14" {
			out = append(out, r+" "+strings.TrimSpace(li.Find("a").Text()))
		}
	})
	return out
}
