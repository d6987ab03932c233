package testenv

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeSource is axe-core's script, read once per test binary.
var axeSource = sync.OnceValues(func() (string, error) {
	dir := filepath.Join(repoRoot(), "tools", "axe")
	path := filepath.Join(dir, "node_modules", "axe-core", "axe.min.js")
	if _, err := os.Stat(path); err != nil {
		// tools/axe/package-lock.json pins the version; npm ci installs it
		// (CI runs it too, before the tests).
		cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--silent")
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			return "", fmt.Errorf("npm ci in tools/axe: %v: %s", err, out)
		}
	}
	data, err := os.ReadFile(path)
	return string(data), err
})

// Violation is one rule of axe-core a page breaks, with the elements that
// break it.
type Violation struct {
	ID, Impact, Help string
	Targets          []string
}

func (v Violation) String() string {
	return fmt.Sprintf("%s (%s): %s — %s", v.ID, v.Impact, v.Help, strings.Join(v.Targets, " ; "))
}

// Axe runs axe-core on the page the tab shows, for the rules of WCAG 2.1
// A and AA, and returns what it finds. It skips (fails under
// NIANBAO_REQUIRE_BROWSER) when axe-core cannot be had: it comes from
// the npm registry (tools/axe).
func Axe(tb testing.TB, ctx context.Context) []Violation {
	tb.Helper()
	if _, err := exec.LookPath("npm"); err != nil {
		missing(tb, "NIANBAO_REQUIRE_BROWSER", "npm (for axe-core)", "sudo apt-get install -y npm")
	}
	src, err := axeSource()
	if err != nil {
		missing(tb, "NIANBAO_REQUIRE_BROWSER", "axe-core ("+err.Error()+")", "cd tools/axe && npm ci")
	}
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	// Injected through the DevTools protocol: the page's
	// Content-Security-Policy (scripts from /static only) does not apply.
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
		tb.Fatalf("inject axe-core: %v", err)
	}
	const run = `axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
		.then(r => JSON.stringify(r.violations.map(v => ({ID: v.id, Impact: v.impact || '', Help: v.help,
			Targets: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 160))}))))`
	out, err := chromedp.Run(ctx, chromedp.Evaluate[string](run, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("axe.run: %v", err)
	}
	var vs []Violation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		tb.Fatalf("axe.run's answer: %v", err)
	}
	return vs
}
