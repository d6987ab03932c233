package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/web/paths"
)

// TestEditorTellsRefusedFromLost: in real Chromium, a live check the
// server refuses (here a page whose CSRF token no longer holds: 403) shows
// "保存失败：" with the server's reason and is not sent again and again,
// while a live check that gets no answer at all (the connection dropped)
// says so, retries by itself, and is saved once the server answers again.
func TestEditorTellsRefusedFromLost(t *testing.T) {
	ctx := testenv.Browser(t)
	app, _, id := editorApp(t)
	// The app behind a door that can drop the live check's connections.
	var down atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if down.Load() && r.URL.Path == paths.ReportCheckURL(id) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close() // no answer at all
			}
			return
		}
		app.Server.ServeHTTP(w, r)
	}))
	defer srv.Close()
	b := tab{t, ctx}
	b.login(srv.URL, "clerk")
	b.do(chromedp.Navigate(srv.URL+paths.ReportEdit(id)), chromedp.WaitReady(chromedp.ID("report-form")))
	js[bool](b, `window.checks = 0; document.addEventListener("htmx:beforeRequest", function () { window.checks++; }); true`)

	// Lost: the message says so, and the check is sent again by itself.
	down.Store(true)
	b.typeInto("f-narrative-problems", "断网时写的问题")
	b.waitFor("the lost connection's message", `document.getElementById("save-state").textContent.includes("连接服务器失败，正在重试")`)
	down.Store(false)
	b.waitFor("the retry's save", `document.getElementById("save-state").textContent.includes("已保存")`)
	rec, _ := app.Store.Report(t.Context(), id)
	if rec.Report.Narrative.Problems != "断网时写的问题" {
		t.Errorf("after the retry the draft says %q", rec.Report.Narrative.Problems)
	}

	// Refused: the server's reason, and no endless retry.
	js[bool](b, `document.querySelector('meta[name="csrf-token"]').content = "stale-token"; window.checks = 0; true`)
	b.typeInto("f-narrative-other", "被拒绝的内容")
	b.waitFor("the refusal's message", `document.getElementById("save-state").textContent.startsWith("保存失败：")`)
	state := b.text("#save-state")
	if !strings.Contains(state, "页面已过期") || strings.Contains(state, "连接服务器失败") {
		t.Errorf("refused save's state: %q", state)
	}
	b.do(chromedp.Sleep(6 * time.Second)) // longer than the retry's 5 s
	if n := js[int](b, `window.checks`); n != 1 {
		t.Errorf("a refused check was sent %d times, want once", n)
	}
	if got := b.value("f-narrative-other"); got != "被拒绝的内容" {
		t.Errorf("the refused text left the page: %q", got)
	}
	testenv.ViewScreenshot(t, ctx, "editor-refused")
}
