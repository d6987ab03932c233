package web_test

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/docx"
	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/internal/store"
	"nianbao/web/paths"
)

// TestPublishedFiles: the public page offers Word, PDF, the tables and
// the JSON; each file is made from the JSON as published (equal to what
// internal/docx and internal/sheet make of it) and comes as a download
// with its own tag; the editor and the review page offer the draft's
// Word to its readers.
func TestPublishedFiles(t *testing.T) {
	a := newReviewApp(t)
	a.save(t, seedForm(t, "002"))
	draft := a.clerk.Get(t, paths.ReportEdit(a.report)).Doc(t)
	if draft.Find(`a[href="`+paths.ReportDOCX(a.report)+`"]`).Length() != 1 {
		t.Error("the editor offers no Word download of the draft")
	}
	res := a.reviewer.Get(t, paths.ReportDOCX(a.report))
	if res.Status != http.StatusOK || res.Header.Get("Content-Type") != docx.ContentType || !strings.HasPrefix(res.Body, "PK") {
		t.Fatalf("draft docx: %d %s", res.Status, res.Header.Get("Content-Type"))
	}
	if !strings.Contains(res.Header.Get("Cache-Control"), "no-store") {
		t.Error("a draft's Word file may be cached")
	}
	if a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t).Find(`a[href="`+paths.ReportDOCX(a.report)+`"]`).Length() != 1 {
		t.Error("the review page offers no Word download")
	}
	if res := a.app.Anonymous(t).Get(t, paths.ReportDOCX(a.report)); res.Status != http.StatusSeeOther {
		t.Errorf("the draft's Word to an anonymous reader: %d", res.Status)
	}

	publish(t, a)
	anon := a.app.Anonymous(t)
	page := anon.Get(t, paths.PublicYearURL(a.bureau, 2024)).Doc(t)
	js := anon.Get(t, paths.PublicJSONURL(a.bureau, 2024, 1))
	r, err := report.Decode([]byte(js.Body))
	if err != nil {
		t.Fatal(err)
	}
	files := []struct {
		label, url, contentType string
		write                   func(*bytes.Buffer) error
	}{
		{"下载Word", paths.PublicDOCXURL(a.bureau, 2024, 1), docx.ContentType, func(b *bytes.Buffer) error { return docx.Write(b, r) }},
		{"下载表格（Excel）", paths.PublicXLSXURL(a.bureau, 2024, 1), sheet.ContentType, nil},
		{"下载表格（CSV）", paths.PublicCSVURL(a.bureau, 2024, 1), "text/csv; charset=utf-8", func(b *bytes.Buffer) error { return sheet.WriteReportCSV(b, r) }},
		{"下载PDF", paths.PublicPDFURL(a.bureau, 2024, 1), "application/pdf", nil},
	}
	tags := map[string]bool{}
	for _, f := range files {
		link := page.Find(".downloads a").FilterFunction(func(_ int, s *goquery.Selection) bool { return s.Text() == f.label })
		if href, _ := link.Attr("href"); href != f.url {
			t.Errorf("%s links to %q, want %s", f.label, href, f.url)
		}
		res := anon.Get(t, f.url)
		if res.Status != http.StatusOK || res.Header.Get("Content-Type") != f.contentType {
			t.Errorf("%s: %d %s", f.url, res.Status, res.Header.Get("Content-Type"))
			continue
		}
		if !strings.Contains(res.Header.Get("Content-Disposition"), "attachment") {
			t.Errorf("%s is not a download", f.url)
		}
		tag := res.Header.Get("ETag")
		if tags[tag] {
			t.Errorf("%s shares its ETag %s with another file", f.url, tag)
		}
		tags[tag] = true
		if f.write != nil {
			var want bytes.Buffer
			if err := f.write(&want); err != nil {
				t.Fatal(err)
			}
			if res.Body != want.String() {
				t.Errorf("%s is not made from the published JSON", f.url)
			}
		}
	}
	if got, _ := anon.Get(t, paths.PublicBodyURL(a.bureau)).Doc(t).Find(".public-years a").Eq(2).Attr("href"); got != paths.PublicDOCXURL(a.bureau, 2024, 1) {
		t.Errorf("the body page's Word link is %q", got)
	}
}

var onAttr = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)

