package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"

	"nianbao/internal/testenv"
)

// processSeeds are the reports BenchmarkRenderPDFProcess prints: 000 makes
// the largest PDF (traditional characters: the most distinct glyphs), 003
// the longest (10 pages).
var processSeeds = []string{"000", "003"}

// BenchmarkRenderPDFProcess times `nianbao render --format pdf` as a whole
// process (start, fonts, layout, write) against headless Chromium printing
// the HTML that `nianbao render --format html` makes of the same report,
// for each of processSeeds. Each run reports the median and the slowest
// wall time of one process (p50-ms, p99-ms: with 10 runs the slowest is
// the p99), the CPU time it used (cpu-ms/op, for Chromium with the helper
// processes it reaps: on a loaded machine wall time measures the load as
// much as the program), its peak resident memory (maxrss-MiB, for Chromium
// its largest process) and the file's size; nianbao's also the ratios to
// Chromium: how many times faster by the mean wall time (×faster) and by
// the median (×faster-p50), how many times less CPU (×less-cpu) and its
// size as a share of Chromium's (%size). Goal: ≥ 30× faster, PDF ≤ ¼ of
// Chromium's. Run with -benchtime=10x.
func BenchmarkRenderPDFProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "nianbao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for _, seed := range processSeeds {
		b.Run(seed, func(b *testing.B) { benchmarkSeedProcess(b, bin, dir, seed) })
	}
}

// processRuns is what the runs of one command measured.
type processRuns struct {
	walls       []time.Duration
	cpu         time.Duration
	maxRSS      int64 // bytes
	size, runs  float64
	mean, p50ms float64
}

// run runs cmd, failing the benchmark if it fails, and notes its wall
// time, CPU time (with the children it waited for) and peak memory.
func (p *processRuns) run(b *testing.B, cmd *exec.Cmd) {
	start := time.Now()
	if msg, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("%s: %v\n%s", cmd.Path, err, msg)
	}
	p.walls = append(p.walls, time.Since(start))
	st := cmd.ProcessState
	p.cpu += st.UserTime() + st.SystemTime()
	if ru, ok := st.SysUsage().(*syscall.Rusage); ok {
		p.maxRSS = max(p.maxRSS, ru.Maxrss*1024) // Linux reports kilobytes
	}
}

// report reports the runs' figures and the output file's size.
func (p *processRuns) report(b *testing.B, out string) {
	st, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	p.size, p.runs = float64(st.Size()), float64(len(p.walls))
	walls := slices.Clone(p.walls)
	slices.Sort(walls)
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	var sum time.Duration
	for _, w := range walls {
		sum += w
	}
	p.mean, p.p50ms = ms(sum)/p.runs, ms(walls[len(walls)/2])
	b.ReportMetric(p.p50ms, "p50-ms")
	b.ReportMetric(ms(walls[min(len(walls)-1, len(walls)*99/100)]), "p99-ms")
	b.ReportMetric(ms(p.cpu)/p.runs, "cpu-ms/op")
	b.ReportMetric(float64(p.maxRSS)/(1<<20), "maxrss-MiB")
	b.ReportMetric(p.size/1024, "KiB")
}

func benchmarkSeedProcess(b *testing.B, bin, dir, seed string) {
	src := seedPath(seed)
	html := filepath.Join(dir, seed+".html")
	if out, err := exec.Command(bin, "render", "--format", "html", src, "-o", html).CombinedOutput(); err != nil {
		b.Fatalf("render html: %v\n%s", err, out)
	}
	// Chromium first, so that nianbao's run can report the ratios.
	var chromium processRuns
	b.Run("chromium", func(b *testing.B) {
		path := testenv.Chromium(b)
		out := filepath.Join(dir, seed+"-chromium.pdf")
		chromium = processRuns{}
		for b.Loop() {
			chromium.run(b, exec.Command(path, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--no-first-run", "--no-pdf-header-footer",
				"--user-data-dir="+filepath.Join(dir, "profile"), "--print-to-pdf="+out, "file://"+html))
		}
		chromium.report(b, out)
	})
	b.Run("nianbao", func(b *testing.B) {
		out := filepath.Join(dir, seed+"-nianbao.pdf")
		var ours processRuns
		for b.Loop() {
			ours.run(b, exec.Command(bin, "render", "--format", "pdf", src, "-o", out))
		}
		ours.report(b, out)
		if chromium.runs > 0 {
			b.ReportMetric(chromium.mean/ours.mean, "×faster")
			b.ReportMetric(chromium.p50ms/ours.p50ms, "×faster-p50")
			b.ReportMetric((float64(chromium.cpu)/chromium.runs)/(float64(ours.cpu)/ours.runs), "×less-cpu")
			b.ReportMetric(100*ours.size/chromium.size, "%size")
		}
	})
}
