package web_test

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"runtime"
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
type loadClerk struct {
	c     *webtest.Client
	id    int64
	token string
	base  int
}

// BenchmarkLiveCheckLoad: 200 clerks, each sending the one cell just edited
// to the live check every 2 s (starting at random moments), as the editor's
// script does; each check changes the cell, so each is saved. It reports
// the latency each clerk saw (p50, p99, max, over real HTTP), the checks
// answered and the process's memory afterwards (server and clients share
// the process; the clients are small). Run with -benchtime 1x.
func BenchmarkLiveCheckLoad(b *testing.B) {
	defer gctune.ForServer()() // as serve runs the app
	app := webtest.Start(b)
	clerks := loadSetup(b, app)
	for b.Loop() {
		took, failed := runLoad(clerks, loadSeconds())
		if len(failed) > 0 {
			b.Fatalf("%d checks failed, the first: %s", len(failed), failed[0])
		}
		reportLoad(b, took)
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
		}(clerks[i])
		if i%2 == 1 {
			wg.Wait()
		}
	}
	wg.Wait()
	return clerks
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

// reportLoad reports the percentiles, the rate and the memory.
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
}
