package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestOpenDataInBrowser: a reader chooses in the form — two bodies, one
// year — and gets the figures side by side at a stable address, at
// 1280×800; the screenshots are for a person to look at.
func TestOpenDataInBrowser(t *testing.T) {
	o := newOpenDataApp(t)
	b := tab{t, testenv.Browser(t)}
	b.do(chromedp.Navigate(o.app.URL+paths.PublicData), chromedp.WaitReady(chromedp.ID("data-body")))
	b.do(chromedp.SetValue(chromedp.CSS(`#data-body`), fmt.Sprint(o.a)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector('#data-body option[value="%d"]').selected = true`, o.b)),
		chromedp.Click(chromedp.CSS(`input[name=year][value="2024"]`)))
	b.submitVia(`.data-choice button[type=submit]`)
	b.do(chromedp.WaitReady(chromedp.CSS(".data-table")))
	if got := js[string](b, `location.search`); got != fmt.Sprintf("?body=%d&body=%d&year=2024", min(o.a, o.b), max(o.a, o.b)) {
		t.Errorf("the choice's address is %q", got)
	}
	heads := js[string](b, `[...document.querySelectorAll('.data-table thead th a')].map(a => a.textContent).join('|')`)
	if heads != "乙局|甲局" {
		t.Errorf("columns %q", heads)
	}
	if got := js[string](b, `document.querySelector('.data-table tr.rate td.num').textContent`); !strings.HasSuffix(got, "%") {
		t.Errorf("公开率 shows %q", got)
	}
	testenv.ViewScreenshot(t, b.ctx, "open-data")
	b.do(chromedp.ScrollIntoView(chromedp.CSS(".data-figures")))
	testenv.ViewScreenshot(t, b.ctx, "open-data-figures")
}

// TestPublicationPageInBrowser: the publication page with its embed code,
// for a person to look at.
func TestPublicationPageInBrowser(t *testing.T) {
	a := newReviewApp(t)
	publish(t, a)
	b := tab{t, testenv.Browser(t)}
	b.login(a.app.URL, "clerk")
	b.open(a.app.URL + paths.ReportPortal(a.report))
	if got := js[string](b, `document.querySelector('textarea.embed-code').value.slice(0, 26)`); got != `<div class="nianbao-embed"` {
		t.Errorf("embed code starts %q", got)
	}
	testenv.ViewScreenshot(t, b.ctx, "publication-page")
	b.open(a.app.URL + paths.PublicYearURL(a.bureau, 2024))
	testenv.ViewScreenshot(t, b.ctx, "public-downloads")
}
