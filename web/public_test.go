package web_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// publish takes the review app's report, filled with seed 002, through
// submission, approval and publication.
func publish(t *testing.T, a *reviewApp) {
	t.Helper()
	a.save(t, seedForm(t, "002"))
	for _, step := range []struct {
		who    string
		action string
	}{{"clerk", "submit"}, {"reviewer", "approve"}, {"reviewer", "publish"}} {
		client := a.clerk
		if step.who == "reviewer" {
			client = a.reviewer
		}
		if res := act(t, client, a.report, step.action, nil); res.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %.300s", step.action, res.Status, res.Body)
		}
	}
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// TestPublicPages: anyone reads a published report without logging in —
// the list of bodies, the body's reports, the page, the PDF whose digest
// the page shows, the JSON with its revision — and a correction is marked
// while the first revision stays readable at its address.
func TestPublicPages(t *testing.T) {
	a := newReviewApp(t)
	publish(t, a)
	anon := a.app.Anonymous(t)

	if got := anon.Get(t, paths.Public).Doc(t).Find(".public-bodies a").Text(); got != "瑞安市人民政府办公室" {
		t.Errorf("index lists %q", got)
	}
	body := anon.Get(t, paths.PublicBodyURL(a.bureau)).Doc(t)
	if got := body.Find(".public-years > li > a").First().Text(); got != "2024年度报告" {
		t.Errorf("body page lists %q", got)
	}
	page := anon.Get(t, paths.PublicYearURL(a.bureau, 2024))
	if page.Status != http.StatusOK {
		t.Fatalf("report page: %d", page.Status)
	}
	doc := page.Doc(t)
	shown := doc.Find(".digest code").Text()
	if got := doc.Find(`td#v-requests-new_received-total`).Text(); got != "134" {
		t.Errorf("the page shows 新收 总计 %q", got)
	}
	if got := doc.Find(".report-publication").Text(); !strings.HasPrefix(got, "第1版") {
		t.Errorf("publication line %q", got)
	}

	pdf := anon.Get(t, paths.PublicPDFURL(a.bureau, 2024, 1))
	if pdf.Status != http.StatusOK || pdf.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf.Body, "%PDF") {
		t.Fatalf("PDF: %d %s", pdf.Status, pdf.Header.Get("Content-Type"))
	}
	if got := sha([]byte(pdf.Body)); got != shown {
		t.Errorf("the page shows digest %s, the PDF has %s", shown, got)
	}
	js := anon.Get(t, paths.PublicJSONURL(a.bureau, 2024, 1))
	r, err := report.Decode([]byte(js.Body))
	if err != nil || r.Publication == nil || r.Publication.Revision != 1 || r.Publication.Date == "" {
		t.Fatalf("JSON: %v %+v", err, r)
	}
	if v, _ := r.Get("requests.handled_total.total"); v != report.Num(125) {
		t.Errorf("JSON 总计 %v", v)
	}
	if !strings.Contains(js.Header.Get("Content-Disposition"), "attachment") {
		t.Error("the JSON is not offered as a download")
	}

	// A correction, published as revision 2.
	act(t, a.clerk, a.report, "correct", url.Values{"reason": {"更正第二部分行政规范性文件件数"}})
	a.save(t, url.Values{"active.normative_docs.issued": {"21"}, "active.normative_docs.in_force": {"232"},
		"narrative.overview": {correctedOverview(t)}})
	act(t, a.clerk, a.report, "submit", nil)
	act(t, a.reviewer, a.report, "approve", nil)
	if res := act(t, a.reviewer, a.report, "publish", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("publish the correction: %d", res.Status)
	}
	body = anon.Get(t, paths.PublicBodyURL(a.bureau)).Doc(t)
	if !strings.Contains(body.Find(".public-years").Text(), "已更正（第2版）") || body.Find(".earlier li").Length() != 1 {
		t.Errorf("the body page does not mark the correction: %q", body.Find(".public-years").Text())
	}
	latest := anon.Get(t, paths.PublicYearURL(a.bureau, 2024)).Doc(t)
	if !strings.Contains(latest.Find(".report-correction").Text(), "更正第二部分行政规范性文件件数") {
		t.Errorf("the latest revision lacks its 更正说明: %q", latest.Find(".report-correction").Text())
	}
	old := anon.Get(t, paths.PublicRevisionURL(a.bureau, 2024, 1)).Doc(t)
	if old.Find(`td#v-active-normative_docs-issued`).Text() != "20" || !strings.Contains(old.Find(".notice").Text(), "已被更正") {
		t.Errorf("revision 1 is not as published, or not marked as corrected")
	}
	if oldPDF := anon.Get(t, paths.PublicPDFURL(a.bureau, 2024, 1)); sha([]byte(oldPDF.Body)) != shown {
		t.Error("revision 1's PDF changed after the correction")
	}

	// Nothing of an unpublished body is public.
	other := a.app.Body(t, 0, "未发布的机关", "department")
	a.app.Report(t, other, 2024)
	for _, p := range []string{paths.PublicBodyURL(other), paths.PublicYearURL(other, 2024), paths.PublicPDFURL(other, 2024, 1)} {
		if res := anon.Get(t, p); res.Status != http.StatusNotFound {
			t.Errorf("GET %s: %d", p, res.Status)
		}
	}
}

// TestPublicPageInBrowser: the published page at 1280×800 in Chromium,
// for a person to look at.
func TestPublicPageInBrowser(t *testing.T) {
	a := newReviewApp(t)
	publish(t, a)
	b := tab{t, testenv.Browser(t)}
	b.do(chromedp.Navigate(a.app.URL+paths.PublicYearURL(a.bureau, 2024)), chromedp.WaitReady(chromedp.ID("table-requests")))
	if got := b.text(".digest code"); len(got) != 64 {
		t.Errorf("digest %q", got)
	}
	testenv.ViewScreenshot(t, b.ctx, "public-report")
	testenv.Screenshot(t, b.ctx, "public-report-full")
}
