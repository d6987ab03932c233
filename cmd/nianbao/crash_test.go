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
	acks := saveUntilKilled(t, child, clients, reports)
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
	verifyAcks(t, db, reports, acks)
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

// saveUntilKilled has every client save its own report over and over, each
// save with the version its last save made and a unique text, and kills
// the server with SIGKILL after a while. It returns the acknowledged saves.
func saveUntilKilled(t *testing.T, child *exec.Cmd, clients []*webtest.Client, reports []int64) []ack {
	var mu sync.Mutex
	var acks []ack
	var wg sync.WaitGroup
	for i, c := range clients {
		tok := c.Token(t)
		wg.Add(1)
		go func() {
			defer wg.Done()
			version := 1
			for seq := 0; seq < 10000; seq++ {
				form := url.Values{"_csrf": {tok}, "base_version": {strconv.Itoa(version)}, "narrative.other": {crashValue(i, seq)}}
				res, err := c.Send(http.MethodPost, "/reports/"+strconv.FormatInt(reports[i], 10)+"/save",
					strings.NewReader(form.Encode()), http.Header{"Content-Type": {"application/x-www-form-urlencoded"}})
				if err != nil {
					return // the server is gone
				}
				if res.Status != http.StatusSeeOther {
					t.Errorf("client %d save %d: status %d: %s", i, seq, res.Status, res.Body)
					return
				}
				loc, _ := url.Parse(res.Location())
				version, _ = strconv.Atoi(loc.Query().Get("saved"))
				mu.Lock()
				acks = append(acks, ack{client: i, seq: seq, version: version})
				mu.Unlock()
			}
		}()
	}
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		n := len(acks)
		mu.Unlock()
		if n >= 10*crashClients {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := child.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = child.Wait()
	wg.Wait()
	return acks
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

func verifyAcks(t *testing.T, db string, reports []int64, acks []ack) {
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
	// Every version there is opens (the typing saves are stored as changes
	// against the version before, so one unreadable change would lose every
	// version after it up to the next snapshot), and the last one equals
	// the report itself.
	for client, id := range reports {
		cur, err := st.Report(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		for v := 1; v <= cur.Version; v++ {
			rec, err := st.ReportVersion(ctx, id, v)
			if err != nil {
				t.Errorf("client %d: version %d does not open: %v", client, v, err)
				continue
			}
			if v == cur.Version && reportJSON(t, rec.Report) != reportJSON(t, cur.Report) {
				t.Errorf("client %d: the last version differs from the report", client)
			}
		}
	}
	var check string
	if err := st.DB.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check: %q, %v", check, err)
	}
}
