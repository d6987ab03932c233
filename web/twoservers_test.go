package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestTwoServersShareOnePostgres: two app servers (each with its own
// report cache and live-check cache) on one PostgreSQL database, as behind
// a load balancer. The clerk works on server B after a save on server A:
// B never shows the draft it had cached, and a save or live check B gets
// based on the old version merges or conflicts exactly as on one server.
func TestTwoServersShareOnePostgres(t *testing.T) {
	db := testenv.Postgres(t)
	a, b := webtest.StartOn(t, db), webtest.StartOn(t, db)
	body := a.Body(t, 0, "某局", org.Department)
	a.User(t, "zhang", auth.Grant{Body: body, Role: auth.Clerk})
	id := a.Report(t, body, 2024)
	onA, onB := a.Client(t, "zhang"), b.Client(t, "zhang")

	// B opens the editor at version 1: its caches now hold version 1.
	if page := onB.Get(t, paths.ReportEdit(id)).Doc(t); baseVersion(page) != "1" {
		t.Fatalf("B's editor is based on version %q, want 1", baseVersion(page))
	}
	check(t, onB, id, 1, url.Values{})

	save := func(c *webtest.Client, base string, f url.Values) *webtest.Response {
		f.Set("base_version", base)
		return c.PostForm(t, paths.ReportSaveURL(id), f)
	}
	if res := save(onA, "1", url.Values{"narrative.problems": {"甲服务器上的写法"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("save on A: %d", res.Status)
	}

	// B shows A's save, not its cached version 1.
	page := onB.Get(t, paths.ReportEdit(id)).Doc(t)
	if baseVersion(page) != "2" || page.Find("#f-narrative-problems").Text() != "甲服务器上的写法" {
		t.Fatalf("B after A's save: version %q, problems %q", baseVersion(page), page.Find("#f-narrative-problems").Text())
	}

	// A live check on B based on version 1 is told it is not saved.
	res, _ := check(t, onB, id, 1, url.Values{"narrative.problems": {"乙服务器上的写法"}})
	if res.Header.Get("Nianbao-Saved") != "false" {
		t.Errorf("live check on B from version 1 after A saved the same field: Nianbao-Saved %q, want false",
			res.Header.Get("Nianbao-Saved"))
	}

	// A save on B from version 1 that changes the same field is a conflict
	// showing A's text …
	conflict := save(onB, "1", url.Values{"narrative.problems": {"乙服务器上的写法"}})
	if conflict.Status != http.StatusConflict || !strings.Contains(conflict.Doc(t).Find("#conflict").Text(), "甲服务器上的写法") {
		t.Fatalf("B's save from version 1: status %d, want 409 naming A's text", conflict.Status)
	}
	// … and one that changes another field is merged, keeping A's change.
	if res := save(onB, "1", url.Values{"narrative.other": {"乙服务器补充"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("B's merged save: %d", res.Status)
	}
	for _, srv := range []*webtest.App{a, b} {
		rec, err := srv.Store.Report(t.Context(), id)
		if err != nil || rec.Version != 3 || rec.Report.Narrative.Problems != "甲服务器上的写法" ||
			rec.Report.Narrative.Other != "乙服务器补充" {
			t.Errorf("%s reads v%d %q/%q (%v), want v3 with both saves", srv.URL, rec.Version,
				rec.Report.Narrative.Problems, rec.Report.Narrative.Other, err)
		}
	}
	// A, whose cache still holds version 2, shows version 3.
	if page := onA.Get(t, paths.ReportEdit(id)).Doc(t); baseVersion(page) != "3" {
		t.Errorf("A after B's save: version %q, want 3", baseVersion(page))
	}
}

// baseVersion is the version the editor page's form is based on.
func baseVersion(d *goquery.Document) string {
	v, _ := d.Find(`input[name="base_version"]`).First().Attr("value")
	return v
}

// TestLoginThrottleAcrossServers: the failed logins counted on server A
// hold on server B of the same PostgreSQL database, so a guesser behind a
// load balancer gets no more attempts than on one server; a success on B
// clears the account's count for A too.
func TestLoginThrottleAcrossServers(t *testing.T) {
	db := testenv.Postgres(t)
	a, b := webtest.StartOn(t, db), webtest.StartOn(t, db)
	body := a.Body(t, 0, "某局", org.Department)
	a.User(t, "zhang", auth.Grant{Body: body, Role: auth.Clerk})
	now := time.Now()
	a.Throttle.Now = func() time.Time { return now }
	b.Throttle.Now = func() time.Time { return now }

	for i := range auth.AccountPolicy.Free {
		srv := a
		if i%2 == 1 {
			srv = b // failures alternate between the servers
		}
		if res := login(t, srv.Anonymous(t), "zhang", "wrong-password"); res.Status != http.StatusUnprocessableEntity {
			t.Fatalf("failure %d: status %d", i+1, res.Status)
		}
	}
	for _, srv := range []*webtest.App{a, b} {
		if res := login(t, srv.Anonymous(t), "zhang", webtest.Password); res.Status != http.StatusTooManyRequests ||
			!strings.Contains(res.Body, "登录失败次数过多，请30秒后再试") {
			t.Errorf("%s after %d failures on both: status %d, want 429", srv.URL, auth.AccountPolicy.Free, res.Status)
		}
	}
	now = now.Add(31 * time.Second)
	if res := login(t, b.Anonymous(t), "zhang", webtest.Password); res.Status != http.StatusSeeOther {
		t.Fatalf("after the wait, on B: status %d, want 303", res.Status)
	}
	// B's success forgot the account's failures: one more on A does not lock.
	login(t, a.Anonymous(t), "zhang", "wrong-password")
	if res := login(t, a.Anonymous(t), "zhang", webtest.Password); res.Status != http.StatusSeeOther {
		t.Errorf("on A after B's success and one failure: status %d, want 303", res.Status)
	}
}
