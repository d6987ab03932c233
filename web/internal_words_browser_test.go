package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

var (
	// latin is a run of Latin letters: an internal word (cell:, draft,
	// submitted …) in a text that should be all Chinese.
	latin = regexp.MustCompile(`[A-Za-z]{2,}`)
	// ruleCode is a rule's id, R1 … W11.
	ruleCode = regexp.MustCompile(`\b[RW][0-9]{1,2}\b`)
)

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestNoInternalWordsInBrowser: what a clerk, a reviewer and the public
// read says places by the table's row and column and states by their
// Chinese names, shows no rule codes, and says what the public page's JSON
// and SHA-256 are for (issue 17, item 10). In Chromium at 1280×800.
func TestNoInternalWordsInBrowser(t *testing.T) {
	a := newReviewApp(t)
	reasons := submitted(t, a) // seed 002 with a W6 warning, submitted
	if res := a.reviewer.PostForm(t, paths.ReportCommentsURL(a.report), url.Values{
		"at": {"cell:requests.granted.natural_person"}, "body": {"予以公开的件数请与台账核对"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("comment: %d %.300s", res.Status, res.Body)
	}
	if res := act(t, a.reviewer, a.report, "return", url.Values{"reason": {"请核对第三部分"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("return: %d %.300s", res.Status, res.Body)
	}
	cs, err := a.app.Store.Comments(t.Context(), a.report, 1)
	if err != nil || len(cs) != 1 {
		t.Fatalf("comments: %v %d", err, len(cs))
	}
	if res := a.clerk.PostForm(t, paths.ReportResolveURL(a.report, cs[0].ID), url.Values{}); res.Status >= 400 {
		t.Fatalf("resolve: %d %.300s", res.Status, res.Body)
	}

	clerk := tab{t, testenv.Browser(t)}
	clerk.login(a.app.URL, "clerk")

	// The history names the cell and the states in words.
	clerk.open(a.app.URL + paths.ReportHistory(a.report))
	ops := js[[]string](clerk, `[...document.querySelectorAll('table.history tbody td:nth-child(3)')].map(td => td.textContent)`)
	all := strings.Join(ops, "\n")
	for _, want := range []string{
		"提出审核意见：第三部分 （一）予以公开 × 自然人：予以公开的件数请与台账核对",
		"状态变更：提交审核，草稿→待审核",
		"状态变更：退回修改，待审核→已退回：请核对第三部分",
		"将审核意见标记为已处理：第三部分 （一）予以公开 × 自然人的意见",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the history lacks %q:\n%s", want, all)
		}
	}
	for _, op := range ops {
		if latin.MatchString(op) {
			t.Errorf("the history shows internal words: %q", op)
		}
	}
	testenv.ViewScreenshot(t, clerk.ctx, "history-in-words")

	// The editor's findings show no rule code; support finds it in
	// data-rule and the tooltip.
	clerk.open(a.app.URL + paths.ReportEdit(a.report))
	panel := js[string](clerk, `document.getElementById('findings').innerText`)
	if !strings.Contains(panel, "提醒") || ruleCode.MatchString(panel) {
		t.Errorf("the findings panel reads %q", panel)
	}
	if got := js[string](clerk, `document.querySelector('.finding[data-rule=W6] .sev').title`); !strings.Contains(got, "规则W6") {
		t.Errorf("the W6 finding's tooltip is %q", got)
	}

	// Published, the public page says what its JSON and digest are for.
	if res := act(t, a.clerk, a.report, "submit", reasons); res.Status != http.StatusSeeOther {
		t.Fatalf("resubmit: %d %.300s", res.Status, res.Body)
	}
	for _, step := range []string{"approve", "publish"} {
		if res := act(t, a.reviewer, a.report, step, nil); res.Status != http.StatusSeeOther {
			t.Fatalf("%s: %d %.300s", step, res.Status, res.Body)
		}
	}
	public := tab{t, testenv.Browser(t)}
	public.open(a.app.URL + paths.PublicYearURL(a.bureau, 2024))
	described := func(sel string) string {
		return js[string](public, `(() => { const el = document.querySelector(`+jsString(sel)+`);
			const ref = el && document.getElementById(el.getAttribute('aria-describedby'));
			if (!ref) return '';
			const r = ref.getBoundingClientRect();
			return r.height > 0 && r.bottom <= innerHeight ? ref.textContent : 'not in view: ' + ref.textContent; })()`)
	}
	if got := described(`a[href$="report.json"]`); !strings.Contains(got, "机器可读") || !strings.Contains(got, "阅读报告请看本页") {
		t.Errorf("the JSON link is explained as %q", got)
	}
	if got := described(`.digest`); !strings.Contains(got, "核对下载的PDF") || !strings.Contains(got, "certutil") {
		t.Errorf("the digest is explained as %q", got)
	}
	testenv.ViewScreenshot(t, public.ctx, "public-downloads-explained")
}
