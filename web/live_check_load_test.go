package web_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"nianbao/internal/auth"
	"nianbao/internal/gctune"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// loadClerks and loadPace are the load BenchmarkLiveCheckLoad puts on the
// server: 200 clerks each typing into their own report, a live check every
// 2 s each (about 100 checks a second in all), over real HTTP on loopback.
const (
	loadClerks = 200
	loadPace   = 2 * time.Second
)

// loadSeconds is how long the load runs (NIANBAO_LOAD_SECONDS, default 20).
func loadSeconds() time.Duration {
	if n, err := strconv.Atoi(os.Getenv("NIANBAO_LOAD_SECONDS")); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 20 * time.Second
}

// loadClerk is one clerk: logged in, with a report filled with seed 002.
// The parent process logs the clerks in; the child that plays them gets
// their cookies, tokens and reports (loadPlan).
type loadClerk struct {
	c       *webtest.Client
	id      int64
	token   string
	base    int
	Cookies []loadCookie
}

// loadCookie is one of a clerk's cookies, as the child process sets it.
type loadCookie struct{ Name, Value string }

// loadPlan is what the child process that plays the clerks is given (as
// JSON, in the file NIANBAO_LOAD_CLIENTS names).
type loadPlan struct {
	URL     string
	Seconds int
	Clerks  []loadClerkPlan
}

type loadClerkPlan struct {
	ID      int64
	Token   string
	Base    int
	Cookies []loadCookie
}

// loadResult is what the child reports back on its standard output.
type loadResult struct {
	Took   []time.Duration
	Failed []string
}

// BenchmarkLiveCheckLoad: 200 clerks, each sending the one cell just edited
// to the live check every 2 s (starting at random moments), as the editor's
// script does; each check changes the cell, so each is saved. The clerks
// run in a child process (this test binary again, see runLoadClients) and
// this process is the server alone, so the memory it reports is the
// server's: its resident set (peak while the load ran, sampled from
// /proc/self/status every 50 ms, and after), the heap in use as the load
// left it, and the live heap after a collection. It reports the latency
// each clerk saw (p50, p99, max, over real HTTP on loopback), the checks
// answered, and the server's CPU time per check and in cores (on a machine
// shared with other work the latency also counts the time others had the
// cores; the CPU time does not). Run with -benchtime 1x.
func BenchmarkLiveCheckLoad(b *testing.B) {
	defer gctune.ForServer()() // as serve runs the app
	app := webtest.Start(b)
	clerks := loadSetup(b, app)
	plan := loadPlan{URL: app.URL, Seconds: int(loadSeconds() / time.Second)}
	for _, k := range clerks {
		plan.Clerks = append(plan.Clerks, loadClerkPlan{ID: k.id, Token: k.token, Base: k.base, Cookies: k.Cookies})
	}
	debug.FreeOSMemory() // the logins' argon2id memory is garbage now: give it back
	rssBefore := residentMiB(b, "VmRSS")
	for b.Loop() {
		stop := sampleResident(b)
		startCPU, start := processCPU(b), time.Now()
		res := runLoadChild(b, plan)
		cpu, wall := processCPU(b)-startCPU, time.Since(start)
		peakRSS := stop()
		if len(res.Failed) > 0 {
			b.Fatalf("%d checks failed, the first: %s", len(res.Failed), res.Failed[0])
		}
		reportLoad(b, res.Took)
		// The server's CPU time (this process: the clerks play in another),
		// per check answered and as a share of one core.
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(len(res.Took)), "server-cpu-ms/check")
		b.ReportMetric(cpu.Seconds()/wall.Seconds(), "server-cores")
		b.ReportMetric(rssBefore, "rss-before-MiB")
		b.ReportMetric(peakRSS, "rss-peak-MiB")
		// The clerks' next checks go on from the versions they reached.
		for i := range plan.Clerks {
			rec, err := app.Store.Report(b.Context(), plan.Clerks[i].ID)
			if err != nil {
				b.Fatal(err)
			}
			plan.Clerks[i].Base = rec.Version
		}
	}
}

// loadSetup creates the clerks, their bodies and reports, and fills each
// report with seed 002 (a plain save) so that a check has a whole report
// to check.
func loadSetup(b *testing.B, app *webtest.App) []*loadClerk {
	b.Helper()
	full := seedForm(b, "002")
	full.Set("base_version", "1")
	clerks := make([]*loadClerk, loadClerks)
	u, _ := url.Parse(app.URL + "/")
	var wg sync.WaitGroup
	for i := range clerks {
		body := app.Body(b, 0, fmt.Sprintf("第%d号测试机关", i+1), org.LocalGovernment)
		name := fmt.Sprintf("clerk%03d", i)
		app.User(b, name, auth.Grant{Body: body, Role: auth.Clerk})
		clerks[i] = &loadClerk{id: app.Report(b, body, 2024), base: 2}
		wg.Add(1)
		go func(k *loadClerk) { // logins verify argon2id: on both cores
			defer wg.Done()
			k.c = app.Client(b, name)
			if res := k.c.PostForm(b, paths.ReportSaveURL(k.id), full); res.Status != http.StatusSeeOther {
				b.Errorf("save: %d", res.Status)
			}
			k.token = k.c.Token(b)
			for _, ck := range k.c.HTTP.Jar.Cookies(u) {
				k.Cookies = append(k.Cookies, loadCookie{Name: ck.Name, Value: ck.Value})
			}
		}(clerks[i])
		if i%2 == 1 {
			wg.Wait()
		}
	}
	wg.Wait()
	return clerks
}

