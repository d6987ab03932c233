package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/gctune"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// seedForm is every input field of the editor's form filled with a seed's
// numbers and texts, as a clerk would type them (totals are not inputs).
func seedForm(tb testing.TB, name string) url.Values {
	tb.Helper()
	r := seedReport(tb, name)
	f := url.Values{}
	for _, def := range r.Template().Cells {
		if !def.Computed {
			f.Set(def.Path, r.Entry(def.ID))
		}
	}
	for _, field := range report.TextFields {
		f.Set(field, r.Text(field))
	}
	return f
}

// seedJSONPath is the file of a seed's hand-made JSON in
// internal/report/testdata/seeds.
func seedJSONPath(name string) string {
	return filepath.Join("..", "internal", "report", "testdata", "seeds", name+".json")
}

// seedReport is one of the four published reports of
// internal/report/testdata/seeds.
func seedReport(tb testing.TB, name string) *report.Report {
	tb.Helper()
	data, err := os.ReadFile(seedJSONPath(name))
	if err != nil {
		tb.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// editorApp starts the app with a body, its clerk logged in, and an empty
// 2024 draft.
func editorApp(tb testing.TB) (*webtest.App, *webtest.Client, int64) {
	tb.Helper()
	app := webtest.Start(tb)
	body := app.Body(tb, 0, "瑞安市人民政府办公室", org.LocalGovernment)
	app.User(tb, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
	return app, app.Client(tb, "clerk"), app.Report(tb, body, 2024)
}

// check posts the form to the live check as htmx does.
func check(tb testing.TB, c *webtest.Client, id int64, base int, f url.Values) (*webtest.Response, *goquery.Document) {
	tb.Helper()
	form := url.Values{"base_version": {strconv.Itoa(base)}, "_csrf": {c.Token(tb)}}
	for k, v := range f {
		form[k] = v
	}
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"}}
	res := c.Do(tb, http.MethodPost, paths.ReportCheckURL(id), strings.NewReader(form.Encode()), h)
	if res.Status != http.StatusOK {
		tb.Fatalf("check: status %d: %.300s", res.Status, res.Body)
	}
	return res, res.Doc(tb)
}

func findings(d *goquery.Document) []string {
	var out []string
	d.Find("#findings li.finding a").Each(func(_ int, s *goquery.Selection) { out = append(out, s.Text()) })
	return out
}

func TestReportCheckFragments(t *testing.T) {
	app, c, id := editorApp(t)

	// Seed 002 typed in whole: the totals come back as printed, no errors.
	_, d := check(t, c, id, 1, seedForm(t, "002"))
	totals := map[string]string{"requests-new_received-total": "134", "requests-handled_total-natural_person": "116",
		"requests-handled_total-total": "125", "requests-carried_forward-total": "22", "reviews-review-total": "16"}
	for cell, want := range totals {
		if got := d.Find("output#c-" + cell + "[hx-swap-oob]").Text(); got != want {
			t.Errorf("total %s = %q, want %q", cell, got, want)
		}
	}
	if got := d.Find("#findings .summary").Text(); got != "没有发现问题" {
		t.Errorf("seed 002 has findings: %q %v", got, findings(d))
	}
	if v, _ := d.Find("#base-version").Attr("value"); v != "2" || !strings.Contains(d.Find("#save-state").Text(), "已保存") {
		t.Errorf("after the save: base version %q, state %q", v, d.Find("#save-state").Text())
	}

	// One slip in 四、结转下年度 (22 → 21): the 勾稽关系 breaks in its column
	// (and in 总计 by the same 1, not said twice), with the numbers, and the
	// cell just typed is named and marked.
	_, d = check(t, c, id, 2, url.Values{"requests.carried_forward.natural_person": {"21"}})
	want := []string{
		"自然人列：一(125)+二(13)=138，但（七）总计(116)+四(21)=137，相差1。最可能出错的是第三部分 四、结转下年度继续办理 × 自然人，按其他数字应为22",
	}
	if got := findings(d); !slices.Equal(got, want) {
		t.Errorf("findings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Find("#m-requests-carried_forward-natural_person").AttrOr("data-state", "") != "culprit" {
		t.Error("the slipped cell is not marked")
	}
	if got := d.Find("#findings .summary").Text(); got != "1个错误" {
		t.Errorf("summary %q", got)
	}

	// Corrected: the findings go away.
	_, d = check(t, c, id, 3, url.Values{"requests.carried_forward.natural_person": {"２２"}})
	if got := findings(d); len(got) != 0 {
		t.Errorf("after the correction: %v", got)
	}
	// Only what changed since the shown version is sent: the cleared marks,
	// not the marks that were and stay empty.
	if m := d.Find("#m-requests-carried_forward-natural_person[hx-swap-oob]"); m.Length() != 1 || m.AttrOr("data-state", "x") != "" {
		t.Error("the cleared mark was not sent")
	}
	if d.Find("#m-requests-granted-natural_person").Length() != 0 {
		t.Error("an unchanged mark was sent again")
	}

	// Refused input: the message at the cell, the text kept in the draft.
	_, d = check(t, c, id, 4, url.Values{"requests.granted.research": {"十二"}})
	if m := d.Find("#m-requests-granted-research"); m.AttrOr("data-state", "") != "invalid" || !strings.Contains(m.Text(), "阿拉伯数字") {
		t.Errorf("refused mark: %q", m.Text())
	}
	rec, _ := app.Store.Report(t.Context(), id)
	if rec.Report.Entry(report.T2021.Lookup("requests.granted.research")) != "十二" {
		t.Error("the refused text was not kept with the draft")
	}

	// Typing elsewhere keeps the refused cell's message.
	_, d = check(t, c, id, 5, url.Values{"reviews.review.upheld": {"9"}})
	if m := d.Find("#m-requests-granted-research"); m.Length() != 0 && m.AttrOr("data-state", "") != "invalid" {
		t.Errorf("the refused cell's mark became %q after another cell was typed", m.AttrOr("data-state", ""))
	}
	page := c.Get(t, paths.ReportEdit(id)).Doc(t)
	if m := page.Find("#m-requests-granted-research"); m.AttrOr("data-state", "") != "invalid" {
		t.Errorf("after typing elsewhere the refused cell shows %q", m.AttrOr("data-state", ""))
	}
	check(t, c, id, 6, url.Values{"reviews.review.upheld": {"8"}})

	// The same form again: nothing changed, no new version.
	_, d = check(t, c, id, 7, url.Values{"requests.granted.research": {"十二"}})
	if v, _ := d.Find("#base-version").Attr("value"); v != "7" {
		t.Errorf("an unchanged form made version %s", v)
	}
}

// TestReportCheckSavesItsTally: the live check saves the tally of its one
// check (as a final check counts), which the status board shows.
func TestReportCheckSavesItsTally(t *testing.T) {
	app, c, id := editorApp(t)
	f := seedForm(t, "002")
	f.Set("requests.carried_forward.natural_person", "21") // 自然人 and 总计 columns break: one finding
	f.Set("narrative.problems", "")                        // a section a final check wants
	check(t, c, id, 1, f)
	rec, err := app.Store.Report(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Errors != 2 || rec.Warnings != 0 {
		t.Errorf("after the check: %d errors, %d warnings; want 2 and 0", rec.Errors, rec.Warnings)
	}
}

// TestReportCheckStaleMerges: a second tab's check, based on an old
// version, takes over what the first saved and says so.
func TestReportCheckStaleMerges(t *testing.T) {
	_, c, id := editorApp(t)
	check(t, c, id, 1, url.Values{"narrative.overview": {"甲标签页写的总体情况"}}) // v2
	_, d := check(t, c, id, 1, url.Values{"narrative.problems": {"乙标签页写的问题"}})
	if v, _ := d.Find("#base-version").Attr("value"); v != "3" {
		t.Errorf("base version %q, want 3", v)
	}
	if !strings.Contains(d.Find("#notice").Text(), "一、总体情况") {
		t.Errorf("notice %q does not say what was merged", d.Find("#notice").Text())
	}
	if got := d.Find("textarea#f-narrative-overview[hx-swap-oob]").Text(); got != "甲标签页写的总体情况" {
		t.Errorf("the other tab's text is not swapped in: %q", got)
	}
	// Both change the same field: a conflict, nothing saved.
	_, d = check(t, c, id, 1, url.Values{"narrative.overview": {"乙的另一种写法"}})
	if d.Find("#conflict tbody tr").Length() != 1 || !strings.Contains(d.Find("#save-state").Text(), "未保存") {
		t.Errorf("conflict panel rows %d, state %q", d.Find("#conflict tbody tr").Length(), d.Find("#save-state").Text())
	}
	if v, _ := d.Find("#base-version").Attr("value"); v != "1" {
		t.Errorf("a conflicted form moved its base version to %q", v)
	}
}

var baseVersionRE = regexp.MustCompile(`id="base-version" name="base_version" value="(\d+)"`)

// BenchmarkReportCheck measures the live-check handler with a whole form
// (seed 002: every cell and every text) posted as htmx does after a pause
// in typing when everything is unsaved (after a paste, or a retry): session,
// authorisation, one parse, one check, one save of a new version, the
// fragments rendered. Each post changes one cell, so each is saved. The
// handler is called in-process (no network), as the budget is for the
// handler: 2 ms p99 on one core (run with -cpu 1).
func BenchmarkReportCheck(b *testing.B) {
	app, c, id := editorApp(b)
	form := seedForm(b, "002")
	benchmarkChecks(b, app, c, id, 1, func(i int) url.Values {
		form.Set("reviews.review.pending", strconv.Itoa(i%2)) // a change each time: a save each time
		form.Set("reviews.review.upheld", strconv.Itoa(8-i%2))
		return form
	})
}

// BenchmarkReportCheckOneCell is the usual live check: the page's script
// sends only the field just edited (see static/js/app.js), here one cell of
// a report otherwise filled with seed 002.
func BenchmarkReportCheckOneCell(b *testing.B) {
	app, c, id := editorApp(b)
	benchmarkOneCell(b, app, c, id)
}

// benchmarkOneCell fills report id with seed 002, then times live checks
// that each change one cell.
func benchmarkOneCell(b *testing.B, app *webtest.App, c *webtest.Client, id int64) {
	full := seedForm(b, "002")
	full.Set("base_version", "1")
	if res := c.PostForm(b, paths.ReportSaveURL(id), full); res.Status != http.StatusSeeOther {
		b.Fatalf("save: %d", res.Status)
	}
	benchmarkChecks(b, app, c, id, 2, func(i int) url.Values {
		return url.Values{"reviews.review.pending": {strconv.Itoa(i % 2)}}
	})
}

// BenchmarkReportCheckOneCellLastYear is BenchmarkReportCheckOneCell for a
// body whose last year's report is in nianbao (seed 000): the check then
// also compares the texts with last year's (W10) and carries cells over.
func BenchmarkReportCheckOneCellLastYear(b *testing.B) {
	app := webtest.Start(b)
	body := app.Body(b, 0, "瑞安市人民政府办公室", org.LocalGovernment)
	app.User(b, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
	last := seedReport(b, "000")
	last.Year = 2023
	if _, err := app.Store.CreateReport(b.Context(), body, 2023, last, 0); err != nil {
		b.Fatal(err)
	}
	benchmarkOneCell(b, app, app.Client(b, "clerk"), app.Report(b, body, 2024))
}

// benchmarkChecks posts the forms that next gives to the live check, each
// on the version the previous answer gave, timing the handler alone. Besides
// the wall-clock percentiles it reports those of the CPU time the process
// spent in each request (cpu-p50-ms, cpu-p99-ms: the handler, and whatever
// collection or checkpoint ran meanwhile), which, with -cpu 1, is what the
// request costs on one core, and of the CPU time of the handler's own
// thread alone (tcpu-…: the goroutine is locked to its thread; the
// collector's background work and the checkpointer run on others). On a
// machine shared with other work the wall clock also counts the time the
// other work had the core.
func benchmarkChecks(b *testing.B, app *webtest.App, c *webtest.Client, id int64, base int, next func(i int) url.Values) {
	defer gctune.ForServer()() // as serve runs the app
	var took, cpu, tcpu []time.Duration
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for i := 0; b.Loop(); i++ {
		b.StopTimer()
		req := checkRequest(b, app, c, id, base, next(i))
		rec := httptest.NewRecorder()
		b.StartTimer()
		start, startCPU, startT := time.Now(), processCPU(b), threadCPU(b)
		app.Server.ServeHTTP(rec, req)
		took = append(took, time.Since(start))
		cpu = append(cpu, processCPU(b)-startCPU)
		tcpu = append(tcpu, threadCPU(b)-startT)
		b.StopTimer()
		base = answeredBase(b, rec)
		b.StartTimer()
	}
	reportPercentiles(b, took, "")
	reportPercentiles(b, cpu, "cpu-")
	reportPercentiles(b, tcpu, "tcpu-")
	b.ReportMetric(float64(len(took)), "requests") // what the percentiles are over
}

// processCPU is the CPU time (user and system) the process has used.
func processCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// rusageThread is RUSAGE_THREAD (linux/resource.h), which package syscall
// does not name.
const rusageThread = 1

// threadCPU is the CPU time (user and system) the calling thread has used;
// the caller has locked its goroutine to the thread (runtime.LockOSThread).
func threadCPU(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(rusageThread, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportPercentiles adds the median and the 90th and 99th percentiles as
// metrics, their names starting with prefix.
func reportPercentiles(b *testing.B, took []time.Duration, prefix string) {
	slices.Sort(took)
	pct := func(p float64) float64 { return float64(took[int(p*float64(len(took)-1))].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.5), prefix+"p50-ms")
	b.ReportMetric(pct(0.9), prefix+"p90-ms")
	b.ReportMetric(pct(0.99), prefix+"p99-ms")
}

// TestEditorWithoutJavaScript: the form posts normally to the save address
// and the page comes back with the same findings.
func TestEditorWithoutJavaScript(t *testing.T) {
	_, c, id := editorApp(t)
	page := c.Get(t, paths.ReportEdit(id)).Doc(t)
	form := page.Find("form#report-form")
	if form.AttrOr("action", "") != paths.ReportSaveURL(id) || form.AttrOr("method", "") != "post" ||
		form.Find(`button[type=submit]`).Length() == 0 {
		t.Fatal("the editor's form cannot be submitted without JavaScript")
	}
	f := seedForm(t, "002")
	f.Set("requests.carried_forward.natural_person", "21")
	f.Set("base_version", "1")
	res := c.PostForm(t, paths.ReportSaveURL(id), f)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("save: %d", res.Status)
	}
	d := c.Get(t, res.Location()).Doc(t)
	// One finding: the 总计 column is off by the same 1 and is not said twice.
	if got := findings(d); len(got) != 1 || !strings.HasPrefix(got[0], "自然人列：一(125)+二(13)=138，但（七）总计(116)+四(21)=137，相差1。多半是本列") {
		t.Errorf("findings after a plain save: %v", got)
	}
	if got := d.Find("#c-requests-handled_total-total").Text(); got != "125" {
		t.Errorf("total %q", got)
	}
}
