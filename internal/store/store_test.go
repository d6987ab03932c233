package store_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
)

// TestDialectOf: a postgres:// URL is PostgreSQL, a path is SQLite, and no
// other URL is ever taken for a file name.
func TestDialectOf(t *testing.T) {
	for _, tc := range []struct {
		target string
		want   store.Dialect
	}{
		{"data/nianbao.db", store.SQLite},
		{"/var/lib/nianbao/nianbao.db", store.SQLite},
		{`C:\nianbao\nianbao.db`, store.SQLite},
		{"postgres://nianbao@db.example/nianbao", store.Postgres},
		{"postgresql://u:p@127.0.0.1:5432/nb?sslmode=disable", store.Postgres},
		{"postgres:nianbao", ""},
		{"mysql://root@localhost/nianbao", ""},
		{"file:data/nianbao.db", ""},
		{"", ""},
	} {
		got, err := store.DialectOf(tc.target)
		if got != tc.want || (err == nil) != (tc.want != "") {
			t.Errorf("DialectOf(%q) = %q, %v; want %q", tc.target, got, err, tc.want)
		}
	}
	dir := t.TempDir()
	t.Chdir(dir)
	if _, err := store.Open(t.Context(), "mysql://root@localhost/nianbao"); err == nil {
		t.Error("Open(mysql://…) did not fail")
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("Open(mysql://…) created %v", ents[0].Name())
	}
	if red := store.Redact("postgres://u:secret@h/db"); strings.Contains(red, "secret") {
		t.Errorf("Redact kept the password: %s", red)
	}
}

func TestMain(m *testing.M) { os.Exit(testenv.RunWithPostgres(m)) }

// opener opens a new, empty store for a test.
type opener func(t *testing.T) *store.Store

// eachDB runs test on SQLite and on PostgreSQL (skipped, with how to
// install it, where PostgreSQL is missing; failed under
// NIANBAO_REQUIRE_POSTGRES).
func eachDB(t *testing.T, test func(*testing.T, opener)) {
	t.Run("sqlite", func(t *testing.T) { test(t, open) })
	t.Run("postgres", func(t *testing.T) { test(t, openPostgres) })
}

// open opens a new SQLite file.
func open(t *testing.T) *store.Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "test.db"))
}

// openPostgres opens a new PostgreSQL database.
func openPostgres(t *testing.T) *store.Store {
	t.Helper()
	return openAt(t, testenv.Postgres(t))
}

func openAt(t testing.TB, target string) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func mustBody(t testing.TB, st *store.Store, parent int64, name string) int64 {
	t.Helper()
	b, err := st.CreateBody(context.Background(), store.Body{ParentID: parent, Name: name, Kind: org.Department}, 0)
	if err != nil {
		t.Fatal(err)
	}
	return b.ID
}

func TestBodyTree(t *testing.T) { eachDB(t, testBodyTree) }

func testBodyTree(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	city := mustBody(t, st, 0, "某市人民政府")
	office := mustBody(t, st, city, "某市人民政府办公室")
	county := mustBody(t, st, city, "某县人民政府")
	town := mustBody(t, st, county, "某镇人民政府")
	other := mustBody(t, st, 0, "另一市人民政府")

	anc, err := st.Ancestors(ctx, town)
	if err != nil || !slices.Equal(anc, []int64{county, city}) {
		t.Errorf("Ancestors(town) = %v, %v; want [county city]", anc, err)
	}
	if anc, _ := st.Ancestors(ctx, city); len(anc) != 0 {
		t.Errorf("Ancestors(root) = %v", anc)
	}
	if _, err := st.Ancestors(ctx, 999); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Ancestors(missing) err = %v", err)
	}
	sub, err := st.Subtree(ctx, county, other)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, b := range sub {
		ids = append(ids, b.ID)
	}
	if !slices.Equal(ids, []int64{county, town, other}) {
		t.Errorf("Subtree = %v", ids)
	}
	b, _ := st.Body(ctx, city)
	b.ParentID = town
	if err := st.UpdateBody(ctx, *b, 0); !errors.Is(err, store.ErrCycle) {
		t.Errorf("moving a root below its grandchild: err = %v, want ErrCycle", err)
	}
	o, _ := st.Body(ctx, office)
	o.ParentID, o.Name, o.DeadlineMonth, o.DeadlineDay = other, "改名", 2, 28
	if err := st.UpdateBody(ctx, *o, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Body(ctx, office)
	if got.ParentID != other || got.Name != "改名" || got.DeadlineMonth != 2 || got.DeadlineDay != 28 {
		t.Errorf("after update: %+v", got)
	}
}

