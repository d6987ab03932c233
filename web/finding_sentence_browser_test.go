package web_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// slipSentence is the sentence of the text that contradicts the table in
// TestFindingGoesToSentenceInBrowser, written as seed 002 writes figures;
// slipClause is what the finding quotes of it (all of a sentence this
// short, without the mark that ends it).
const (
	slipSentence = "截至年底，本机关现行有效规范性文件共230件，均已在门户网站公开。"
	slipClause   = "截至年底，本机关现行有效规范性文件共230件，均已在门户网站公开"
)

// TestFindingGoesToSentenceInBrowser: in the editor at 1280×800, following
// a finding about the text (W2: the last paragraph of 第一部分 says 230
// 现行有效规范性文件, the table 231) by a click or by Enter focuses the
// text box with the quoted words selected, scrolls the box to them, marks
// the cell the finding names and says so in a status line; its second
// link goes to that cell. The words are found when the text differs from
// the quote in spaces, a line break or full-width digits. On the review
// page the same finding selects the words in the paragraph.
func TestFindingGoesToSentenceInBrowser(t *testing.T) {
	a := newReviewApp(t)
	f := seedForm(t, "002")
	f.Set("narrative.overview", f.Get("narrative.overview")+"\n"+slipSentence)
	a.save(t, f)
	b := tab{t, testenv.Browser(t)}
	b.login(a.app.URL, "clerk")
	b.open(a.app.URL + paths.ReportEdit(a.report))
	w2 := `#findings li.finding[data-rule="W2"] > a[data-quote]`
	if n := js[int](b, `document.querySelectorAll('#findings li.finding[data-rule="W2"]').length`); n != 1 {
		t.Fatalf("%d W2 findings in the editor, want 1: %s", n, b.text("#findings"))
	}
	if q := js[string](b, `document.querySelector('`+w2+`').dataset.quote`); !strings.Contains(slipSentence, q) || !strings.Contains(q, "共230件") {
		t.Fatalf("the finding quotes %q, not words of %q", q, slipSentence)
	}

	box := "f-narrative-overview"
	selected := `(() => { const a = document.getElementById('f-narrative-overview');
		return a.value.substring(a.selectionStart, a.selectionEnd) })()`
	// inView: the box is in the window, and the line where the selection
	// starts lies within the box's visible part. The line's place is
	// measured in a throwaway textarea as wide as the box holding the text
	// up to the selection (its scrollHeight), not as app.js measures it.
	inView := `(() => { const a = document.getElementById('f-narrative-overview'), r = a.getBoundingClientRect();
		const m = a.cloneNode(false); m.id = ''; m.removeAttribute('name'); m.style.height = '0'; m.style.width = r.width + 'px';
		m.value = a.value.substring(0, a.selectionStart); document.body.appendChild(m);
		const y = m.scrollHeight; m.remove();
		return r.top >= 0 && r.bottom <= innerHeight && y > a.scrollTop && y <= a.scrollTop + a.clientHeight })()`
	cellNamed := `document.getElementById('c-active-normative_docs-in_force').closest('td').classList.contains('finding-named')`
	reset := func() {
		t.Helper()
		b.do(chromedp.Evaluate[chromedp.Void](`(() => { const a = document.getElementById('f-narrative-overview');
			a.setSelectionRange(0, 0); a.scrollTop = 0; document.getElementById('paste-status').textContent = '';
			document.querySelectorAll('.finding-named').forEach(e => e.classList.remove('finding-named')); window.scrollTo(0, 0) })()`))
		b.do(chromedp.Focus(chromedp.ID("c-requests-granted-natural_person")))
	}
	followed := func(how string) {
		t.Helper()
		if got := b.active(); got != box {
			t.Errorf("%s: focus is on %q, want the text box %s", how, got, box)
		}
		if got := js[string](b, selected); got != slipClause {
			t.Errorf("%s: the text box has %q selected, want %q", how, got, slipClause)
		}
		if !js[bool](b, inView) {
			t.Errorf("%s: the selected words are not in view (scrollTop %v)", how, js[float64](b, `document.getElementById('f-narrative-overview').scrollTop`))
		}
		if !js[bool](b, cellNamed) {
			t.Errorf("%s: the cell 行政规范性文件 现行有效件数 is not marked", how)
		}
		status := b.text("#paste-status")
		if js[string](b, `document.getElementById('paste-status').getAttribute('role')`) != "status" ||
			!strings.Contains(status, "已选中所说的句子") || !strings.Contains(status, "现行有效件数") {
			t.Errorf("%s: the status line says %q", how, status)
		}
	}
	if js[float64](b, `document.getElementById('f-narrative-overview').scrollHeight - document.getElementById('f-narrative-overview').clientHeight`) < 40 {
		t.Fatal("the text box does not scroll: the test could not tell a scrolled box from one that needs none")
	}

	reset()
	b.do(chromedp.Click(chromedp.CSS(w2)))
	followed("a click")
	testenv.ViewScreenshot(t, b.ctx, "finding-sentence-selected")

	reset()
	before := b.value(box)
	b.do(chromedp.Focus(chromedp.CSS(w2)), chromedp.KeyEvent(kb.Enter))
	followed("Enter")
	if after := b.value(box); after != before {
		t.Errorf("Enter on the finding changed the text (%d characters before, %d after)", len([]rune(before)), len([]rune(after)))
	}

	// The finding's second link goes to the cell.
	b.do(chromedp.Focus(chromedp.CSS(`#findings li.finding[data-rule="W2"] a.finding-cell`)), chromedp.KeyEvent(kb.Enter))
	if got := b.active(); got != "c-active-normative_docs-in_force" {
		t.Errorf("the cell link moved focus to %q", got)
	}

	// Spaces, a line break and full-width digits between the quote and the
	// text: the words are still found (the text as it is, not the quote).
	for _, quote := range []string{"截至年底，本机关现行有效规范性文件 共２３０件，均已在门户网站公开", "截至年底，本机关现行有效\n规范性文件共230件,均已在门户网站公开"} {
		reset()
		b.do(chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.querySelector(%q).dataset.quote = %q`, w2, quote)),
			chromedp.Click(chromedp.CSS(w2)))
		if got := js[string](b, selected); got != slipClause {
			t.Errorf("quoted as %q: the text box has %q selected, want %q", quote, got, slipClause)
		}
	}

	// The review page: the finding selects the words in the paragraph.
	r := tab{t, testenv.Browser(t)}
	r.login(a.app.URL, "reviewer")
	r.open(a.app.URL + paths.ReportView(a.report))
	r.do(chromedp.Click(chromedp.CSS(w2)))
	if got := js[string](r, `window.getSelection().toString()`); got != slipClause {
		t.Errorf("the review page selects %q, want %q", got, slipClause)
	}
	if got := js[string](r, `(() => { const s = window.getSelection(); return s.rangeCount ? s.getRangeAt(0).startContainer.parentElement.closest('p').id : '' })()`); !strings.HasPrefix(got, "p-overview-") {
		t.Errorf("the selection is in %q, not a paragraph of 第一部分", got)
	}
	if !js[bool](r, `document.getElementById('v-active-normative_docs-in_force').closest('td').classList.contains('finding-named')`) {
		t.Error("the review page does not mark the cell the finding names")
	}
}
