package main

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestCrashOneOfTwoServersOnPostgres: two `nianbao serve` processes on one
// PostgreSQL, as behind a load balancer; 50 clients, half on each, save
// drafts, and server A is killed with SIGKILL mid-way. Server B goes on
// serving its clients without a failed request; A's clients, logged in as
// before (the session is in the database), reopen the editor on B, find
// their last save, and go on saving there. Afterwards every acknowledged
// save is there as sent, and every version of every report opens and is
// one whole save.
func TestCrashOneOfTwoServersOnPostgres(t *testing.T) {
	db := testenv.Postgres(t)
	reports := seedCrash(t, db)
	serverA, urlA := startChild(t, db)
	serverB, urlB := startChild(t, db)
	defer stopChild(t, serverB)

	clients := make([]*webtest.Client, crashClients)
	for i := range clients {
		base := urlB
		if onA(i) {
			base = urlA
		}
		clients[i] = webtest.NewClient(base)
		clients[i].Login(t, crashUser, webtest.Password)
	}
	l := newSaveLoad(t, reports)
	var stoppedA []<-chan struct{}
	for i, c := range clients {
		done := l.start(i, c, 1, !onA(i))
		if onA(i) {
			stoppedA = append(stoppedA, done)
		}
	}
	if !l.waitFor(5*crashClients, 20*time.Second) {
		t.Fatalf("only %d saves acknowledged in 20 s before the kill", l.count())
	}
	if err := serverA.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = serverA.Wait()
	for _, done := range stoppedA {
		<-done
	}
	atKill := l.count()

	// B goes on serving its 25 clients (start has them fail the test on
	// any error).
	if !l.waitFor(atKill+5*crashClients/2, 20*time.Second) {
		t.Errorf("server B acknowledged only %d saves in 20 s after A was killed", l.count()-atKill)
	}

	// A's clients go on on B with the cookies A gave them.
	resumed := resumeOn(t, l, clients, reports, urlB)
	if n := l.count(); !l.waitFor(n+5*crashClients, 20*time.Second) {
		t.Errorf("only %d saves acknowledged in 20 s after A's clients moved to B", l.count()-n)
	}
	acks, sent := l.finish()
	for i, from := range resumed {
		if !ackedAfter(acks, i, from) {
			t.Errorf("client %d of the killed server saved nothing on server B", i)
		}
	}
	verifyAcks(t, db, reports, acks, sent)
	t.Logf("%d saves acknowledged (%d before SIGKILL of A); all found", len(acks), atKill)
}

// onA says whether client i starts on server A (the one killed).
func onA(i int) bool { return i%2 == 0 }

// resumeOn moves the clients of the killed server to the server at base
// as a clerk would: reload the editor there (already logged in), check it
// shows the last save — the last acknowledged one, or one sent later whose
// answer the crash swallowed — and go on saving from the version shown.
// It returns, by client, the number of the last save sent before.
func resumeOn(t *testing.T, l *saveLoad, clients []*webtest.Client, reports []int64, base string) map[int]int {
	resumed := map[int]int{}
	for i, c := range clients {
		if !onA(i) {
			continue
		}
		relocate(c, base)
		res := c.Get(t, paths.ReportEdit(reports[i]))
		if res.Status != http.StatusOK {
			t.Fatalf("client %d opening its editor on B after the crash: status %d %s (is the session lost?)", i, res.Status, res.Location())
		}
		page := res.Doc(t)
		l.mu.Lock()
		sent, acked := l.sent[i], lastAcked(l.acks, i)
		l.mu.Unlock()
		var version, seq int
		v, _ := page.Find(`input[name="base_version"]`).First().Attr("value")
		text := page.Find("#f-narrative-other").Text()
		if _, err := fmt.Sscan(v, &version); err != nil || version < acked.version {
			t.Errorf("client %d: B's editor is at version %q, behind its acknowledged v%d", i, v, acked.version)
		}
		if text == "" && acked.seq == -1 {
			// nothing of this client's was saved before the crash
		} else if _, err := fmt.Sscanf(text, "客户端%d-第%d次保存", new(int), &seq); err != nil || text != crashValue(i, seq) ||
			seq < acked.seq || seq > sent {
			t.Errorf("client %d: B's editor shows %q; want the text of save %d..%d", i, text, acked.seq, sent)
		}
		resumed[i] = sent
		l.start(i, c, version, true)
	}
	return resumed
}

// lastAcked is client's last acknowledged save (version 1 and save -1 when
// none).
func lastAcked(acks []ack, client int) ack {
	last := ack{client: client, seq: -1, version: 1}
	for _, a := range acks {
		if a.client == client && a.seq > last.seq {
			last = a
		}
	}
	return last
}

// ackedAfter says whether one of client's saves after save seq was
// acknowledged.
func ackedAfter(acks []ack, client, seq int) bool {
	return lastAcked(acks, client).seq > seq
}
