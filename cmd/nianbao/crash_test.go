package main

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// childEnv makes the test binary run `nianbao` instead of the tests: the
// crash test starts the server as a child process this way (no go build
// needed) and kills it with SIGKILL.
const childEnv = "NIANBAO_TEST_CHILD_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childEnv); args != "" {
		ctx, stop := signalNotify(context.Background())
		defer stop()
		os.Exit(run(ctx, strings.Split(args, "\x1f"), &env{getenv: os.Getenv, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
	}
	os.Exit(testenv.RunWithPostgres(m))
}

const (
	crashClients = 50
	crashUser    = "clerk"
)

// ack is a save the server answered with 303: client, its save number and
// the version it made.
type ack struct {
	client, seq, version int
}

func crashValue(client, seq int) string {
	return fmt.Sprintf("客户端%d-第%d次保存", client, seq)
}

// TestCrashLosesNoAcknowledgedSave: 50 clients save drafts through the real
// server (a child process); the server is killed with SIGKILL mid-way and
// started again on the same file; every save that had been answered 303 is
// there, and the database passes integrity_check.
func TestCrashLosesNoAcknowledgedSave(t *testing.T) {
	db := filepath.Join(t.TempDir(), "crash.db")
	reports := seedCrash(t, db)
	child, base := startChild(t, db)
	clients := make([]*webtest.Client, crashClients)
	for i := range clients {
		clients[i] = webtest.NewClient(base)
		clients[i].Login(t, crashUser, webtest.Password)
	}
	acks, sent := saveUntilKilled(t, child, clients, reports)
	if len(acks) < crashClients {
		t.Fatalf("only %d saves acknowledged before the kill", len(acks))
	}
	walAtCrash := fileSize(db + "-wal")
	child2, base2 := startChild(t, db)
	defer stopChild(t, child2)
	// The restarted server folded the crashed run's log back and emptied it
	// before serving.
	if n := fileSize(db + "-wal"); n > 1<<20 {
		t.Errorf("the -wal file after the restart: %d bytes (%d at the crash)", n, walAtCrash)
	}
	verifyAcks(t, db, reports, acks, sent)
	// The sessions survived the crash too: a client saves again through the
	// restarted server.
	c := clients[0]
	relocate(c, base2)
	st := openStore(t, db)
	rec, _ := st.Report(context.Background(), reports[0])
	res := c.PostForm(t, "/reports/"+strconv.FormatInt(reports[0], 10)+"/save",
		url.Values{"base_version": {strconv.Itoa(rec.Version)}, "narrative.other": {"重启之后"}})
	if res.Status != http.StatusSeeOther {
		t.Errorf("save after restart: status %d", res.Status)
	}
	t.Logf("%d saves acknowledged before SIGKILL; all found after restart; -wal %d bytes at the crash", len(acks), walAtCrash)
}

func fileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// relocate points a client at a new base URL, keeping its cookies.
func relocate(c *webtest.Client, base string) {
	*c = *webtest.NewClientWithJar(base, c.HTTP.Jar)
}

func seedCrash(t *testing.T, db string) []int64 {
	st, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	b, err := st.CreateBody(ctx, store.Body{Name: "某局", Kind: org.Department}, 0)
	if err != nil {
		t.Fatal(err)
	}
	hash, _ := auth.HashPassword(webtest.Password)
	if _, err := st.CreateUser(ctx, store.NewUser{Username: crashUser, PasswordHash: hash},
		[]auth.Grant{{Body: b.ID, Role: auth.Clerk}}, 0); err != nil {
		t.Fatal(err)
	}
	ids := make([]int64, crashClients)
	for i := range ids {
		rec, err := st.CreateReport(ctx, b.ID, 2000+i, report.New(report.T2021), 0)
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = rec.ID
	}
	return ids
}

var servingURL = regexp.MustCompile(`url=(http://\S+)`)

// startChild runs `nianbao serve` on db in a child process and returns it
// with its URL once it listens.
func startChild(t *testing.T, db string) (*exec.Cmd, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+strings.Join([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	found := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			if m := servingURL.FindStringSubmatch(sc.Text()); m != nil {
				found <- m[1]
			} else if strings.Contains(sc.Text(), "level=ERROR") {
				t.Logf("%s: %s", db, sc.Text())
			}
		}
	}()
	select {
	case u := <-found:
		return cmd, u
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatal("the child server did not start")
	}
	return nil, ""
}

func stopChild(t *testing.T, cmd *exec.Cmd) {
	_ = cmd.Process.Signal(syscall.SIGTERM)
	if err := cmd.Wait(); err != nil {
		t.Errorf("child server: %v", err)
	}
}

// saveLoad has clients save their own reports over and over, each save
// based on the version the client's last save made and with a text of its
// own (crashValue), and records the saves the server acknowledged.
type saveLoad struct {
	t       *testing.T
	reports []int64
	stop    chan struct{}
	wg      sync.WaitGroup
	mu      sync.Mutex
	acks    []ack
	sent    []int // per client, the number of the last save sent (-1: none)
}

func newSaveLoad(t *testing.T, reports []int64) *saveLoad {
	l := &saveLoad{t: t, reports: reports, stop: make(chan struct{}), sent: make([]int, len(reports))}
	for i := range l.sent {
		l.sent[i] = -1
	}
	return l
}

// start has client i save from version on until finish, and returns a
// channel closed when it stops. A save its server does not answer ends the
// run; when mustServe that is an error (the client's server is not the one
// killed).
func (l *saveLoad) start(i int, c *webtest.Client, version int, mustServe bool) <-chan struct{} {
	tok := c.Token(l.t)
	done := make(chan struct{})
	l.wg.Add(1)
	go func() {
		defer l.wg.Done()
		defer close(done)
		for {
			select {
			case <-l.stop:
				return
			default:
			}
			l.mu.Lock()
			l.sent[i]++
			seq := l.sent[i]
			l.mu.Unlock()
			form := url.Values{"_csrf": {tok}, "base_version": {strconv.Itoa(version)}, "narrative.other": {crashValue(i, seq)}}
			res, err := c.Send(http.MethodPost, paths.ReportSaveURL(l.reports[i]),
				strings.NewReader(form.Encode()), http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
			if err != nil {
				if mustServe {
					l.t.Errorf("client %d save %d: %v", i, seq, err)
				}
				return // the server is gone
			}
			if res.Status != http.StatusSeeOther {
				l.t.Errorf("client %d save %d: status %d: %s", i, seq, res.Status, res.Body)
				return
			}
			loc, _ := url.Parse(res.Location())
			version, _ = strconv.Atoi(loc.Query().Get("saved"))
			l.mu.Lock()
			l.acks = append(l.acks, ack{client: i, seq: seq, version: version})
			l.mu.Unlock()
		}
	}()
	return done
}

// count is the number of acknowledged saves so far.
func (l *saveLoad) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.acks)
}

