package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// tab is one browser tab of a test, with the test's helpers.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b tab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// js evaluates an expression and decodes its value.
func js[T any](b tab, expr string) T {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// waitFor polls an expression until it is true.
func (b tab) waitFor(what, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		b.t.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
}

// settle waits until the live check after the last keystroke has answered.
func (b tab) settle() {
	b.t.Helper()
	b.do(chromedp.Sleep(400 * time.Millisecond))
	b.waitFor("the live check", `!document.querySelector('#report-form').classList.contains('htmx-request') && !document.querySelector('.htmx-request')`)
}

// typeInto replaces a cell's content by typing, as a clerk would.
func (b tab) typeInto(id, text string) {
	b.t.Helper()
	b.do(chromedp.Focus(chromedp.ID(id)),
		chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById(%q).select()`, id)),
		chromedp.SendKeys(chromedp.ID(id), text))
}

func (b tab) value(id string) string {
	b.t.Helper()
	return js[string](b, fmt.Sprintf(`document.getElementById(%q).value ?? document.getElementById(%q).textContent`, id, id))
}

func (b tab) text(sel string) string {
	b.t.Helper()
	return js[string](b, fmt.Sprintf(`(document.querySelector(%q)||{}).textContent||""`, sel))
}

func (b tab) active() string {
	b.t.Helper()
	return js[string](b, `document.activeElement.id`)
}

func (b tab) login(base, username string) {
	b.t.Helper()
	b.do(chromedp.Navigate(base+paths.Login),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), username),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), webtest.Password))
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Submit(chromedp.CSS(`input[name=password]`))); err != nil {
		b.t.Fatal(err)
	}
}

func cellID(path string) string { return "c-" + strings.ReplaceAll(path, ".", "-") }

// TestEditorInBrowser is a clerk's session in real Chromium at 1280×800:
// typing seed 002's numbers (full-width digits from an IME among them),
// moving with Enter and the arrows, pasting a block copied from a
// spreadsheet, watching a finding appear at a slip and vanish when fixed,
// a refused input kept with its message, a reload that finds everything
// saved, and a screenshot of the filled form.
func TestEditorInBrowser(t *testing.T) {
	ctx := testenv.Browser(t)
	app, _, id := editorApp(t)
	seed := seedForm(t, "002")
	b := tab{t, ctx}
	b.login(app.URL, "clerk")
	b.do(chromedp.Navigate(app.URL+paths.ReportEdit(id)), chromedp.WaitReady(chromedp.ID("report-form")))

	// Section 二 and 四 typed cell by cell.
	for _, def := range report.T2021.Cells {
		if def.Computed || def.Table.Key == "requests" {
			continue
		}
		b.typeInto(cellID(def.Path), seed.Get(def.Path))
	}
	// Rows 一 and 二 by keyboard: type, Tab across, full-width digits.
	b.do(chromedp.Focus(chromedp.ID(cellID("requests.new_received.natural_person"))))
	b.do(chromedp.KeyEvent("１２５\t2\t0\t0\t0\t7\t13\t0\t0\t0\t0\t0"))
	// Full-width digits show as the number read once the cell is left.
	if got := b.value(cellID("requests.new_received.natural_person")); got != "125" {
		t.Errorf("full-width １２５ shows as %q after leaving the cell, want 125", got)
	}
	// Enter moves down a column, ArrowRight at the end of a cell moves right.
	b.do(chromedp.Focus(chromedp.ID(cellID("requests.new_received.other"))), chromedp.KeyEvent(kb.Enter))
	if got := b.active(); got != cellID("requests.carried_over.other") {
		t.Errorf("Enter moved to %q", got)
	}
	b.do(chromedp.Focus(chromedp.ID(cellID("requests.carried_over.natural_person"))),
		chromedp.Evaluate[chromedp.Void](`document.activeElement.setSelectionRange(2, 2)`), chromedp.KeyEvent(kb.ArrowRight))
	if got := b.active(); got != cellID("requests.carried_over.commercial") {
		t.Errorf("ArrowRight at the end moved to %q", got)
	}
	b.do(chromedp.KeyEvent(kb.ArrowUp))
	if got := b.active(); got != cellID("requests.new_received.commercial") {
		t.Errorf("ArrowUp moved to %q", got)
	}

	// The 23 rows from （一） to 四 pasted as one block copied from a
	// spreadsheet, 总计 column and （七） row included (they are skipped).
	status := paste(b, cellID("requests.granted.natural_person"), seedBlock(seed))
	if !strings.Contains(status, "已从剪贴板填入132个单元格") || !strings.Contains(status, "跳过29个自动计算的合计") {
		t.Errorf("paste status %q", status)
	}
	// The note of what the paste did is on screen, also after the live
	// check that follows it, and goes at the next keystroke.
	b.settle()
	visible := `(() => { const r = document.getElementById('paste-status').getBoundingClientRect();
		return r.height > 10 && r.width > 100 && r.top >= 0 && r.bottom <= innerHeight; })()`
	if !js[bool](b, visible) || !strings.Contains(b.text("#paste-status"), "已从剪贴板填入132个单元格") {
		t.Errorf("the paste's note is not on screen: %q", b.text("#paste-status"))
	}
	testenv.ViewScreenshot(t, ctx, "editor-paste-note")
	for field, text := range map[string]string{"narrative.overview": "2024年，本办公室坚持……", "narrative.problems": "人员紧张任务重，下一步通过业务培训提高效率。",
		"narrative.other": "2024年度未收取政府信息公开信息处理费。"} {
		b.do(chromedp.SendKeys(chromedp.ID("f-"+strings.ReplaceAll(field, ".", "-")), text))
	}
	if js[bool](b, visible) {
		t.Error("the paste's note stays after typing")
	}
	b.settle()
	if got := b.text("#findings .summary"); got != "没有发现问题" {
		t.Errorf("after typing seed 002: %q %s", got, b.text("#findings"))
	}
	for path, want := range map[string]string{"requests.handled_total.total": "125", "requests.new_received.total": "134", "reviews.review.total": "16"} {
		if got := b.value(cellID(path)); got != want {
			t.Errorf("total %s shows %q, want %q", path, got, want)
		}
	}

	// Only what was edited goes to the server.
	js[chromedp.Void](b, `document.addEventListener('htmx:beforeSend', e => { window.sent = Array.from(e.detail.requestConfig.formData.keys()).sort().join(' ') })`)
	b.typeInto(cellID("reviews.review.upheld"), "8")
	b.settle()
	if got := js[string](b, `window.sent`); got != "_csrf base_version reviews.review.upheld" {
		t.Errorf("a live check after one edit sent %q", got)
	}

	// A slip: the finding appears with its numbers, the cell is marked;
	// clicking the finding moves focus to a cell of it; fixing it clears it.
	b.typeInto(cellID("requests.carried_forward.natural_person"), "21")
	b.settle()
	// One finding (the 总计 column, off by the same 1, is not said twice),
	// naming the cell just typed.
	want := "自然人列：一(125)+二(13)=138，但（七）总计(116)+四(21)=137，相差1。最可能出错的是第三部分 四、结转下年度继续办理 × 自然人，按其他数字应为22"
	if got := b.text("#findings li.finding a"); got != want || js[int](b, `document.querySelectorAll('#findings li.finding').length`) != 1 {
		t.Errorf("finding %q, want %q", got, want)
	}
	if got := js[string](b, `document.getElementById('m-requests-carried_forward-natural_person').dataset.state`); got != "culprit" {
		t.Errorf("the slipped cell's mark is %q", got)
	}
	b.do(chromedp.Click(chromedp.CSS("#findings li.finding a")))
	if got := b.active(); !strings.HasPrefix(got, "c-requests-") {
		t.Errorf("clicking the finding focused %q", got)
	}
	b.typeInto(cellID("requests.carried_forward.natural_person"), "22")
	b.settle()
	if got := b.text("#findings li.finding a"); got != "" {
		t.Errorf("after the fix a finding remains: %q", got)
	}

	// A refused input keeps what was typed and says why at the cell.
	b.typeInto(cellID("requests.granted.research"), "O")
	b.settle()
	if got := b.text("#m-requests-granted-research"); !strings.Contains(got, "阿拉伯数字") {
		t.Errorf("refused input message %q", got)
	}
	if got := js[string](b, `document.getElementById('c-requests-granted-research').getAttribute('aria-invalid')`); got != "true" {
		t.Errorf("aria-invalid %q", got)
	}
	b.do(chromedp.ScrollIntoView(chromedp.ID(cellID("requests.granted.research"))))
	testenv.ViewScreenshot(t, ctx, "editor-1280x800")

	// Reload: everything typed is there.
	b.do(chromedp.Reload(), chromedp.WaitReady(chromedp.ID("report-form")))
	for path, want := range map[string]string{"requests.new_received.natural_person": "125", "requests.granted.natural_person": "39",
		"requests.carried_forward.natural_person": "22", "reviews.review.upheld": "8", "requests.granted.research": "O"} {
		if got := b.value(cellID(path)); got != want {
			t.Errorf("after reload %s = %q, want %q", path, got, want)
		}
	}
	if got := b.value("f-narrative-problems"); got != "人员紧张任务重，下一步通过业务培训提高效率。" {
		t.Errorf("after reload 五 = %q", got)
	}
	b.typeInto(cellID("requests.granted.research"), "0")
	b.settle()
	b.do(chromedp.EmulateViewport(1280, 800))
	testenv.Screenshot(t, ctx, "editor-filled-full")
}

// paste fires a paste of text at a cell, as Ctrl+V from a spreadsheet does,
// and returns what the page announced.
func paste(b tab, id, text string) string {
	b.t.Helper()
	arg, _ := json.Marshal(text)
	return js[string](b, fmt.Sprintf(`(() => {
		const el = document.getElementById(%q); el.focus();
		const dt = new DataTransfer(); dt.setData('text/plain', %s);
		el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
		return document.getElementById('paste-status').textContent;
	})()`, id, arg))
}

// seedBlock is seed 002's section 三 from （一） to 四 as a spreadsheet
// copies it: tab-separated, one row per line, 总计 column and the （七）
// row included.
func seedBlock(seed interface{ Get(string) string }) string {
	var rows []string
	started := false
	r := report.T2021.Table("requests")
	for _, row := range r.Rows {
		started = started || row.Key == "granted"
		if !started {
			continue
		}
		var cells []string
		for _, id := range row.Cells {
			def := report.T2021.Cell(id)
			v := seed.Get(def.Path)
			if def.Computed {
				v = "0" // a spreadsheet's own total; the app computes its own
			}
			cells = append(cells, v)
		}
		rows = append(rows, strings.Join(cells, "\t"))
	}
	return strings.Join(rows, "\r\n") + "\r\n"
}

// blankCellsRE is how the findings count the cells not yet filled.
var blankCellsRE = regexp.MustCompile(`还有(\d+)个单元格未填写`)

// blankCells is the number of cells the tab's findings say are not filled
// (0 when they say nothing of it).
func blankCells(b tab) int {
	b.t.Helper()
	m := blankCellsRE.FindStringSubmatch(b.text("#findings"))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestEditorTwoTabs: the same draft open in two tabs. What one saves
// reaches the other at its next check; where both changed the same text,
// the second is shown both versions, nothing either typed is lost, and the
// clerk's choice is saved.
func TestEditorTwoTabs(t *testing.T) {
	ctx := testenv.Browser(t)
	app, _, id := editorApp(t)
	a := tab{t, ctx}
	a.login(app.URL, "clerk")
	editInTwoTabs(t, a, app.URL, app.URL, id, app.Store)
}

// editInTwoTabs is TestEditorTwoTabs from tab a, logged in, on the app at
// urlA, and a second tab of the same browser on the app at urlB (the same
// app, or a second server on the same database); st reads the database.
func editInTwoTabs(t *testing.T, a tab, urlA, urlB string, id int64, st *store.Store) {
	t.Helper()
	ctxB, cancel := chromedp.NewContext(a.ctx)
	defer cancel()
	// The first run opens the tab and ties it to its context: not one with
	// a timeout.
	if err := chromedp.Do(ctxB); err != nil {
		t.Fatal(err)
	}
	b := tab{t, ctxB}
	a.do(chromedp.Navigate(urlA+paths.ReportEdit(id)), chromedp.WaitReady(chromedp.ID("report-form")))
	b.do(chromedp.Navigate(urlB+paths.ReportEdit(id)), chromedp.WaitReady(chromedp.ID("report-form")))

	// A cell typed in A counts in A's live check, and in B's at its next
	// check, which also takes A's number.
	before := blankCells(a)
	a.typeInto(cellID("requests.carried_forward.natural_person"), "21")
	a.settle()
	if got := blankCells(a); before < 1 || got != before-1 {
		t.Errorf("tab A's live check: %d cells blank after one was typed, %d before", got, before)
	}
	a.do(chromedp.SendKeys(chromedp.ID("f-narrative-problems"), "甲写的问题"))
	a.settle()
	b.do(chromedp.SendKeys(chromedp.ID("f-preface"), "乙写的前言"))
	b.settle()
	if got := b.value("f-narrative-problems"); got != "甲写的问题" {
		t.Errorf("tab B did not take tab A's text: %q", got)
	}
	if got := b.value(cellID("requests.carried_forward.natural_person")); got != "21" {
		t.Errorf("tab B did not take tab A's number: %q", got)
	}
	if got := blankCells(b); got != before-1 {
		t.Errorf("tab B's live check: %d cells blank after A typed one, %d before", got, before)
	}
	if got := b.text("#notice"); !strings.Contains(got, "已合并") || !strings.Contains(got, "五、存在的主要问题及改进情况") {
		t.Errorf("tab B's notice: %q", got)
	}

	// Both change the same text.
	a.typeInto("f-narrative-problems", "甲改过的问题")
	a.settle()
	b.typeInto("f-narrative-problems", "乙改过的问题")
	b.settle()
	panel := b.text("#conflict")
	if !strings.Contains(panel, "甲改过的问题") || !strings.Contains(panel, "乙改过的问题") || !strings.Contains(b.text("#save-state"), "未保存") {
		t.Fatalf("conflict panel %q, state %q", panel, b.text("#save-state"))
	}
	if got := b.value("f-narrative-problems"); got != "乙改过的问题" {
		t.Errorf("tab B's own text was replaced: %q", got)
	}
	testenv.ViewScreenshot(t, ctxB, "conflict")
	// Keep mine (the default choice) and save.
	ctxS, cancelS := context.WithTimeout(ctxB, 30*time.Second)
	defer cancelS()
	if _, err := chromedp.RunResponse(ctxS, chromedp.Click(chromedp.CSS(`#conflict button[name=resolve]`))); err != nil {
		t.Fatal(err)
	}
	rec, _ := st.Report(t.Context(), id)
	if rec.Report.Narrative.Problems != "乙改过的问题" || rec.Report.Preface != "乙写的前言" {
		t.Errorf("saved: problems %q, preface %q", rec.Report.Narrative.Problems, rec.Report.Preface)
	}
	if got := b.text("#conflict"); strings.Contains(got, "冲突") || strings.Contains(got, "已在别处保存") {
		t.Errorf("the conflict panel is still shown after saving: %q", got)
	}
}