func TestSaveDraft(t *testing.T) { eachDB(t, testSaveDraft) }

func testSaveDraft(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	r := report.New(report.T2021)
	rec, err := st.CreateReport(ctx, body, 2024, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateReport(ctx, body, 2024, r, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second report for the same year: err = %v", err)
	}
	r2 := r.Clone()
	r2.Narrative.Overview = "第二版"
	v, err := st.SaveDraft(ctx, rec.ID, 1, r2, report.Tally{Errors: 7, Warnings: 5}, 0)
	if err != nil || v != 2 {
		t.Fatalf("SaveDraft = %d, %v", v, err)
	}
	// The store keeps the tally it is given (the caller's check); it does
	// not check the report itself.
	if cur, _ := st.Report(ctx, rec.ID); cur.Errors != 7 || cur.Warnings != 5 {
		t.Errorf("saved tally %d errors, %d warnings, want 7 and 5", cur.Errors, cur.Warnings)
	}
	r3 := r.Clone()
	r3.Narrative.Overview = "过时的"
	if _, err := st.SaveDraft(ctx, rec.ID, 1, r3, report.Tally{}, 0); !errors.Is(err, store.ErrStale) {
		t.Errorf("stale save: err = %v", err)
	}
	if _, err := st.SaveDraft(ctx, 999, 1, r3, report.Tally{}, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing report: err = %v", err)
	}
	cur, _ := st.Report(ctx, rec.ID)
	if cur.Version != 2 || cur.Report.Narrative.Overview != "第二版" {
		t.Errorf("current = v%d %q", cur.Version, cur.Report.Narrative.Overview)
	}
	old, err := st.ReportVersion(ctx, rec.ID, 1)
	if err != nil || old.Report.Narrative.Overview != "" || old.Version != 1 {
		t.Errorf("version 1 = %+v, %v", old, err)
	}
	byYear, err := st.ReportByBodyYear(ctx, body, 2024)
	if err != nil || byYear.ID != rec.ID {
		t.Errorf("ReportByBodyYear = %+v, %v", byYear, err)
	}
	log, _ := st.AuditLog(ctx, store.AuditFilter{ReportID: rec.ID})
	if len(log) != 2 || log[0].Action != store.ActReportSave || log[1].Action != store.ActReportCreate {
		t.Errorf("audit log = %+v", log)
	}
}

func TestUsersAndEpoch(t *testing.T) { eachDB(t, testUsersAndEpoch) }

func testUsersAndEpoch(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	u, err := st.CreateUser(ctx, store.NewUser{Username: " Zhang ", PasswordHash: "x"},
		[]auth.Grant{{Body: body, Role: auth.Clerk}}, 0)
	if err != nil || u.Username != "zhang" || u.Epoch != 1 {
		t.Fatalf("CreateUser = %+v, %v", u, err)
	}
	if _, err := st.CreateUser(ctx, store.NewUser{Username: "ZHANG", PasswordHash: "x"}, nil, 0); !errors.Is(err, store.ErrConflict) {
		t.Errorf("duplicate username: err = %v", err)
	}
	epoch, err := st.SetPassword(ctx, u.ID, "y", u.ID)
	if err != nil || epoch != 2 {
		t.Errorf("SetPassword = %d, %v", epoch, err)
	}
	if err := st.SetDisabled(ctx, u.ID, true, 0); err != nil {
		t.Fatal(err)
	}
	got, _ := st.UserByUsername(ctx, "zhang")
	if !got.Disabled || got.Epoch != 3 || got.PasswordHash != "y" {
		t.Errorf("after changes: %+v", got)
	}
	if err := st.AddRole(ctx, u.ID, auth.Grant{Body: body, Role: auth.Clerk}, 0); err != nil {
		t.Errorf("adding a role held already: %v", err)
	}
	if err := st.RemoveRole(ctx, u.ID, auth.Grant{Body: body, Role: auth.Admin}, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removing a role not held: err = %v", err)
	}
	if g, _ := st.Grants(ctx, u.ID); len(g) != 1 {
		t.Errorf("grants = %v", g)
	}
}

// TestUserWithGrants: the account and its roles read together, as every
// request reads its session's user, follow every change of roles.
func TestUserWithGrants(t *testing.T) { eachDB(t, testUserWithGrants) }

func testUserWithGrants(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	a, b := mustBody(t, st, 0, "甲局"), mustBody(t, st, 0, "乙局")
	u, err := st.CreateUser(ctx, store.NewUser{Username: "li", DisplayName: "李四", PasswordHash: "x"}, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		change func() error
		want   []auth.Grant
	}{
		{"no role", func() error { return nil }, nil},
		{"a clerk at 乙局", func() error { return st.AddRole(ctx, u.ID, auth.Grant{Body: b, Role: auth.Clerk}, 0) }, []auth.Grant{{Body: b, Role: auth.Clerk}}},
		{"and a reviewer at 甲局", func() error { return st.AddRole(ctx, u.ID, auth.Grant{Body: a, Role: auth.Reviewer}, 0) },
			[]auth.Grant{{Body: a, Role: auth.Reviewer}, {Body: b, Role: auth.Clerk}}},
		{"and a clerk at 甲局", func() error { return st.AddRole(ctx, u.ID, auth.Grant{Body: a, Role: auth.Clerk}, 0) },
			[]auth.Grant{{Body: a, Role: auth.Clerk}, {Body: a, Role: auth.Reviewer}, {Body: b, Role: auth.Clerk}}},
		{"乙局's role taken away", func() error { return st.RemoveRole(ctx, u.ID, auth.Grant{Body: b, Role: auth.Clerk}, 0) },
			[]auth.Grant{{Body: a, Role: auth.Clerk}, {Body: a, Role: auth.Reviewer}}},
	}
	for _, step := range steps {
		if err := step.change(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		got, grants, err := st.UserWithGrants(ctx, u.ID)
		if err != nil || got.ID != u.ID || got.Username != "li" || got.DisplayName != "李四" || got.Epoch != 1 {
			t.Fatalf("%s: UserWithGrants = %+v, %v", step.name, got, err)
		}
		if !slices.Equal(grants, step.want) {
			t.Errorf("%s: grants %v, want %v", step.name, grants, step.want)
		}
	}
	if _, _, err := st.UserWithGrants(ctx, u.ID+100); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("a user that does not exist: err = %v", err)
	}
}

func TestCreateFirstAdminOnce(t *testing.T) { eachDB(t, testCreateFirstAdminOnce) }

func testCreateFirstAdminOnce(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	nu := store.NewUser{Username: "admin", PasswordHash: "x"}
	root := store.Body{Name: "某市人民政府", Kind: org.LocalGovernment}
	if _, _, err := st.CreateFirstAdmin(ctx, nu, root); err != nil {
		t.Fatal(err)
	}
	nu.Username = "admin2"
	if _, _, err := st.CreateFirstAdmin(ctx, nu, root); !errors.Is(err, store.ErrConflict) {
		t.Errorf("second setup: err = %v", err)
	}
}

func TestBackup(t *testing.T) { eachDB(t, testBackup) }

func testBackup(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	mustBody(t, st, 0, "某局")
	path := filepath.Join(t.TempDir(), "backup.db")
	if err := st.Backup(ctx, path); err != nil {
		t.Fatal(err)
	}
	if err := st.Backup(ctx, path); !errors.Is(err, fs.ErrExist) {
		t.Errorf("overwriting a backup: err = %v", err)
	}
	target := path
	if st.Dialect() == store.Postgres { // a pg_dump file: restore it into a new database
		target = testenv.Postgres(t)
		bin, err := store.PostgresTool("pg_restore")
		if err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command(bin, "--no-owner", "--dbname", target, path).CombinedOutput(); err != nil {
			t.Fatalf("pg_restore: %v: %s", err, out)
		}
	}
	cp, err := store.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if bs, _ := cp.Bodies(ctx); len(bs) != 1 {
		t.Errorf("backup has %d bodies", len(bs))
	}
}

// TestReportCacheIsolated: what a caller does to a report it got does not
// change what the next caller gets, and a save is seen at once.
func TestReportCacheIsolated(t *testing.T) { eachDB(t, testReportCacheIsolated) }

func testReportCacheIsolated(t *testing.T, open opener) {
	st := open(t)
	body, err := st.CreateBody(t.Context(), store.Body{Name: "某局", Kind: "department"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := st.CreateReport(t.Context(), body.ID, 2024, report.New(report.T2021), 0)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := st.Report(t.Context(), rec.ID)
	first.Report.Narrative.Other = "只在内存里改"
	again, _ := st.Report(t.Context(), rec.ID)
	if again.Report.Narrative.Other != "" {
		t.Error("a change to a returned report leaked into the cache")
	}
	again.Report.Narrative.Other = "保存的"
	if _, err := st.SaveDraft(t.Context(), rec.ID, 1, again.Report, report.Tally{}, 0); err != nil {
		t.Fatal(err)
	}
	again.Report.Narrative.Other = "保存后又改"
	saved, _ := st.Report(t.Context(), rec.ID)
	if saved.Version != 2 || saved.Report.Narrative.Other != "保存的" {
		t.Errorf("after the save: v%d %q", saved.Version, saved.Report.Narrative.Other)
	}
}

// TestVersionsKeepUnreadTexts: a saved version keeps what the clerk typed
// that could not be read, as the draft does (merges compare versions).
func TestVersionsKeepUnreadTexts(t *testing.T) { eachDB(t, testVersionsKeepUnreadTexts) }

func testVersionsKeepUnreadTexts(t *testing.T, open opener) {
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	rec, _ := st.CreateReport(t.Context(), body, 2024, report.New(report.T2021), 0)
	r, _ := report.Apply(rec.Report, func(f string) (string, bool) {
		return "十二", f == "requests.granted.research"
	})
	if _, err := st.SaveDraft(t.Context(), rec.ID, 1, r, report.Tally{}, 0); err != nil {
		t.Fatal(err)
	}
	v2, err := st.ReportVersion(t.Context(), rec.ID, 2)
	if err != nil {
		t.Fatal(err)
	}
	if got := v2.Report.Entry(report.T2021.Lookup("requests.granted.research")); got != "十二" {
		t.Errorf("version 2 shows %q", got)
	}
}

// TestTreeDepthLimit: the tree stops at MaxTreeDepth levels, when adding
// a body and when moving a subtree.
func TestTreeDepthLimit(t *testing.T) { eachDB(t, testTreeDepthLimit) }

func testTreeDepthLimit(t *testing.T, open opener) {
	st := open(t)
	ctx := t.Context()
	parent := int64(0)
	var chain []int64
	for i := range store.MaxTreeDepth {
		parent = mustBody(t, st, parent, "第"+strconv.Itoa(i+1)+"级")
		chain = append(chain, parent)
	}
	if _, err := st.CreateBody(ctx, store.Body{ParentID: parent, Name: "太深", Kind: org.Other}, 0); !errors.Is(err, store.ErrTooDeep) {
		t.Errorf("a body below level %d: %v", store.MaxTreeDepth, err)
	}
	other := mustBody(t, st, 0, "另一棵树")
	mustBody(t, st, other, "它的下级")
	b, _ := st.Body(ctx, other)
	b.ParentID = chain[store.MaxTreeDepth-2] // two levels hung below level 31
	if err := st.UpdateBody(ctx, *b, 0); !errors.Is(err, store.ErrTooDeep) {
		t.Errorf("moving a two-level subtree below level %d: %v", store.MaxTreeDepth-1, err)
	}
	b.ParentID = chain[store.MaxTreeDepth-3]
	if err := st.UpdateBody(ctx, *b, 0); err != nil {
		t.Errorf("moving it one level higher: %v", err)
	}
}
