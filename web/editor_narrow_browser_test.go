package web_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/demo"
	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestEditorWhenNarrow: at 800 px wide, and at 640 (200 % zoom of the
// 1280 screen), the editor's header stays on one line, the findings
// become a drawer at the bottom whose button says what they say and opens
// it, and every column of table 三 can be reached by scrolling the table
// sideways while its row labels stay in view. Screenshots looked at.
func TestEditorWhenNarrow(t *testing.T) {
	app, _ := demoApp(t)
	rec, err := app.Store.ReportByBodyYear(t.Context(), bodyNamed(t, app, demo.Education), demo.ReportYear)
	if err != nil {
		t.Fatal(err)
	}
	b := tab{t, testenv.Browser(t)}
	b.loginDemo(app.URL, "demo-clerk")
	for _, w := range []int64{800, 640} {
		name := fmt.Sprintf("editor-%dpx", w)
		b.do(chromedp.EmulateViewport(w, 800))
		b.open(app.URL + paths.ReportEdit(rec.ID))
		if over := js[int](b, `document.documentElement.scrollWidth - window.innerWidth`); over > 1 {
			t.Errorf("%s: the page scrolls sideways by %d px", name, over)
		}
		// One line: no item of the bar is taller than one line of its text.
		if tall := js[string](b, `[...document.querySelectorAll('.editor-bar h1, .editor-bar .badge, .editor-bar .button, .editor-bar .save-state, .editor-bar > div > a')]
			.filter(e => e.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(e).lineHeight || 20) - 4 && e.getBoundingClientRect().height > 40)
			.map(e => e.textContent.trim()).join(' | ')`); tall != "" {
			t.Errorf("%s: the header wraps: %s", name, tall)
		}
		if h := js[float64](b, `document.querySelector('.editor-bar').getBoundingClientRect().height`); h > 56 {
			t.Errorf("%s: the header is %.0f px tall", name, h)
		}
		side := `document.getElementById('side').getBoundingClientRect()`
		if h := js[float64](b, side+`.height`); h > 60 {
			t.Errorf("%s: the findings take %.0f px before they are opened", name, h)
		}
		if got := b.text(".drawer-toggle"); got == "检查结果：" || got == "检查结果" {
			t.Errorf("%s: the drawer's button says only %q", name, got)
		}
		testenv.ViewScreenshot(t, b.ctx, name)
		b.do(chromedp.Click(chromedp.CSS(".drawer-toggle")))
		if h := js[float64](b, side+`.height`); h < 200 || js[string](b, `document.querySelector('.drawer-toggle').getAttribute('aria-expanded')`) != "true" {
			t.Errorf("%s: the opened drawer is %.0f px", name, h)
		}
		testenv.ViewScreenshot(t, b.ctx, name+"-drawer")
		for _, v := range testenv.Axe(t, b.ctx) {
			t.Errorf("%s with the drawer open: %s", name, v)
		}
		// A finding in the drawer goes to its place and the drawer gives way.
		b.do(chromedp.Click(chromedp.CSS("#side [data-focus]")))
		if open := js[bool](b, `document.getElementById('side').classList.contains('open')`); open || b.active() == "" {
			t.Errorf("%s: after a finding is clicked the drawer is open=%v, focus on %q", name, open, b.active())
		}

		// Table 三: scroll its box to the right end; the last column's cells
		// and the row labels are both in view.
		b.do(chromedp.ScrollIntoView(chromedp.CSS(`table.grid-requests`)))
		js[bool](b, `(() => { const w = document.querySelector('table.grid-requests').closest('.table-wrap'); w.scrollLeft = w.scrollWidth; return true })()`)
		last := js[float64](b, `(() => { const r = document.querySelector('table.grid-requests tbody tr'); return r.lastElementChild.getBoundingClientRect().right })()`)
		label := js[float64](b, `document.querySelector('table.grid-requests tbody th').getBoundingClientRect().left`)
		if last > float64(w)+1 || label < -1 {
			t.Errorf("%s: after scrolling, the last column ends at %.0f, the row label starts at %.0f (window %d)", name, last, label, w)
		}
		if cols := js[int](b, `document.querySelector('table.grid-requests tbody tr').querySelectorAll('td').length`); cols != 7 {
			t.Errorf("%s: table 三 has %d value columns, want 7", name, cols)
		}
		testenv.ViewScreenshot(t, b.ctx, name+"-table3")
	}
}
