package web_test

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
)

// The fixture of the authorisation matrix (authz_test.go).

type role string

const (
	anon       role = "anonymous"
	clerk      role = "clerk"
	reviewer   role = "reviewer"
	supervisor role = "supervisor"
	admin      role = "admin"
)

var roles = []role{anon, clerk, reviewer, supervisor, admin}

type scope string

const (
	own       scope = "own"
	child     scope = "child"
	unrelated scope = "unrelated"
	none      scope = "-" // the route names no body
)

var scopes = []scope{own, child, unrelated}

// fixture: bodies own → child and an unrelated root; each actor holds
// their role at own; one target user (a clerk) and one 2024 draft per
// scope, each draft holding a secret that only its readers may see.
type fixture struct {
	app     *webtest.App
	body    map[scope]int64
	target  map[scope]int64
	report  map[scope]int64
	clients map[role]*webtest.Client
	n       int
	years   int
	// summaries are the scopes' 汇总 reports (rollup_test.go).
	summaries map[scope]int64
}

func secret(sc scope) string { return "草稿秘密-" + string(sc) }

func newFixture(t *testing.T) *fixture {
	app := webtest.Start(t)
	f := &fixture{app: app, body: map[scope]int64{}, target: map[scope]int64{}, report: map[scope]int64{},
		clients: map[role]*webtest.Client{}}
	f.body[own] = app.Body(t, 0, "本级机关", org.LocalGovernment)
	f.body[child] = app.Body(t, f.body[own], "下级机关", org.Department)
	f.body[unrelated] = app.Body(t, 0, "无关机关", org.LocalGovernment)
	for _, sc := range scopes {
		f.target[sc] = app.User(t, "target-"+string(sc), auth.Grant{Body: f.body[sc], Role: auth.Clerk})
		f.report[sc] = app.Report(t, f.body[sc], 2024)
		rec, _ := app.Store.Report(context.Background(), f.report[sc])
		rec.Report.Narrative.Overview = secret(sc)
		if _, err := app.Store.SaveDraft(context.Background(), rec.ID, 1, rec.Report, report.Tally{}, 0); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range roles[1:] {
		app.User(t, "actor-"+string(r), auth.Grant{Body: f.body[own], Role: auth.Role(r)})
		f.clients[r] = app.Client(t, "actor-"+string(r))
	}
	f.clients[anon] = app.Anonymous(t)
	return f
}

func (f *fixture) version(sc scope) string {
	rec, err := f.app.Store.Report(context.Background(), f.report[sc])
	if err != nil {
		panic(err)
	}
	return strconv.Itoa(rec.Version)
}

func (f *fixture) unique(prefix string) string { f.n++; return fmt.Sprintf("%s%d", prefix, f.n) }

func id(n int64) string { return strconv.FormatInt(n, 10) }

// comment adds an open comment to the scope's report and returns its id.
func (f *fixture) comment(sc scope) int64 {
	c, err := f.app.Store.AddComment(context.Background(), f.report[sc], "", "矩阵测试用的意见", 0)
	if err != nil {
		panic(err)
	}
	return c.ID
}
