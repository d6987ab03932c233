package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"nianbao/internal/testenv"
)

// BenchmarkRenderPDFProcess times `nianbao render --format pdf` as a whole
// process (start, fonts, layout, write) against headless Chromium printing
// the HTML that `nianbao render --format html` makes of the same report,
// and reports both files' sizes; nianbao's run also reports how many times
// faster it is (×faster) and its size as a share of Chromium's (%size).
// Each run also reports the CPU time its processes used (cpu-ms/op, for
// Chromium with the helper processes it reaps) and nianbao's the ratio of
// the two (×less-cpu): on a loaded machine wall time measures the load as
// much as the program. Goal: ≥ 30× faster, PDF ≤ ¼ of Chromium's. Run with
// -benchtime=10x.
func BenchmarkRenderPDFProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "nianbao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	seed := filepath.Join("..", "..", "internal", "report", "testdata", "seeds", "000.json")
	html := filepath.Join(dir, "r.html")
	if out, err := exec.Command(bin, "render", "--format", "html", seed, "-o", html).CombinedOutput(); err != nil {
		b.Fatalf("render html: %v\n%s", err, out)
	}
	size := func(path string) float64 {
		st, err := os.Stat(path)
		if err != nil {
			b.Fatal(err)
		}
		return float64(st.Size())
	}
	// cpu runs cmd and returns the CPU time it and the children it waited
	// for used.
	cpu := func(b *testing.B, what string, cmd *exec.Cmd) time.Duration {
		if msg, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%s: %v\n%s", what, err, msg)
		}
		return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	perOp := func(b *testing.B, d time.Duration) float64 { return float64(d) / float64(b.N) }
	// Chromium first, so that nianbao's run can report the ratios.
	var chromiumTime, chromiumSize, chromiumCPU float64
	b.Run("chromium", func(b *testing.B) {
		chromium := testenv.Chromium(b)
		out := filepath.Join(dir, "c.pdf")
		var used time.Duration
		for b.Loop() {
			used += cpu(b, "chromium", exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+html))
		}
		chromiumTime, chromiumSize, chromiumCPU = perOp(b, b.Elapsed()), size(out), perOp(b, used)
		b.ReportMetric(chromiumSize/1024, "KB")
		b.ReportMetric(chromiumCPU/1e6, "cpu-ms/op")
	})
	b.Run("nianbao", func(b *testing.B) {
		out := filepath.Join(dir, "n.pdf")
		var used time.Duration
		for b.Loop() {
			used += cpu(b, "render pdf", exec.Command(bin, "render", "--format", "pdf", seed, "-o", out))
		}
		b.ReportMetric(size(out)/1024, "KB")
		b.ReportMetric(perOp(b, used)/1e6, "cpu-ms/op")
		if chromiumTime > 0 {
			b.ReportMetric(chromiumTime/perOp(b, b.Elapsed()), "×faster")
			b.ReportMetric(chromiumCPU/perOp(b, used), "×less-cpu")
			b.ReportMetric(100*size(out)/chromiumSize, "%size")
		}
	})
}
