package testenv

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// Browser starts headless Chromium for a test on a fresh profile, at
// 1280×800 (the screen the app is built for), and returns its context; it
// skips (or fails under NIANBAO_REQUIRE_BROWSER) where there is no
// Chromium. The browser ends with the test.
func Browser(tb testing.TB) context.Context {
	tb.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(Chromium(tb)),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 800),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	tb.Cleanup(func() { cancel(); cancelAlloc() })
	// The first run starts the browser and ties it to this context's life,
	// so it must not be a context with a timeout (see chromedp.Run).
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// Screenshot saves a full-page PNG screenshot of the tab as name.png in the
// test's artifact folder and logs where.
func Screenshot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	save(tb, ctx, name, chromedp.FullScreenshot(100))
}

// ViewScreenshot saves what the window shows (1280×800), as a person at the
// screen sees it.
func ViewScreenshot(tb testing.TB, ctx context.Context, name string) {
	tb.Helper()
	save(tb, ctx, name, chromedp.CaptureScreenshot())
}

func save(tb testing.TB, ctx context.Context, name string, shot chromedp.Action[[]byte]) {
	tb.Helper()
	png, err := chromedp.Run(ctx, shot)
	if err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(ArtifactDir(tb), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("screenshot: %s", path)
}
