package web_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestTypingSlipInBrowser (issue 17 item 2): the clerk of a balanced
// report (seed 002) types 44 for 43 in （一）予以公开 × 自然人. One finding
// says the 自然人 column does not balance — not a second for the 总计
// column — and names the cell just typed with the number that balances;
// the cell is marked, and clicking the finding goes to it. (Without a
// single typed cell the finding points at the column's （七）总计:
// report.TestTypingSlip.)
func TestTypingSlipInBrowser(t *testing.T) {
	a := newReviewApp(t)
	a.save(t, seedForm(t, "002"))
	b := tab{t, testenv.Browser(t)}
	b.login(a.app.URL, "clerk")
	b.open(a.app.URL + paths.ReportEdit(a.report))
	cell := cellID("requests.granted.natural_person")
	was := b.value(cell)
	rowHeight := `document.getElementById('` + cell + `').closest('tr').getBoundingClientRect().height`
	before := js[float64](b, rowHeight)
	b.typeInto(cell, "44")
	b.settle()
	// The culprit's message is a readable callout above the focused cell;
	// the row keeps its height.
	if after := js[float64](b, rowHeight); after > before+0.5 {
		t.Errorf("the culprit's row grew from %.1f to %.1f px", before, after)
	}
	mark := "#m-requests-granted-natural_person"
	if m, c := b.box(mark), b.box("#"+cell); !m.readable(js[float64](b, `innerWidth`), js[float64](b, `innerHeight`)) || m.Bottom > c.Top+1 {
		t.Errorf("the culprit's message %+v is not readable above its cell %+v", m, c)
	}
	balance := `[...document.querySelectorAll('#findings li')].map(li => li.textContent).filter(s => s.includes('列：一('))`
	got := js[[]string](b, balance)
	if len(got) != 1 || !strings.Contains(got[0], "自然人列") {
		t.Fatalf("balance findings %q, want one for 自然人列", got)
	}
	if !strings.Contains(got[0], "最可能出错的是第三部分 （一）予以公开 × 自然人，按其他数字应为"+was) {
		t.Errorf("the finding does not name the cell just typed: %q", got[0])
	}
	if st := js[string](b, `document.getElementById('`+cell+`').closest('td').querySelector('.mark').dataset.state`); st != "culprit" {
		t.Errorf("the slipped cell is marked %q", st)
	}
	testenv.ViewScreenshot(t, b.ctx, "typing-slip")
	b.do(chromedp.Focus(chromedp.ID(cellID("requests.new_received.natural_person"))))
	if m := b.box(mark); m.Width > 1 {
		t.Errorf("the culprit's message stays over the table after leaving the cell: %+v", m)
	}
	b.do(chromedp.Click(chromedp.CSS(`#findings li [data-focus="` + cell + `"]`)))
	if got := b.active(); got != cell {
		t.Errorf("clicking the finding went to %q", got)
	}
}
