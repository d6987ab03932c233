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

// box is an element's place on screen, and whether it can be read there.
type box struct {
	Top, Bottom, Left, Right, Width, Height float64
	FontSize                                float64
}

func (b tab) box(sel string) box {
	b.t.Helper()
	return js[box](b, fmt.Sprintf(`(() => { const el = document.querySelector(%q); const r = el.getBoundingClientRect();
		return {Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Width: r.width, Height: r.height,
			FontSize: parseFloat(getComputedStyle(el).fontSize)}; })()`, sel))
}

// readable says whether a message box is on screen at a readable size: at
// most three lines of at least 12 px, at least 10 characters wide.
func (x box) readable(innerW, innerH float64) bool {
	return x.FontSize >= 12 && x.Width >= 10*x.FontSize && x.Height <= 3*1.6*x.FontSize &&
		x.Top >= 0 && x.Left >= 0 && x.Bottom <= innerH && x.Right <= innerW
}

// TestRefusedCellInBrowser: a clerk types "1o" into a cell that held 146.
// In Chromium at 1280×800 the refusal is a readable message next to the
// cell, tied to the input by aria-describedby, and the row keeps its
// height; away from the cell the text stays, marked. After a reload, and
// on the read-only report page, the cell shows "1o", marked, with why and
// the number still stored — never the old 146 as if it were what was
// typed (issue 17, item 9).
func TestRefusedCellInBrowser(t *testing.T) {
	app, _, id := editorApp(t)
	b := tab{t, testenv.Browser(t)}
	b.login(app.URL, "clerk")
	b.open(app.URL + paths.ReportEdit(id))
	const path = "requests.granted.natural_person"
	input, mark, row := cellID(path), "m-requests-granted-natural_person", "#"+cellID(path)
	rowHeight := fmt.Sprintf(`document.getElementById(%q).closest('tr').getBoundingClientRect().height`, input)
	b.typeInto(input, "146")
	b.settle()
	before := js[float64](b, rowHeight)

	b.typeInto(input, "1o")
	b.settle()
	if got := js[float64](b, rowHeight); got > before+0.5 {
		t.Errorf("the refused cell's row grew from %.1f to %.1f px", before, got)
	}
	if got := js[string](b, fmt.Sprintf(`document.getElementById(%q).getAttribute('aria-describedby')`, input)); got != mark {
		t.Errorf("the input is described by %q, want %q", got, mark)
	}
	if got := b.text("#" + mark); !strings.Contains(got, "请填写阿拉伯数字") || !strings.Contains(got, "保存的仍是146") {
		t.Errorf("the refusal reads %q", got)
	}
	w, h := js[float64](b, `innerWidth`), js[float64](b, `innerHeight`)
	msg, cell := b.box("#"+mark), b.box(row)
	if !msg.readable(w, h) {
		t.Errorf("the focused cell's refusal is not readable at 1280×800: %+v", msg)
	}
	if msg.Bottom > cell.Top+1 {
		t.Errorf("the refusal (%+v) covers its own cell (%+v)", msg, cell)
	}
	testenv.ViewScreenshot(t, b.ctx, "refused-cell-focused")

	// Elsewhere, the message gives way; the text and its mark stay.
	b.do(chromedp.KeyEvent(kb.Tab))
	if got := b.box("#" + mark); got.Width > 1 {
		t.Errorf("the refusal stays over the table after leaving the cell: %+v", got)
	}
	if got := b.value(input); got != "1o" {
		t.Errorf("the refused cell shows %q after leaving it", got)
	}
	if got := js[string](b, fmt.Sprintf(`getComputedStyle(document.getElementById(%q)).textDecorationStyle`, input)); got != "wavy" {
		t.Errorf("the refused text is not marked (text-decoration-style %q)", got)
	}

	// Reloaded, the form shows what was typed, marked.
	b.open(app.URL + paths.ReportEdit(id))
	if got := b.value(input); got != "1o" {
		t.Errorf("after a reload the cell shows %q", got)
	}
	if got := js[string](b, fmt.Sprintf(`document.getElementById(%q).getAttribute('aria-invalid')`, input)); got != "true" {
		t.Errorf("after a reload aria-invalid is %q", got)
	}

	// Read-only: the typed text, marked, with why and what is stored.
	b.open(app.URL + paths.ReportView(id))
	const td = "#v-requests-granted-natural_person"
	if got := js[string](b, `document.querySelector('`+td+`').firstChild.textContent.trim()`); got != "1o" {
		t.Errorf("the read-only page shows %q, want the typed 1o", got)
	}
	note := b.text(td + " .report-unread-note")
	for _, want := range []string{"未能读取", "请填写阿拉伯数字", "保存的仍是146"} {
		if !strings.Contains(note, want) {
			t.Errorf("the read-only cell's note %q lacks %q", note, want)
		}
	}
	// The finding leads there and the note is then shown.
	b.do(chromedp.Click(chromedp.CSS(`#findings a[data-focus="v-requests-granted-natural_person"]`)))
	if got := b.active(); got != "v-requests-granted-natural_person" {
		t.Errorf("the finding moved focus to %q", got)
	}
	if got := b.box(td + " .report-unread-note"); !got.readable(w, h) {
		t.Errorf("the read-only cell's note is not readable: %+v", got)
	}
	testenv.ViewScreenshot(t, b.ctx, "refused-cell-read-only")
}
