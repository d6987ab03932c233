package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/report"
	"nianbao/web/paths"
)

// TestTriageMarks: a reviewer marks seed 002's W2 (its text says 230
// 现行有效规范性文件, the table 231) 已核实 with a reason; a mark without a
// reason is refused at the finding with what was typed; the mark shows on
// the review page and the board counts the warning as confirmed; it stays
// when the clerk changes something else, and falls away — the warning
// open again — when the clerk changes the figure; a mark on a finding
// that has since changed is refused; a warning sent back shows in the
// clerk's editor, and stays through the live check.
func TestTriageMarks(t *testing.T) {
	a := newReviewApp(t)
	_, _ = check(t, a.clerk, a.report, 1, narrativeSlip(t))
	w2 := func() *goquery.Selection {
		t.Helper()
		li := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t).Find(`#findings li.finding[data-rule="W2"]`)
		if li.Length() != 1 {
			t.Fatalf("%d W2 on the review page", li.Length())
		}
		return li
	}
	board := func() (open, confirmed string) { t.Helper(); return a.boardCounts(t) }
	if o, c := board(); o != "1" || c != "0" {
		t.Errorf("before any mark the board counts %s open, %s confirmed", o, c)
	}
	li := w2()
	print := li.Find(`input[name="print"]`).AttrOr("value", "")
	if print == "" || li.AttrOr("id", "") != "finding-"+print {
		t.Fatalf("the W2 has no mark form for its fingerprint (%q, id %q)", print, li.AttrOr("id", ""))
	}
	res := a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {print}, "status": {"confirmed"}, "reason": {"核"}})
	d := res.Doc(t)
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(d.Find("#mark-"+print+"-error").Text(), "请写明核实的情况") ||
		d.Find("#mark-"+print).Text() != "核" || d.Find(`li#finding-`+print+` details[open]`).Length() != 1 {
		t.Errorf("a one-character reason: status %d, error %q, kept %q", res.Status, d.Find("#mark-"+print+"-error").Text(), d.Find("#mark-"+print).Text())
	}
	const reason = "已与台账核对：正文230件为截至11月底的数字"
	res = a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {print}, "status": {"confirmed"}, "reason": {reason}})
	if res.Status != http.StatusSeeOther || !strings.HasSuffix(res.Location(), "#finding-"+print) {
		t.Fatalf("marking: status %d, to %q", res.Status, res.Location())
	}
	confirmed := func(step string, want bool) {
		t.Helper()
		li := w2()
		got := li.HasClass("confirmed") && strings.Contains(li.Find("p.mark").Text(), "审核人已核实（确认无误）："+reason)
		if got != want {
			t.Errorf("%s: W2 shown confirmed %v, want %v (%q)", step, got, want, li.Find("p.mark").Text())
		}
	}
	confirmed("marked", true)
	if o, c := board(); o != "0" || c != "1" {
		t.Errorf("after the mark the board counts %s open, %s confirmed", o, c)
	}

	_, _ = check(t, a.clerk, a.report, 2, url.Values{"narrative.problems": {seedForm(t, "002").Get("narrative.problems") + "另有一项问题正在整改。"}})
	confirmed("after another section changed", true)
	if o, c := board(); o != "0" || c != "1" {
		t.Errorf("after an unrelated save the board counts %s open, %s confirmed", o, c)
	}

	slip := narrativeSlip(t).Get("narrative.overview")
	_, _ = check(t, a.clerk, a.report, 3, url.Values{"narrative.overview": {strings.Replace(slip, "共230件", "共229件", 1)}})
	confirmed("after the figure changed", false)
	if o, c := board(); o != "1" || c != "0" {
		t.Errorf("after the figure changed the board counts %s open, %s confirmed", o, c)
	}
	res = a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {print}, "status": {"confirmed"}, "reason": {reason}})
	if res.Status != http.StatusConflict || !strings.Contains(res.Doc(t).Find("#refusal").Text(), "这条提醒已经变了") {
		t.Errorf("marking the old finding: status %d", res.Status)
	}

	// Sent back: the clerk sees it in the editor, and in the live check.
	now := w2().Find(`input[name="print"]`).AttrOr("value", "")
	const back = "请按台账核对后改为231件"
	if res := a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {now}, "status": {"returned"}, "reason": {back}}); res.Status != http.StatusSeeOther {
		t.Fatalf("sending back: status %d", res.Status)
	}
	if m := a.clerk.Get(t, paths.ReportEdit(a.report)).Doc(t).Find(`#findings li.finding[data-rule="W2"] p.mark`).Text(); !strings.Contains(m, "审核人退回修改："+back) {
		t.Errorf("the editor shows the mark %q", m)
	}
	_, d = check(t, a.clerk, a.report, 4, url.Values{"narrative.problems": {seedForm(t, "002").Get("narrative.problems") + "再补一句说明情况。"}})
	if m := d.Find(`#findings li.finding[data-rule="W2"] p.mark`).Text(); !strings.Contains(m, "审核人退回修改："+back) {
		t.Errorf("the live check shows the mark %q", m)
	}
	if o, c := board(); o != "1" || c != "0" {
		t.Errorf("a warning sent back counts %s open, %s confirmed", o, c)
	}
	// A save refused (a text over its limit) still shows the mark.
	_, d = check(t, a.clerk, a.report, 5, url.Values{report.FieldPreface: {strings.Repeat("长", report.TextLimit(report.FieldPreface)+1)}})
	if m := d.Find(`#findings li.finding[data-rule="W2"] p.mark`).Text(); !strings.Contains(m, "审核人退回修改："+back) {
		t.Errorf("a refused save's panel shows the mark %q", m)
	}

	// Taken back (撤销标记): the warning is open and unmarked again.
	if res := a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {now}, "status": {"confirmed"}, "reason": {reason}}); res.Status != http.StatusSeeOther {
		t.Fatalf("confirming: status %d", res.Status)
	}
	if o, c := board(); o != "0" || c != "1" {
		t.Errorf("confirmed again, the board counts %s open, %s confirmed", o, c)
	}
	if res := a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {now}, "status": {"clear"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("taking the mark back: status %d", res.Status)
	}
	if li := w2(); li.HasClass("confirmed") || li.Find("p.mark").Length() != 0 {
		t.Errorf("after 撤销标记 the W2 still shows a mark: %q", li.Find("p.mark").Text())
	}
	if o, c := board(); o != "1" || c != "0" {
		t.Errorf("after 撤销标记 the board counts %s open, %s confirmed", o, c)
	}
	if res := a.reviewer.PostForm(t, paths.ReportMarksURL(a.report), url.Values{"print": {now}, "status": {"approved"}, "reason": {reason}}); res.Status != http.StatusBadRequest {
		t.Errorf("an unknown status: %d, want 400", res.Status)
	}
}