// TestEmbedFragment: the fragment for a portal's CMS has the report's
// markup, a stylesheet whose every rule is scoped to the fragment, no
// script and no event handler, and absolute permanent links that all
// answer.
func TestEmbedFragment(t *testing.T) {
	a := newReviewApp(t)
	publish(t, a)
	anon := a.app.Anonymous(t)
	res := anon.Get(t, paths.PublicEmbedURL(a.bureau, 2024, 1))
	if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("embed: %d %s", res.Status, res.Header.Get("Content-Type"))
	}
	if strings.Contains(strings.ToLower(res.Body), "<script") || onAttr.MatchString(res.Body) || strings.Contains(res.Body, "javascript:") {
		t.Error("the fragment has script")
	}
	if strings.HasPrefix(strings.TrimSpace(strings.ToLower(res.Body)), "<!doctype") || strings.Contains(res.Body, "<html") {
		t.Error("the fragment is a whole page, not a fragment")
	}
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(res.Body))
	if err != nil {
		t.Fatal(err)
	}
	root := doc.Find("body > div.nianbao-embed")
	if root.Length() != 1 {
		t.Fatal("the fragment is not one div.nianbao-embed")
	}
	if got := root.Find("td#v-requests-new_received-total").Text(); got != "134" {
		t.Errorf("the fragment shows 新收 总计 %q", got)
	}
	css := root.Find("style").Text()
	if len(css) < 200 {
		t.Fatalf("stylesheet too short: %q", css)
	}
	sels := selectors(css)
	if len(sels) < 20 {
		t.Fatalf("%d rules read from the stylesheet: %q", len(sels), sels)
	}
	for _, sel := range sels {
		if !strings.HasPrefix(sel, ".nianbao-embed") {
			t.Errorf("rule %q is not scoped to the fragment", sel)
		}
	}
	if strings.Contains(css, "@page") || strings.Contains(css, "@import") || strings.Contains(css, "url(") {
		t.Error("the stylesheet reaches outside the fragment")
	}
	links := root.Find(".nianbao-embed-links a")
	if links.Length() < 5 {
		t.Fatalf("%d permanent links", links.Length())
	}
	links.Each(func(_ int, s *goquery.Selection) {
		href, _ := s.Attr("href")
		u, err := url.Parse(href)
		if err != nil || u.Scheme != "http" || u.Host == "" {
			t.Errorf("link %q is not absolute", href)
			return
		}
		if res := anon.Get(t, u.Path); res.Status != http.StatusOK {
			t.Errorf("%s (%s): %d", s.Text(), u.Path, res.Status)
		}
	})
}

// selectors lists the selectors of a stylesheet's rules (inside @media too).
func selectors(css string) []string {
	var out []string
	for _, part := range strings.Split(css, "}") {
		head, _, ok := strings.Cut(part, "{")
		if !ok {
			continue
		}
		if i := strings.LastIndex(head, "{"); i >= 0 {
			head = head[i+1:]
		}
		head = strings.TrimSpace(head)
		if strings.HasPrefix(head, "@media") {
			_, head, _ = strings.Cut(head, "{")
		}
		for _, sel := range strings.Split(head, ",") {
			if sel = strings.TrimSpace(sel); sel != "" && !strings.HasPrefix(sel, "@") {
				out = append(out, sel)
			}
		}
	}
	return out
}

// TestPortalAddress: after publishing, the clerk records the portal
// address (回填) on the publication page: a wrong address is refused with
// the reason at the field and the typed text kept; a good one is saved,
// audited, shown on the board and linked from the public page. The page
// offers the embed code and the permanent links.
func TestPortalAddress(t *testing.T) {
	a := newReviewApp(t)
	publish(t, a)
	pageURL := paths.ReportPortal(a.report)
	if a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t).Find(`a[href="`+pageURL+`"]`).Length() != 1 {
		t.Error("the review page does not link the publication page")
	}
	doc := a.clerk.Get(t, pageURL).Doc(t)
	code := doc.Find("textarea.embed-code").Text()
	if !strings.HasPrefix(code, `<div class="nianbao-embed"`) {
		t.Errorf("embed code starts %.60q", code)
	}
	if doc.Find(".publish-links a").Length() < 6 {
		t.Error("the permanent links are missing")
	}

	bad := "www.example.gov.cn/没有协议"
	res := a.clerk.PostForm(t, pageURL, url.Values{"revision": {"1"}, "url": {bad}})
	if res.Status != http.StatusUnprocessableEntity {
		t.Fatalf("a bad address: %d", res.Status)
	}
	form := res.Doc(t)
	if got, _ := form.Find("#portal-1").Attr("value"); got != bad {
		t.Errorf("the typed address is lost: %q", got)
	}
	if !strings.Contains(form.Find("#portal-1-error").Text(), "http://") {
		t.Errorf("no reason at the field: %q", form.Find(".field-error").Text())
	}
	if res := a.clerk.PostForm(t, pageURL, url.Values{"revision": {"2"}, "url": {"https://a.gov.cn/x"}}); res.Status != http.StatusConflict {
		t.Errorf("an unpublished revision: %d", res.Status)
	}
	if res := a.supervisor.PostForm(t, pageURL, url.Values{"revision": {"1"}, "url": {"https://a.gov.cn/x"}}); res.Status != http.StatusForbidden {
		t.Errorf("a supervisor records the address: %d", res.Status)
	}

	good := "https://www.ruian.gov.cn/art/2025/1/20/art_1229.html"
	if res := a.clerk.PostForm(t, pageURL, url.Values{"revision": {"1"}, "url": {good}}); res.Status != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", res.Status, res.Body)
	}
	if got, _ := a.clerk.Get(t, pageURL).Doc(t).Find("#portal-1").Attr("value"); got != good {
		t.Errorf("the page shows %q", got)
	}
	if got, _ := a.app.Anonymous(t).Get(t, paths.PublicYearURL(a.bureau, 2024)).Doc(t).Find(".portal-link a").Attr("href"); got != good {
		t.Errorf("the public page links %q", got)
	}
	if got, _ := a.supervisor.Get(t, paths.BoardYear(2024)).Doc(t).Find("a.portal-link").Attr("href"); got != good {
		t.Errorf("the board links %q", got)
	}
	log, err := a.app.Store.AuditLog(context.Background(), store.AuditFilter{ReportID: a.report, Action: store.ActPortal})
	if err != nil || len(log) != 1 || !strings.Contains(log[0].Detail, good) {
		t.Errorf("audit: %v %+v", err, log)
	}
}