// waitFor waits until n saves are acknowledged or the time is up, and says
// whether they were.
func (l *saveLoad) waitFor(n int, within time.Duration) bool {
	for deadline := time.Now().Add(within); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if l.count() >= n {
			return true
		}
	}
	return false
}

// finish stops the clients and returns the acknowledged saves and the
// number of each client's last save sent.
func (l *saveLoad) finish() ([]ack, []int) {
	close(l.stop)
	l.wg.Wait()
	return l.acks, l.sent
}

// saveUntilKilled has every client save its own report over and over and
// kills the server with SIGKILL after a while. It returns the acknowledged
// saves and the number of each client's last save sent.
func saveUntilKilled(t *testing.T, child *exec.Cmd, clients []*webtest.Client, reports []int64) ([]ack, []int) {
	l := newSaveLoad(t, reports)
	for i, c := range clients {
		l.start(i, c, 1, false)
	}
	l.waitFor(10*crashClients, 10*time.Second)
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	return l.finish()
}

// crashReport is the report client's save seq sent: the created one with
// the text typed.
func crashReport(client, seq int) *report.Report {
	r := report.New(report.T2021)
	r.Year = 2000 + client
	r.Narrative.Other = crashValue(client, seq)
	return r
}

func reportJSON(t *testing.T, r *report.Report) string {
	t.Helper()
	data, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// verifyAcks checks, after a crash, that every acknowledged save is there
// as it was sent, and that every version of every report opens and is
// whole: version 1 as created, each later one exactly one save the client
// sent (so none half written), in the order sent, the last one equal to the
// report itself. sent is each client's last save number sent.
func verifyAcks(t *testing.T, db string, reports []int64, acks []ack, sent []int) {
	st := openStore(t, db)
	ctx := context.Background()
	for _, a := range acks {
		rec, err := st.ReportVersion(ctx, reports[a.client], a.version)
		if err != nil {
			t.Errorf("acknowledged save %+v is lost: %v", a, err)
			continue
		}
		if got, want := reportJSON(t, rec.Report), reportJSON(t, crashReport(a.client, a.seq)); got != want {
			t.Errorf("acknowledged save %+v: version holds\n%s\nwant\n%s", a, got, want)
		}
		cur, _ := st.Report(ctx, reports[a.client])
		if cur.Version < a.version {
			t.Errorf("report of client %d is at v%d, behind acknowledged v%d", a.client, cur.Version, a.version)
		}
	}
	// The typing saves are stored as changes against the version before, so
	// one unreadable change would lose every version after it up to the
	// next snapshot.
	for client, id := range reports {
		cur, err := st.Report(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		lastSeq := -1
		for v := 1; v <= cur.Version; v++ {
			rec, err := st.ReportVersion(ctx, id, v)
			if err != nil {
				t.Errorf("client %d: version %d does not open: %v", client, v, err)
				continue
			}
			want := crashReport(client, 0)
			want.Narrative.Other = ""
			if v > 1 {
				var c, seq int
				if _, err := fmt.Sscanf(rec.Report.Narrative.Other, "客户端%d-第%d次保存", &c, &seq); err != nil ||
					c != client || seq <= lastSeq || seq > sent[client] {
					t.Errorf("client %d: version %d holds %q, not a save sent after save %d", client, v, rec.Report.Narrative.Other, lastSeq)
					continue
				}
				want, lastSeq = crashReport(client, seq), seq
			}
			if got := reportJSON(t, rec.Report); got != reportJSON(t, want) {
				t.Errorf("client %d: version %d is not the report sent:\n%s", client, v, got)
			}
			if v == cur.Version && reportJSON(t, rec.Report) != reportJSON(t, cur.Report) {
				t.Errorf("client %d: the last version differs from the report", client)
			}
		}
	}
	if d, _ := store.DialectOf(db); d == store.SQLite {
		var check string
		if err := st.DB.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
			t.Errorf("integrity_check: %q, %v", check, err)
		}
	}
}
