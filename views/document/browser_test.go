package document_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"nianbao/internal/testenv"
	"nianbao/views/document"
)

// TestStandaloneInBrowser serves the standalone HTML of seeds 000 and 003
// on loopback, checks in Chromium that the tables are laid out (the 22-row
// group cell is as tall as its rows, numbers right-aligned) and saves a
// full-page screenshot for a person to look at.
func TestStandaloneInBrowser(t *testing.T) {
	ctx := testenv.Browser(t)
	for _, name := range []string{"000", "003"} {
		t.Run(name, func(t *testing.T) {
			var page bytes.Buffer
			if err := document.WriteStandalone(context.Background(), &page, loadSeed(t, name)); err != nil {
				t.Fatal(err)
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				_, _ = w.Write(page.Bytes())
			}))
			defer srv.Close()

			tctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			err := chromedp.Do(tctx,
				chromedp.EmulateViewport(1280, 800),
				chromedp.Navigate(srv.URL),
				chromedp.WaitReady(chromedp.CSS("#table-requests")),
			)
			if err != nil {
				t.Fatal(err)
			}
			checkLayout(t, tctx)
			testenv.Screenshot(t, tctx, name)
		})
	}
}

// checkLayout measures the rendered tables in the browser.
func checkLayout(t *testing.T, ctx context.Context) {
	t.Helper()
	const js = `(() => {
		const group = [...document.querySelectorAll('#table-requests th')].find(th => th.textContent === '三、本年度办理结果');
		const rows = [...document.querySelectorAll('#table-requests tbody tr')].slice(2, 24);
		const rowsH = rows.reduce((h, r) => h + r.getBoundingClientRect().height, 0);
		const td = document.querySelector('#table-requests td.num');
		const table = document.querySelector('#table-requests');
		return {
			groupH: group.getBoundingClientRect().height, rowsH: rowsH,
			align: getComputedStyle(td).textAlign,
			overflow: table.getBoundingClientRect().right > document.documentElement.clientWidth,
		};
	})()`
	type layout struct {
		GroupH   float64 `json:"groupH"`
		RowsH    float64 `json:"rowsH"`
		Align    string  `json:"align"`
		Overflow bool    `json:"overflow"`
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[layout](js))
	if err != nil {
		t.Fatal(err)
	}
	if d := got.GroupH - got.RowsH; d > 2 || d < -2 {
		t.Errorf("三、本年度办理结果 is %.0f px tall, its 22 rows %.0f px", got.GroupH, got.RowsH)
	}
	if got.Align != "right" {
		t.Errorf("numbers are aligned %q", got.Align)
	}
	if got.Overflow {
		t.Error("section 三's table is wider than the window at 1280 px")
	}
}
