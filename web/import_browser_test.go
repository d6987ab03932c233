package web_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// navigate runs an action that loads a page (a click on a link or a
// submit button) and waits for the new page.
func (b tab) navigate(action chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, action); err != nil {
		b.t.Fatal(err)
	}
}

// visibleIn reports whether the element is wholly inside the scrolling
// box and the window.
func (b tab) visibleIn(id, box string) bool {
	b.t.Helper()
	return js[bool](b, fmt.Sprintf(`(() => {
		const r = document.getElementById(%q).getBoundingClientRect();
		const p = document.querySelector(%q).getBoundingClientRect();
		return r.height > 0 && r.top >= p.top - 1 && r.bottom <= p.bottom + 1 && r.top >= 0 && r.bottom <= window.innerHeight;
	})()`, id, box))
}

// TestImportInBrowser is a clerk's import in real Chromium at 1280×800:
// from the start page to the import, seed 002's text pasted, the preview
// with the text and the reading side by side, a note clicked and its line
// scrolled into view and marked, the import confirmed, and the next year's
// report created with prefill: the carried-over cells are filled.
func TestImportInBrowser(t *testing.T) {
	ctx := testenv.Browser(t)
	app, _, body := importApp(t)
	b := tab{t, ctx}
	b.login(app.URL, "clerk")
	b.do(chromedp.Navigate(app.URL+paths.Home), chromedp.WaitReady(chromedp.CSS(`[data-testid=body]`)))
	b.navigate(chromedp.Click(chromedp.CSS(`[data-testid=body] a[href*="/reference"]`)))

	// Paste the text (as a paste sets the box's value) for 2024.
	text := seedText(t, "002")
	b.do(chromedp.WaitReady(chromedp.ID("text")),
		chromedp.SetValue(chromedp.ID("year"), "2024"),
		chromedp.SetValue(chromedp.ID("text"), text))
	b.navigate(chromedp.Click(chromedp.CSS(`form.paste-form button[type=submit]`)))
	b.do(chromedp.WaitReady(chromedp.ID("source-text")))

	// Side by side at 1280×800: the text on the left, the reading on the
	// right, both starting in the window.
	layout := js[[]float64](b, `(() => {
		const s = document.querySelector('.source-pane').getBoundingClientRect();
		const r = document.querySelector('.read-pane').getBoundingClientRect();
		return [s.left, s.right, s.top, r.left, r.right, r.top, window.innerWidth];
	})()`)
	if len(layout) != 7 || layout[1] > layout[3] || layout[2] > 200 || layout[5] > 200 || layout[4] > layout[6] || layout[1]-layout[0] < 400 {
		t.Errorf("not side by side: source [%v..%v] top %v, reading [%v..%v] top %v, window %v", layout[0], layout[1], layout[2], layout[3], layout[4], layout[5], layout[6])
	}
	if got := b.text("[data-testid=format]"); !strings.Contains(got, "2021年格式") {
		t.Errorf("format %q", got)
	}
	testenv.ViewScreenshot(t, ctx, "import-preview-1280x800")

	// Scroll the text to its end, then click the note of line 3: the line
	// comes back into view, marked, with focus.
	b.do(chromedp.Evaluate[chromedp.Void](`(() => { const s = document.getElementById('source-text'); s.scrollTop = s.scrollHeight; })()`))
	if b.visibleIn("line-3", "#source-text") {
		t.Fatal("line 3 is in view before the click; the test would prove nothing")
	}
	b.do(chromedp.Click(chromedp.CSS(`.note-list a[data-line="3"]`)))
	b.waitFor("line 3 marked", `document.getElementById('line-3').classList.contains('hl')`)
	if !b.visibleIn("line-3", "#source-text") {
		t.Error("line 3 is not scrolled into view after clicking its note")
	}
	if got := b.active(); got != "line-3" {
		t.Errorf("focus on %q, want line-3", got)
	}
	// A number of the table leads to its line as well, and only one line
	// is marked at a time.
	b.do(chromedp.Click(chromedp.CSS(`#v-requests-carried_forward-natural_person a`)))
	b.waitFor("line 57 marked", `document.getElementById('line-57').classList.contains('hl')`)
	if n := js[int](b, `document.querySelectorAll('#source-text li.hl').length`); n != 1 || !b.visibleIn("line-57", "#source-text") {
		t.Errorf("%d lines marked; line 57 in view: %v", n, b.visibleIn("line-57", "#source-text"))
	}
	testenv.ViewScreenshot(t, ctx, "import-preview-line-57")

	// Confirm: back on the start page with the confirmation.
	b.navigate(chromedp.Click(chromedp.CSS(`form.confirm-form button.primary`)))
	if got := b.text(".flash"); !strings.Contains(got, "已保存本机关2024年度的报告") {
		t.Errorf("after confirming: flash %q", got)
	}
	if _, err := app.Store.Reference(t.Context(), body, 2024); err != nil {
		t.Fatalf("not stored: %v", err)
	}

	// Create the 2025 report with prefill (checked by default).
	yearField := "year-" + strconv.FormatInt(body, 10)
	b.do(chromedp.SetValue(chromedp.ID(yearField), "2025"))
	if !js[bool](b, `document.querySelector('input[name=prefill]').checked`) {
		t.Error("prefill is not checked by default")
	}
	b.navigate(chromedp.Click(chromedp.CSS(`form[action$="/reports"] button[type=submit]`)))
	b.do(chromedp.WaitReady(chromedp.ID("report-form")))
	want := seedJSON(t, "002")
	for _, col := range []string{"natural_person", "commercial", "other"} {
		w, _ := want.Get("requests.carried_forward." + col)
		if got := b.value(cellID("requests.carried_over." + col)); got != strconv.FormatInt(w.N, 10) {
			t.Errorf("carried over %s = %q, want %d", col, got, w.N)
		}
	}
	if got := b.value(cellID("active.normative_docs.in_force")); got != "231" {
		t.Errorf("行政规范性文件 in force = %q", got)
	}
	if got := b.text("#notice, .flash"); !strings.Contains(got, "已从2024年报告带入") {
		t.Errorf("flash after create: %q", got)
	}
	testenv.ViewScreenshot(t, ctx, "import-prefilled-editor")
}

