package store

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/pressly/goose/v3"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// oldDatabases are where the migration tests make a database of an older
// schema: a new SQLite file, a new PostgreSQL database.
var oldDatabases = []struct {
	name   string
	target func(t *testing.T) string
}{
	{"sqlite", func(t *testing.T) string { return filepath.Join(t.TempDir(), "old.db") }},
	{"postgres", func(t *testing.T) string { return testenv.Postgres(t) }},
}

// TestOldVersionsReadAfterMigration: versions stored whole before
// migration 00015 (every row a copy) open as before once it has run, and
// the next save after them is stored as a change.
func TestOldVersionsReadAfterMigration(t *testing.T) {
	for _, tc := range oldDatabases {
		t.Run(tc.name, func(t *testing.T) { testOldVersions(t, tc.target(t)) })
	}
}

// migratedTo opens the database target with the migrations up to version
// applied, and no more.
func migratedTo(t *testing.T, target string, version int64) *sql.DB {
	t.Helper()
	ctx := context.Background()
	d, _ := DialectOf(target)
	var db *sql.DB
	var err error
	if d == Postgres {
		db, _, err = openPostgres(ctx, target)
	} else {
		db, err = openSQLite(ctx, target)
	}
	if err != nil {
		t.Fatal(err)
	}
	gd, fsys, err := migrationsFor(d)
	if err != nil {
		t.Fatal(err)
	}
	p, err := goose.NewProvider(gd, db, fsys)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.UpTo(ctx, version); err != nil {
		t.Fatal(err)
	}
	return db
}

func testOldVersions(t *testing.T, target string) {
	ctx := context.Background()
	db := migratedTo(t, target, 14)
	old := []string{`{"format":"2021","year":2024,"title":"第一版"}`, `{"format":"2021","year":2024,"title":"第二版"}`}
	for _, q := range []string{
		`INSERT INTO bodies (id, name, kind, created_at) VALUES (1, '某局', 'department', CURRENT_TIMESTAMP)`,
		`INSERT INTO reports (id, body_id, year, version, data, unread, created_at, updated_at) VALUES (1, 1, 2024, 2, '` + old[1] + `', '{"requests.new":"十二"}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
		`INSERT INTO report_versions (report_id, version, data, saved_at) VALUES (1, 1, '` + old[0] + `', CURRENT_TIMESTAMP)`,
		`INSERT INTO report_versions (report_id, version, data, unread, saved_at) VALUES (1, 2, '` + old[1] + `', '{"requests.new":"十二"}', CURRENT_TIMESTAMP)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	st, err := Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for v, title := range []string{"第一版", "第二版"} {
		rec, err := st.ReportVersion(ctx, 1, v+1)
		if err != nil || rec.Report.Title != title {
			t.Fatalf("old version %d: %+v, %v", v+1, rec, err)
		}
	}
	data, unread, err := versionTexts(ctx, st.DB, 1, 2)
	if err != nil || data != old[1] || unread != `{"requests.new":"十二"}` {
		t.Errorf("old version 2 reads %q, %q, %v", data, unread, err)
	}
	rec, _ := st.Report(ctx, 1)
	r := rec.Report.Clone()
	r.Title = "第三版"
	if _, err := st.SaveDraft(ctx, 1, 2, r, report.Tally{}, 0); err != nil {
		t.Fatal(err)
	}
	var isChange bool
	if err := st.DB.QueryRowContext(ctx, `SELECT delta IS NOT NULL FROM report_versions WHERE report_id = 1 AND version = 3`).Scan(&isChange); err != nil || !isChange {
		t.Errorf("the save after old versions is stored whole (%v)", err)
	}
	if got, err := st.ReportVersion(ctx, 1, 3); err != nil || got.Report.Title != "第三版" {
		t.Errorf("version 3: %v", err)
	}
}

// TestCommentsReadAfterPlaceRename: comments written while their place was
// stored in the column anchor read back with their places after migration
// 00024 renamed it, on both databases.
func TestCommentsReadAfterPlaceRename(t *testing.T) {
	for _, tc := range oldDatabases {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			target := tc.target(t)
			db := migratedTo(t, target, 23)
			places := []string{"", "section:三", "para:narrative.overview:2", "cell:requests.granted.natural_person"}
			for _, q := range []string{
				`INSERT INTO bodies (id, name, kind, created_at) VALUES (1, '某局', 'department', CURRENT_TIMESTAMP)`,
				`INSERT INTO reports (id, body_id, year, version, data, created_at, updated_at) VALUES (1, 1, 2024, 1, '{"format":"2021","year":2024}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)`,
			} {
				if _, err := db.ExecContext(ctx, q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			for i, place := range places {
				if _, err := db.ExecContext(ctx, `INSERT INTO comments (report_id, revision, version, anchor, body, created_at)
					VALUES (1, 0, 1, $1, $2, CURRENT_TIMESTAMP)`, place, fmt.Sprintf("意见%d", i)); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
			st, err := Open(ctx, target)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			cs, err := st.Comments(ctx, 1, 0)
			if err != nil || len(cs) != len(places) {
				t.Fatalf("%d comments (%v), want %d", len(cs), err, len(places))
			}
			for i, c := range cs {
				if c.Place != places[i] || c.Body != fmt.Sprintf("意见%d", i) {
					t.Errorf("comment %d: place %q, body %q; want %q, 意见%d", i, c.Place, c.Body, places[i], i)
				}
			}
			if _, err := st.AddComment(ctx, 1, "section:六", "新意见", 0); err != nil {
				t.Errorf("a comment after the rename: %v", err)
			}
		})
	}
}
