package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nianbao/internal/testenv"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// followedTo is where following a finding led in a page: the element with
// focus, the words selected, whether they are in view, the cell marked
// and what the status line says.
type followedTo struct {
	Focus, Selected, Marked, Status string
	InView                          bool
}

// followed reads where the last finding followed led.
func (b tab) followed() followedTo {
	b.t.Helper()
	return js[followedTo](b, `(() => {
		const s = window.getSelection(), m = document.querySelector('.finding-named');
		let inView = false;
		if (s.rangeCount) {
			const r = s.getRangeAt(0).getBoundingClientRect();
			inView = r.height > 0 && r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
		}
		return {Focus: document.activeElement.id, Selected: s.toString(), Marked: m ? m.id : '',
			Status: (document.getElementById('finding-status') || {}).textContent || '', InView: inView};
	})()`)
}

// resetFollowed puts focus, selection, mark and scroll back to the start.
func (b tab) resetFollowed() {
	b.t.Helper()
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { window.getSelection().removeAllRanges();
		document.querySelectorAll('.finding-named').forEach(e => e.classList.remove('finding-named'));
		const s = document.getElementById('finding-status'); if (s) s.textContent = '';
		document.activeElement.blur(); window.scrollTo(0, 0) })()`))
}

// TestFindingGoesToPlaceOnCheckAndReview: at 1280×800, on /check of
// seed 002's published text saying 230 现行有效规范性文件 where its table
// has 231, and on the review page of that report, following the W2
// finding by a click or by Enter moves focus to the line (/check) or the
// paragraph (review page) that states the figure, selects the words it
// quotes there, in view, marks the cell it names and says so; its second
// link, by Enter, moves focus to that cell.
func TestFindingGoesToPlaceOnCheckAndReview(t *testing.T) {
	a := newReviewApp(t)
	a.save(t, narrativeSlip(t))
	text := strings.Replace(seedText(t, "002"), "现行有效规范性文件共231件", "现行有效规范性文件共230件", 1)
	const quote = "现行有效规范性文件共230件"
	w2 := `#findings li.finding[data-rule="W2"] > a[data-quote]`
	cellLink := `#findings li.finding[data-rule="W2"] a.finding-cell`

	check := tab{t, testenv.Browser(t)}
	check.login(a.app.URL, "clerk")
	check.open(a.app.URL + paths.CheckText)
	check.do(chromedp.SetValue(chromedp.ID("text"), text))
	check.navigate(chromedp.Click(chromedp.CSS(`form.paste-form button[type=submit]`)))
	review := tab{t, testenv.Browser(t)}
	review.login(a.app.URL, "reviewer")
	review.open(a.app.URL + paths.ReportView(a.report))

	cell := "active.normative_docs.in_force"
	for _, page := range []struct {
		name         string
		b            tab
		place, cell  string
		placeHolding string
	}{
		{"/check", check, "line-", imported.CellDOMID(cell), `li[id^="line-"]`},
		{"the review page", review, "p-overview-", "v-active-normative_docs-in_force", `p[id^="p-overview-"]`},
	} {
		b := page.b
		if n := js[int](b, `document.querySelectorAll('`+w2+`').length`); n != 1 {
			t.Fatalf("%s: %d W2 findings with a quote, want 1: %s", page.name, n, b.text("#findings"))
		}
		for _, how := range []string{"a click", "Enter"} {
			b.resetFollowed()
			if how == "a click" {
				b.do(chromedp.Click(chromedp.CSS(w2)))
			} else {
				b.do(chromedp.Focus(chromedp.CSS(w2)), chromedp.KeyEvent(kb.Enter))
			}
			got := b.followed()
			holder := js[string](b, fmt.Sprintf(`(() => { const s = window.getSelection();
				return s.rangeCount ? (s.getRangeAt(0).startContainer.parentElement.closest('%s') || {}).id || '' : '' })()`, page.placeHolding))
			switch {
			case !strings.HasPrefix(got.Focus, page.place):
				t.Errorf("%s, %s: focus is on %q, want the %s… that states the figure", page.name, how, got.Focus, page.place)
			case holder != got.Focus:
				t.Errorf("%s, %s: the selection is in %q, not in %q that has focus", page.name, how, holder, got.Focus)
			case got.Selected != quote:
				t.Errorf("%s, %s: %q selected, want %q", page.name, how, got.Selected, quote)
			case !got.InView:
				t.Errorf("%s, %s: the selected words are not in view", page.name, how)
			}
			if got.Marked != page.cell {
				t.Errorf("%s, %s: the cell marked is %q, want %s", page.name, how, got.Marked, page.cell)
			}
			if !strings.Contains(got.Status, "已选中所说的句子") || !strings.Contains(got.Status, "现行有效件数") {
				t.Errorf("%s, %s: the status line says %q", page.name, how, got.Status)
			}
		}
		testenv.ViewScreenshot(t, b.ctx, "finding-place-"+strings.Trim(page.place, "-"))
		b.do(chromedp.Focus(chromedp.CSS(cellLink)), chromedp.KeyEvent(kb.Enter))
		if got := b.active(); got != page.cell {
			t.Errorf("%s: the cell link moved focus to %q, want %s", page.name, got, page.cell)
		}
	}
}