// TestImportUploadInBrowser: a Word file chosen in the check page's file
// field in real Chromium is read: the preview says it was read from a
// Word file, shows its table rows as found, and what it read.
func TestImportUploadInBrowser(t *testing.T) {
	ctx := testenv.Browser(t)
	app, _, _ := importApp(t)
	b := tab{t, ctx}
	b.login(app.URL, "clerk")
	path := filepath.Join(t.TempDir(), "瑞安市2024年报.docx")
	if err := os.WriteFile(path, seedFile(t, "docx"), 0o644); err != nil {
		t.Fatal(err)
	}
	b.do(chromedp.Navigate(app.URL+paths.CheckText), chromedp.WaitReady(chromedp.ID("file")),
		chromedp.SetUploadFiles(chromedp.ID("file"), []string{path}))
	b.navigate(chromedp.Click(chromedp.CSS(`form.paste-form button[type=submit]`)))
	b.do(chromedp.WaitReady(chromedp.ID("source-text")))
	if got := b.text("[data-testid=source-kind]"); !strings.Contains(got, "读自Word文档") {
		t.Errorf("source %q", got)
	}
	if got := b.text("#source-text"); !strings.Contains(got, "（一）予以公开 | 39 | 2 | 0 | 0 | 0 | 2 | 43") {
		t.Errorf("the table row is not shown as found")
	}
	if got := b.text("#" + imported.CellDOMID("requests.granted.total") + " a"); strings.TrimSpace(got) != "43" {
		t.Errorf("（一）予以公开 总计 %q", got)
	}
}
