package web_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestPagesAt200Percent: at 200 % zoom on the 1280×800 screen — 640 CSS
// pixels across, as the browser lays it out — the public pages lose no
// content: the page itself never scrolls sideways (a wide table scrolls
// inside its own box, which keyboard users can reach), and every table
// cell of the report is still in the document at its size. Screenshots
// for a person to look at.
func TestPagesAt200Percent(t *testing.T) {
	app, _ := demoApp(t)
	b := tab{t, testenv.Browser(t)}
	b.do(chromedp.EmulateViewport(640, 400, chromedp.EmulateScale(2)))
	b.open(app.URL + paths.Public)
	bodyURL := js[string](b, `document.querySelector('.public-bodies a').href`)
	b.open(bodyURL)
	reportURL := js[string](b, `document.querySelector('main li a[href*="/public/bodies/"]').href`)
	pages := []struct{ name, url string }{
		{"public-index", app.URL + paths.Public},
		{"public-body", bodyURL},
		{"public-report", reportURL},
		{"open-data", app.URL + paths.PublicData},
		{"login", app.URL + paths.Login},
	}
	for _, p := range pages {
		b.open(p.url)
		if over := js[int](b, `document.documentElement.scrollWidth - window.innerWidth`); over > 1 {
			t.Errorf("%s scrolls sideways by %d px at 200%%: %s", p.name, over, js[string](b, widest))
		}
		if bad := js[string](b, unreachableTables); bad != "" {
			t.Errorf("%s: a wide table that cannot be scrolled to: %s", p.name, bad)
		}
		testenv.ViewScreenshot(t, b.ctx, "zoom200-"+p.name)
	}
	b.open(reportURL)
	if n := js[int](b, `document.querySelectorAll('main table td').length`); n < 100 {
		t.Errorf("the report at 200%% shows %d table cells", n)
	}
}

// widest names the element that sticks out furthest on the right.
const widest = `(() => { let w = null, r = 0; for (const e of document.querySelectorAll('body *')) {
	const x = e.getBoundingClientRect().right; if (x > r) { r = x; w = e } }
	return w ? w.tagName + '.' + w.className + ' ' + Math.round(r) : '' })()`

// unreachableTables lists tables wider than the page whose box neither
// scrolls nor can take the keyboard's focus.
const unreachableTables = `[...document.querySelectorAll('main table')].filter(t => t.scrollWidth > window.innerWidth).filter(t => {
	for (let e = t.parentElement; e && e !== document.body; e = e.parentElement) {
		const s = getComputedStyle(e);
		if (/(auto|scroll)/.test(s.overflowX) && e.clientWidth < e.scrollWidth) return !(e.tabIndex >= 0);
	}
	return true }).map(t => t.closest('section') ? t.closest('section').querySelector('h2,h3')?.textContent : t.className).join(', ')`

// TestLargeModeOnPublicPages: the 长者模式 switch in the public pages' bar
// makes the type large (22 px) and the contrast high, says it is on
// (aria-pressed), stays on when the reader goes to the next page and
// comes back, passes axe-core as it stands, and goes off again. The
// pages of logged-in users do not offer it.
func TestLargeModeOnPublicPages(t *testing.T) {
	app, _ := demoApp(t)
	b := tab{t, testenv.Browser(t)}
	b.open(app.URL + paths.Public)
	reportURL := func() string {
		b.open(js[string](b, `document.querySelector('.public-bodies a').href`))
		return js[string](b, `document.querySelector('main li a[href*="/public/bodies/"]').href`)
	}()
	b.open(reportURL)
	size := func() string { return js[string](b, `getComputedStyle(document.documentElement).fontSize`) }
	normal := size()
	if js[bool](b, `document.getElementById('large-mode').hidden`) {
		t.Fatal("the switch is hidden on a public page")
	}
	b.do(chromedp.Click(chromedp.ID("large-mode")))
	if got := size(); got != "22px" || js[string](b, `document.getElementById('large-mode').getAttribute('aria-pressed')`) != "true" {
		t.Errorf("after the switch: font-size %s (was %s), aria-pressed %s", got, normal,
			js[string](b, `document.getElementById('large-mode').getAttribute('aria-pressed')`))
	}
	b.open(app.URL + paths.PublicData)
	if got := size(); got != "22px" {
		t.Errorf("the next page is back to %s", got)
	}
	for _, v := range testenv.Axe(t, b.ctx) {
		t.Errorf("开放数据 in 长者模式: %s", v)
	}
	b.open(reportURL)
	for _, v := range testenv.Axe(t, b.ctx) {
		t.Errorf("the report in 长者模式: %s", v)
	}
	testenv.ViewScreenshot(t, b.ctx, "large-mode-report")
	b.do(chromedp.Click(chromedp.ID("large-mode")))
	if got := size(); got != normal {
		t.Errorf("switched off: %s, want %s", got, normal)
	}
	b.loginDemo(app.URL, "demo-clerk")
	b.open(app.URL + paths.Home)
	if n := js[int](b, `document.querySelectorAll('#large-mode').length`); n != 0 {
		t.Errorf("a logged-in page offers 长者模式 (%d)", n)
	}
}
