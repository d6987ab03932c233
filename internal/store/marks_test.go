package store_test

import (
	"testing"

	"nianbao/internal/report"
)

func TestFindingMarks(t *testing.T) { eachDB(t, testFindingMarks) }

// testFindingMarks: a mark is kept by fingerprint and read back with its
// reason and status; setting it again replaces it, removing it deletes
// it; the board reads the confirmed count kept with it.
func testFindingMarks(t *testing.T, open opener) {
	s := open(t)
	ctx := t.Context()
	body := mustBody(t, s, 0, "某局")
	rec, err := s.CreateReport(ctx, body, 2024, report.New(report.T2021), 0)
	if err != nil {
		t.Fatal(err)
	}
	m := report.Mark{Print: "abc", Rule: "W2", Status: report.MarkReturned, Reason: "请核对"}
	if err := s.SetFindingMark(ctx, rec.ID, m, 0, 0); err != nil {
		t.Fatal(err)
	}
	m.Status, m.Reason = report.MarkConfirmed, "已核对"
	if err := s.SetFindingMark(ctx, rec.ID, m, 1, 0); err != nil {
		t.Fatal(err)
	}
	marks, err := s.FindingMarks(ctx, rec.ID)
	if got := marks["abc"]; err != nil || len(marks) != 1 || got.Status != report.MarkConfirmed || got.Reason != "已核对" || got.Rule != "W2" || got.At.IsZero() {
		t.Errorf("marks %+v, %v", marks, err)
	}
	rows, err := s.Board(ctx, []int64{body}, 2024)
	if err != nil || len(rows) != 1 || rows[0].Confirmed != 1 {
		t.Errorf("board %+v, %v", rows, err)
	}
	if err := s.SetFindingMark(ctx, rec.ID, report.Mark{Print: "abc", Rule: "W2"}, 0, 0); err != nil {
		t.Fatal(err)
	}
	if marks, _ := s.FindingMarks(ctx, rec.ID); len(marks) != 0 {
		t.Errorf("after removal: %+v", marks)
	}
	if rows, _ := s.Board(ctx, []int64{body}, 2024); rows[0].Confirmed != 0 {
		t.Errorf("after removal the board counts %d confirmed", rows[0].Confirmed)
	}
}
