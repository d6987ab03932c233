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

// TestTriageSurvivesSavesInBrowser: in Chromium at 1280×800, a reviewer
// marks seed 002's W2 (its text says 230 现行有效规范性文件, the table
// 231) 已核实 with a reason, by the keyboard alone; the clerk, in the
// editor, adds a paragraph above the sentence (the finding's paragraph
// moves, its numbers do not) and the mark stays, the board counting the
// warning confirmed; the clerk then types 229 for 230 and the mark is
// gone, the warning open again and counted open.
func TestTriageSurvivesSavesInBrowser(t *testing.T) {
	a := newReviewApp(t)
	a.save(t, narrativeSlip(t))
	rv := tab{t, testenv.Browser(t)}
	rv.login(a.app.URL, "reviewer")
	rv.open(a.app.URL + paths.ReportView(a.report))
	w2 := `#findings li.finding[data-rule="W2"]`
	print := js[string](rv, `document.querySelector('`+w2+` input[name=print]').value`)

	// The keyboard: Enter on 核实这条提醒 opens the form, the reason is
	// typed into its box, Tab reaches 已核实（确认无误）, Enter marks.
	const reason = "已与台账核对：正文230件为截至11月底的数字"
	rv.do(chromedp.Focus(chromedp.CSS(w2+` details.triage summary`)), chromedp.KeyEvent(kb.Enter))
	if !js[bool](rv, `document.querySelector('`+w2+` details.triage').open`) {
		t.Fatal("Enter on 核实这条提醒 does not open the form")
	}
	rv.do(chromedp.Focus(chromedp.ID("mark-"+print)), chromedp.SendKeys(chromedp.ID("mark-"+print), reason), chromedp.KeyEvent(kb.Tab))
	if got := js[string](rv, `document.activeElement.textContent`); got != "已核实（确认无误）" {
		t.Fatalf("Tab from the reason goes to %q, not 已核实（确认无误）", got)
	}
	rv.navigate(chromedp.KeyEvent(kb.Enter))
	confirmed := func(step string, want bool) {
		t.Helper()
		rv.open(a.app.URL + paths.ReportView(a.report))
		if n := js[int](rv, `document.querySelectorAll('`+w2+`').length`); n != 1 {
			t.Fatalf("%s: %d W2 on the review page", step, n)
		}
		mark := rv.text(w2 + " p.mark")
		got := js[bool](rv, `document.querySelector('`+w2+`').classList.contains('confirmed')`) && strings.Contains(mark, "审核人已核实（确认无误）："+reason)
		if got != want {
			t.Errorf("%s: W2 shown confirmed %v, want %v (%q)", step, got, want, mark)
		}
		open, sure := "0", "1"
		if !want {
			open, sure = "1", "0"
		}
		if o, c := a.boardCounts(t); o != open || c != sure {
			t.Errorf("%s: the board counts %s open, %s confirmed; want %s, %s", step, o, c, open, sure)
		}
	}
	confirmed("marked", true)

	ed := tab{t, testenv.Browser(t)}
	ed.login(a.app.URL, "clerk")
	ed.open(a.app.URL + paths.ReportEdit(a.report))
	box := "f-narrative-overview"
	ed.do(chromedp.Focus(chromedp.ID(box)), chromedp.Evaluate[chromedp.Void](`document.getElementById('`+box+`').setSelectionRange(0, 0)`),
		chromedp.SendKeys(chromedp.ID(box), "本年度工作概述如下。"), chromedp.KeyEvent(kb.Enter))
	ed.settle()
	if got := ed.value(box); !strings.HasPrefix(got, "本年度工作概述如下。\n2024年") {
		t.Fatalf("the text box begins %.40q", got)
	}
	if got := js[string](ed, `document.querySelector('`+w2+` > a').dataset.para`); got != "3" {
		t.Errorf("the finding is now in paragraph %q, want 3 (a paragraph was added above)", got)
	}
	confirmed("after a paragraph was added above", true)

	at := js[int](ed, `document.getElementById('`+box+`').value.indexOf('共230件') + 1`)
	ed.do(chromedp.Focus(chromedp.ID(box)), chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`document.getElementById('%s').setSelectionRange(%d, %d)`, box, at, at+3)),
		chromedp.SendKeys(chromedp.ID(box), "229"))
	ed.settle()
	if msg := ed.text(w2 + " > a"); !strings.Contains(msg, "共229件") {
		t.Fatalf("after typing 229 the editor's W2 says %q", msg)
	}
	confirmed("after the figure changed", false)
	if n := js[int](rv, `document.querySelectorAll('`+w2+` p.mark').length`); n != 0 {
		t.Errorf("the changed finding still shows %d marks", n)
	}
}

// boardCounts are the supervisor's board's open and confirmed warnings
// of the bureau's 2024 report.
func (a *reviewApp) boardCounts(t *testing.T) (open, confirmed string) {
	t.Helper()
	row := a.supervisor.Get(t, paths.BoardYear(2024)).Doc(t).Find(`.board-table tr:contains("瑞安市人民政府办公室")`)
	return strings.TrimSpace(row.Find("td.open-warnings").Text()), strings.TrimSpace(row.Find("td.confirmed-warnings").Text())
}
