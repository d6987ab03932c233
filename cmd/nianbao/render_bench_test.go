package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"nianbao/internal/testenv"
)

// BenchmarkRenderPDFProcess times `nianbao render --format pdf` as a whole
// process (start, fonts, layout, write) against headless Chromium printing
// the HTML that `nianbao render --format html` makes of the same report,
// and reports both files' sizes; nianbao's run also reports how many times
// faster it is (×faster) and its size as a share of Chromium's (%size).
// Goal: ≥ 30× faster, PDF ≤ ¼ of Chromium's. Run with -benchtime=10x.
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
	// Chromium first, so that nianbao's run can report the ratios.
	var chromiumTime, chromiumSize float64
	b.Run("chromium", func(b *testing.B) {
		chromium := testenv.Chromium(b)
		out := filepath.Join(dir, "c.pdf")
		for b.Loop() {
			cmd := exec.Command(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+html)
			if msg, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("chromium: %v\n%s", err, msg)
			}
		}
		chromiumTime, chromiumSize = float64(b.Elapsed())/float64(b.N), size(out)
		b.ReportMetric(chromiumSize/1024, "KB")
	})
	b.Run("nianbao", func(b *testing.B) {
		out := filepath.Join(dir, "n.pdf")
		for b.Loop() {
			if msg, err := exec.Command(bin, "render", "--format", "pdf", seed, "-o", out).CombinedOutput(); err != nil {
				b.Fatalf("render pdf: %v\n%s", err, msg)
			}
		}
		b.ReportMetric(size(out)/1024, "KB")
		if chromiumTime > 0 {
			b.ReportMetric(chromiumTime/(float64(b.Elapsed())/float64(b.N)), "×faster")
			b.ReportMetric(100*size(out)/chromiumSize, "%size")
		}
	})
}
