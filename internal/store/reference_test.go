package store_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
)

func fixtureReport(t *testing.T, path string) *report.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", path))
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestReference: a reference report is stored with its text, read back
// value for value (a 2019-format one with its legacy section 二), replaced
// by a new import with its revision raised, each import audited; a body
// without one, or no body, is ErrNotFound.
func TestReference(t *testing.T) { eachDB(t, testReference) }

func testReference(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "瑞安市人民政府办公室")
	u, err := st.CreateUser(ctx, store.NewUser{Username: "clerk", PasswordHash: "x"}, []auth.Grant{{Body: body, Role: auth.Clerk}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ReferenceReport(ctx, body, 2024); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("ReferenceReport before any import: %v, want ErrNotFound", err)
	}
	r2021 := fixtureReport(t, "report/testdata/seeds/002.json")
	ref, err := st.SaveReference(ctx, body, 2024, r2021, "原文\n第二行", u.ID)
	if err != nil || ref.Revision != 1 {
		t.Fatalf("SaveReference: %+v, %v", ref, err)
	}
	got, err := st.Reference(ctx, body, 2024)
	if err != nil {
		t.Fatal(err)
	}
	if got.SourceText != "原文\n第二行" || got.ImportedBy != u.ID || got.Revision != 1 || got.ImportedAt.IsZero() {
		t.Errorf("Reference: %+v", got)
	}
	if d := report.Diff(r2021, got.Report); len(d) != 0 {
		t.Errorf("stored report differs: %v", d)
	}
	cached, err := st.ReferenceReport(ctx, body, 2024)
	if err != nil || cached.Values[cached.Template().Lookup("requests.carried_forward.natural_person")] != report.Num(22) {
		t.Fatalf("ReferenceReport: %v", err)
	}
	cached.Values[0] = report.Num(999) // a caller's change stays its own
	if again, _ := st.ReferenceReport(ctx, body, 2024); again.Values[0] == report.Num(999) {
		t.Error("ReferenceReport hands out its cached report")
	}

	// A new import replaces it: now a 2019-format report.
	r2019 := fixtureReport(t, "importer/testdata/001.json")
	ref, err = st.SaveReference(ctx, body, 2024, r2019, "另一份原文", u.ID)
	if err != nil || ref.Revision != 2 {
		t.Fatalf("replacing: %+v, %v", ref, err)
	}
	rep, err := st.ReferenceReport(ctx, body, 2024)
	if err != nil || rep.Format != report.Format2019 || len(rep.Legacy2019) == 0 || rep.Year != 2024 {
		t.Fatalf("after replacing: format %s, legacy %d bytes, year %d, %v", rep.Format, len(rep.Legacy2019), rep.Year, err)
	}
	log, _ := st.AuditLog(ctx, store.AuditFilter{BodyID: body, Action: store.ActReferenceImport})
	if len(log) != 2 || log[0].UserID != u.ID || !strings.Contains(log[0].Detail, "2019年格式，第2次导入") {
		t.Errorf("audit: %+v", log)
	}

	if _, err := st.Reference(ctx, body, 2023); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("another year: %v, want ErrNotFound", err)
	}
	if _, err := st.SaveReference(ctx, 999, 2024, r2021, "x", 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("missing body: %v, want ErrNotFound", err)
	}
}

// TestReportOrReference: the year's report written in nianbao when there
// is one (even beside an imported reference), else the reference, else
// ErrNotFound; read again after a save, the new version; the cached
// report is the caller's own.
func TestReportOrReference(t *testing.T) { eachDB(t, testReportOrReference) }

func testReportOrReference(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	seed := fixtureReport(t, "report/testdata/seeds/002.json")
	natural := seed.Template().Lookup("requests.carried_forward.natural_person")
	written, imported := seed.Clone(), seed.Clone()
	written.Values[natural], imported.Values[natural] = report.Num(1), report.Num(2)
	tests := []struct {
		name              string
		written, imported bool
		want              report.Value // natural's value; the zero Value: ErrNotFound
	}{
		{"neither", false, false, report.Value{}},
		{"only the reference", false, true, report.Num(2)},
		{"only a report", true, false, report.Num(1)},
		{"both", true, true, report.Num(1)},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := mustBody(t, st, 0, "机关"+tt.name)
			var id int64
			if tt.written {
				rec, err := st.CreateReport(ctx, body, 2023, written, 0)
				if err != nil {
					t.Fatal(err)
				}
				id = rec.ID
			}
			if tt.imported {
				if _, err := st.SaveReference(ctx, body, 2023, imported, "原文", 0); err != nil {
					t.Fatal(err)
				}
			}
			for range 2 { // the second from the cache
				got, err := st.ReportOrReference(ctx, body, 2023)
				if tt.want == (report.Value{}) {
					if !errors.Is(err, store.ErrNotFound) {
						t.Fatalf("%v, want ErrNotFound", err)
					}
					return
				}
				if err != nil || got.Values[natural] != tt.want {
					t.Fatalf("got %v (%v), want %v", got.Values[natural], err, tt.want)
				}
				got.Values[natural] = report.Num(999) // a caller's change stays its own
			}
			if !tt.written {
				return
			}
			changed := written.Clone()
			changed.Values[natural] = report.Num(int64(10 + i))
			if _, err := st.SaveDraft(ctx, id, 1, changed, report.Tally{}, 0); err != nil {
				t.Fatal(err)
			}
			if got, err := st.ReportOrReference(ctx, body, 2023); err != nil || got.Values[natural] != report.Num(int64(10+i)) {
				t.Errorf("after a save: %v (%v)", got.Values[natural], err)
			}
		})
	}
}
