package web_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// TestCheckText: a supervisor finds the check on the start page, pastes a
// published report and gets what was read beside the text and the
// editor's findings panel with the findings of report.Check; a slip in
// the text is pointed at by the culprit finding and marked 核 in the
// table. Nothing is stored.
func TestCheckText(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	app.User(t, "super", auth.Grant{Body: city, Role: auth.Supervisor})
	c := app.Client(t, "super")
	if c.Get(t, paths.Home).Doc(t).Find(`main a[href="`+paths.CheckText+`"]`).Length() != 1 {
		t.Error("the start page does not link to the check")
	}
	form := c.Get(t, paths.CheckText).Doc(t)
	if form.Find("form.paste-form textarea#text").Length() != 1 || form.Find(`input#file[type=file]`).Length() != 1 ||
		form.Find("input#year").Length() != 0 {
		t.Error("the check's form: want a box and a file field, no year")
	}

	for _, seed := range []string{"000", "001", "003"} {
		res := c.PostMultipart(t, paths.CheckText, url.Values{"text": {seedText(t, seed)}}, nil)
		if res.Status != http.StatusOK {
			t.Fatalf("%s: status %d", seed, res.Status)
		}
		d := res.Doc(t)
		want := seedJSON(t, seed)
		checkEveryCell(t, d, want)
		var wantMsgs []string
		for _, f := range report.Check(want, report.Options{Final: true}) {
			wantMsgs = append(wantMsgs, f.Message)
		}
		if got := findings(d); !slices.Equal(got, wantMsgs) {
			t.Errorf("%s: findings %q, want %q", seed, got, wantMsgs)
		}
		if d.Find("form.confirm-form button.primary").Length() != 0 {
			t.Errorf("%s: the check offers to store something", seed)
		}
	}

	slip := strings.Replace(seedText(t, "002"), "(一)予以公开 | 39 |", "(一)予以公开 | 38 |", 1)
	d := c.PostMultipart(t, paths.CheckText, url.Values{"text": {slip}}, nil).Doc(t)
	culprit := imported.CellDOMID("requests.granted.natural_person")
	first := d.Find("aside#findings li.finding.error a").First()
	if first.AttrOr("data-focus", "") != culprit || !strings.Contains(first.Text(), "最可能出错的是第三部分 （一）予以公开 × 自然人，按其他数字应为39") {
		t.Errorf("first finding %q → %s", first.Text(), first.AttrOr("data-focus", ""))
	}
	if td := d.Find("#" + culprit); td.AttrOr("data-state", "") != "unsure" || td.Find(".flag").Text() != "核" {
		t.Errorf("the slipped cell is not marked: %q", td.AttrOr("data-state", ""))
	}
	if !strings.Contains(d.Find("aside#findings .summary").Text(), "错误") {
		t.Errorf("summary %q", d.Find(".summary").First().Text())
	}

	var n int
	if err := app.Store.DB.QueryRow(`SELECT COUNT(*) FROM reference_reports`).Scan(&n); err != nil || n != 0 {
		t.Errorf("the check stored %d reference reports (%v)", n, err)
	}
}

// TestEditorOffersImport: the editor of a report without last year's
// report links to the import of that year; the start page offers the
// import beside the form that creates a report.
func TestEditorOffersImport(t *testing.T) {
	app, c, body := importApp(t)
	id := app.Report(t, body, 2025)
	ed := c.Get(t, paths.ReportEdit(id)).Doc(t)
	if href := ed.Find(".editor-bar a.import-link").AttrOr("href", ""); href != paths.BodyReferenceURL(body, 2024) {
		t.Errorf("import link %q", href)
	}
	page := c.Get(t, paths.BodyReferenceURL(body, 2024)).Doc(t)
	if page.Find("input#year").AttrOr("value", "") != "2024" || page.Find("form.paste-form").AttrOr("enctype", "") != "multipart/form-data" {
		t.Error("the import page does not propose 2024 in a multipart form")
	}
	home := c.Get(t, paths.Home).Doc(t)
	if home.Find(`[data-testid=body] a[href^="/bodies/"][href*="/reference"]`).Length() != 1 {
		t.Error("the start page does not offer the import")
	}
}