// runLoadChild runs the clerks of plan in a child process and returns what
// it measured.
func runLoadChild(b *testing.B, plan loadPlan) loadResult {
	b.Helper()
	file := filepath.Join(b.TempDir(), "plan.json")
	data, err := json.Marshal(plan)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		b.Fatal(err)
	}
	cmd := exec.CommandContext(b.Context(), os.Args[0], "-test.run=^$", "-test.bench=^$")
	cmd.Env = append(os.Environ(), loadClientsEnv+"="+file)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("the clerks' process: %v", err)
	}
	var res loadResult
	if err := json.Unmarshal(out, &res); err != nil {
		b.Fatalf("the clerks' process answered %.200q: %v", out, err)
	}
	return res
}

// loadClientsEnv names the plan file of a process started to play the
// clerks (TestMain runs runLoadClients instead of the tests when it is set).
const loadClientsEnv = "NIANBAO_LOAD_CLIENTS"

// runLoadClients plays the clerks of the plan in file and writes what they
// measured to standard output, as JSON.
func runLoadClients(file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	var plan loadPlan
	if err := json.Unmarshal(data, &plan); err != nil {
		return err
	}
	u, err := url.Parse(plan.URL + "/")
	if err != nil {
		return err
	}
	clerks := make([]*loadClerk, len(plan.Clerks))
	for i, p := range plan.Clerks {
		c := webtest.NewClient(plan.URL)
		var cookies []*http.Cookie
		for _, ck := range p.Cookies {
			cookies = append(cookies, &http.Cookie{Name: ck.Name, Value: ck.Value})
		}
		c.HTTP.Jar.SetCookies(u, cookies)
		c.HTTP.Transport = &http.Transport{MaxIdleConnsPerHost: 1} // one connection per clerk, as one browser tab
		clerks[i] = &loadClerk{c: c, id: p.ID, token: p.Token, base: p.Base}
	}
	took, failed := runLoad(clerks, time.Duration(plan.Seconds)*time.Second)
	return json.NewEncoder(os.Stdout).Encode(loadResult{Took: took, Failed: failed})
}

// residentMiB reads a field (VmRSS, VmHWM) of /proc/self/status, in MiB.
func residentMiB(b *testing.B, field string) float64 {
	b.Helper()
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		b.Fatal(err)
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb / 1024
		}
	}
	b.Fatalf("no %s in /proc/self/status", field)
	return 0
}

// sampleResident samples this process's resident set every 50 ms until
// stop is called, which returns the largest seen.
func sampleResident(b *testing.B) (stop func() float64) {
	var max float64
	done, finished := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			if rss := residentMiB(b, "VmRSS"); rss > max {
				max = rss
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() float64 { close(done); <-finished; return max }
}

// runLoad lets every clerk check at loadPace for d and returns the
// latencies and the failures.
func runLoad(clerks []*loadClerk, d time.Duration) ([]time.Duration, []string) {
	var mu sync.Mutex
	var took []time.Duration
	var failed []string
	var wg sync.WaitGroup
	end := time.Now().Add(d)
	for _, k := range clerks {
		wg.Add(1)
		go func() {
			defer wg.Done()
			time.Sleep(rand.N(loadPace)) // clerks do not type in step
			for i := 0; time.Now().Before(end); i++ {
				next := time.Now().Add(loadPace)
				dt, err := k.check(i)
				mu.Lock()
				if err != nil {
					failed = append(failed, err.Error())
				} else {
					took = append(took, dt)
				}
				mu.Unlock()
				time.Sleep(time.Until(next))
			}
		}()
	}
	wg.Wait()
	return took, failed
}

// check sends one edited cell as the editor's script does and moves the
// clerk's base to the version the answer gives.
func (k *loadClerk) check(i int) (time.Duration, error) {
	form := url.Values{"reviews.review.pending": {strconv.Itoa(i % 2)},
		"base_version": {strconv.Itoa(k.base)}, "_csrf": {k.token}}
	h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"}}
	start := time.Now()
	res, err := k.c.Send(http.MethodPost, paths.ReportCheckURL(k.id), strings.NewReader(form.Encode()), h)
	dt := time.Since(start)
	if err != nil {
		return dt, err
	}
	m := baseVersionRE.FindStringSubmatch(res.Body)
	if res.Status != http.StatusOK || m == nil {
		return dt, fmt.Errorf("check %d: status %d: %.200s", k.id, res.Status, res.Body)
	}
	k.base, _ = strconv.Atoi(m[1])
	return dt, nil
}

// reportLoad reports the percentiles, the rate and the server's heap.
func reportLoad(b *testing.B, took []time.Duration) {
	b.Helper()
	if len(took) == 0 {
		b.Fatal("no check answered")
	}
	reportPercentiles(b, took, "") // sorts took
	b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "max-ms")
	b.ReportMetric(float64(len(took)), "checks")
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB") // as the load left it
	b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MiB")        // from the OS, logins' argon2id included
	runtime.GC()
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapAlloc)/(1<<20), "live-MiB") // what the server holds
	b.ReportMetric(residentMiB(b, "VmRSS"), "rss-after-MiB")
}
