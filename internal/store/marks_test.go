package store_test

import (
	"fmt"
	"sync"
	"testing"

	"nianbao/internal/report"
)

// confirmedMarks counts the marks that confirm, as the web's tally does for
// warnings still shown.
func confirmedMarks(ms map[string]report.Mark) int {
	n := 0
	for _, m := range ms {
		if m.Status == report.MarkConfirmed {
			n++
		}
	}
	return n
}

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
	if err := s.SetFindingMark(ctx, rec.ID, m, confirmedMarks, 0); err != nil {
		t.Fatal(err)
	}
	m.Status, m.Reason = report.MarkConfirmed, "已核对"
	if err := s.SetFindingMark(ctx, rec.ID, m, confirmedMarks, 0); err != nil {
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
	if err := s.SetFindingMark(ctx, rec.ID, report.Mark{Print: "abc", Rule: "W2"}, confirmedMarks, 0); err != nil {
		t.Fatal(err)
	}
	if marks, _ := s.FindingMarks(ctx, rec.ID); len(marks) != 0 {
		t.Errorf("after removal: %+v", marks)
	}
	if rows, _ := s.Board(ctx, []int64{body}, 2024); rows[0].Confirmed != 0 {
		t.Errorf("after removal the board counts %d confirmed", rows[0].Confirmed)
	}

	// Reviewers marking different warnings at the same moment are all
	// counted: each count is taken inside its own transaction.
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := range 6 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.SetFindingMark(ctx, rec.ID, report.Mark{Print: fmt.Sprintf("p%d", i), Rule: "W2", Status: report.MarkConfirmed, Reason: "已核对台账"}, confirmedMarks, 0)
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if rows, _ := s.Board(ctx, []int64{body}, 2024); rows[0].Confirmed != 6 {
		t.Errorf("six reviewers marking at once: the board counts %d confirmed", rows[0].Confirmed)
	}
}
