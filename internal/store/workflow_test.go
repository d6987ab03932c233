package store_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
)

func TestChangeStateAndPublish(t *testing.T) { eachDB(t, testChangeStateAndPublish) }

func testChangeStateAndPublish(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	rec, err := st.CreateReport(ctx, body, 2024, report.New(report.T2021), 0)
	if err != nil {
		t.Fatal(err)
	}
	if rec.Errors != 3 { // blank cells, 一 and 五 unwritten
		t.Errorf("a new report has %d errors at creation, want 3", rec.Errors)
	}
	submit := store.StateChange{ReportID: rec.ID, From: workflow.Draft, To: workflow.Submitted, Version: 1, Action: "submit",
		Submitted: true, Reasons: map[string]string{"W6": "本年度确无信息处理费事项"}}
	if err := st.ChangeState(ctx, submit); err != nil {
		t.Fatal(err)
	}
	// The same move again finds the report no longer a draft.
	if err := st.ChangeState(ctx, submit); !errors.Is(err, store.ErrStateChanged) {
		t.Errorf("a second submit: %v, want ErrStateChanged", err)
	}
	reasons, _ := st.WarningReasons(ctx, rec.ID)
	if reasons["W6"] != "本年度确无信息处理费事项" {
		t.Errorf("reasons %v", reasons)
	}
	if err := st.ChangeState(ctx, store.StateChange{ReportID: rec.ID, Version: 1, From: workflow.Submitted, To: workflow.Approved,
		Action: "approve", Reviewed: true}); err != nil {
		t.Fatal(err)
	}
	pub := &store.Publication{Data: []byte(`{"format":"2021"}`), PDF: []byte("%PDF-1.4 …")}
	if err := st.ChangeState(ctx, store.StateChange{ReportID: rec.ID, Version: 1, From: workflow.Approved, To: workflow.Published,
		Action: "publish", Publication: pub}); err != nil {
		t.Fatal(err)
	}
	got, _ := st.Report(ctx, rec.ID)
	if got.State != workflow.Published || got.SubmittedVersion != 1 || got.ReviewedVersion != 1 || got.Revision != 1 {
		t.Errorf("after publishing: %+v", got)
	}
	p, err := st.Publication(ctx, body, 2024, 0)
	if err != nil || p.Revision != 1 || p.SHA256 != sha256hex("%PDF-1.4 …") {
		t.Fatalf("publication %+v, %v", p, err)
	}
	pdf, _ := st.PublicationPDF(ctx, p.ID)
	if string(pdf) != "%PDF-1.4 …" {
		t.Errorf("stored PDF %q", pdf)
	}

	// A correction starts revision 2 with its note; the first stays.
	if err := st.ChangeState(ctx, store.StateChange{ReportID: rec.ID, Version: 1, From: workflow.Published, To: workflow.Draft,
		Action: "correct", Correction: "更正第三部分数字"}); err != nil {
		t.Fatal(err)
	}
	got, _ = st.Report(ctx, rec.ID)
	if got.Revision != 2 || got.Correction != "更正第三部分数字" || got.State != workflow.Draft {
		t.Errorf("after the correction: r%d %q %s", got.Revision, got.Correction, got.State)
	}
	list, _ := st.Publications(ctx, body)
	if len(list) != 1 || list[0].Revision != 1 {
		t.Errorf("publications %+v", list)
	}
}

func TestComments(t *testing.T) { eachDB(t, testComments) }

func testComments(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	other := mustBody(t, st, 0, "另一局")
	rec, _ := st.CreateReport(ctx, body, 2024, report.New(report.T2021), 0)
	otherRec, _ := st.CreateReport(ctx, other, 2024, report.New(report.T2021), 0)
	c, err := st.AddComment(ctx, rec.ID, "cell:requests.granted.natural_person", "请核对", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := st.ResolveComment(ctx, otherRec.ID, c.ID, 0); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("resolving through another report: %v", err)
	}
	if err := st.ResolveComment(ctx, rec.ID, c.ID, 0); err != nil {
		t.Fatal(err)
	}
	list, _ := st.Comments(ctx, rec.ID, 1)
	if len(list) != 1 || !list[0].Resolved() || list[0].Place != "cell:requests.granted.natural_person" || list[0].Version != 1 {
		t.Errorf("comments %+v", list)
	}
	if rev2, _ := st.Comments(ctx, rec.ID, 2); len(rev2) != 0 {
		t.Errorf("revision 2 lists %d comments of revision 1", len(rev2))
	}
	if all, _ := st.Comments(ctx, rec.ID, 0); len(all) != 1 || all[0].ID != c.ID {
		t.Errorf("every revision's comments: %+v", all)
	}
	log, _ := st.AuditLog(ctx, store.AuditFilter{ReportID: rec.ID})
	actions := map[string]bool{}
	for _, e := range log {
		actions[e.Action] = true
	}
	if !actions[store.ActComment] || !actions[store.ActCommentResolve] {
		t.Errorf("audit %v", actions)
	}
}

func TestBoard(t *testing.T) { eachDB(t, testBoard) }

func testBoard(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	city := mustBody(t, st, 0, "某市人民政府")
	edu := mustBody(t, st, city, "市教育局")
	mustBody(t, st, city, "市财政局")
	mustBody(t, st, edu, "某学校")
	mustBody(t, st, 0, "无关的县")
	if _, err := st.CreateReport(ctx, edu, 2024, report.New(report.T2021), 0); err != nil {
		t.Fatal(err)
	}
	rows, err := st.Board(ctx, []int64{city}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, r := range rows {
		names = append(names, r.Body.Name)
	}
	want := []string{"某市人民政府", "市教育局", "某学校", "市财政局"}
	if len(names) != len(want) {
		t.Fatalf("board %v, want %v", names, want)
	}
	for i := range want {
		if names[i] != want[i] {
			t.Errorf("board order %v, want %v", names, want)
			break
		}
	}
	if rows[1].ReportID == 0 || rows[1].State != workflow.Draft || rows[1].Errors != 3 || rows[2].ReportID != 0 || rows[2].Depth != 2 {
		t.Errorf("rows %+v", rows[:3])
	}
}

func sha256hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// TestBoardOverlappingRoots: a body the user holds a role at below another
// of their bodies sits in its place in the tree, once; names with
// punctuation do not break the order.
func TestBoardOverlappingRoots(t *testing.T) { eachDB(t, testBoardOverlappingRoots) }

func testBoardOverlappingRoots(t *testing.T, open opener) {
	ctx := context.Background()
	st := open(t)
	city := mustBody(t, st, 0, "某市")
	a := mustBody(t, st, city, "甲局")
	mustBody(t, st, a, "甲局-下属")
	mustBody(t, st, city, "甲 局（旧）")
	b := mustBody(t, st, city, "乙局")
	mustBody(t, st, b, "乙局下属")
	rows, err := st.Board(ctx, []int64{b, city}, 2024)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%d:%s", r.Depth, r.Body.Name))
	}
	want := "0:某市 1:乙局 2:乙局下属 1:甲 局（旧） 1:甲局 2:甲局-下属"
	if strings.Join(got, " ") != want {
		t.Errorf("board %v, want %s", got, want)
	}
}

// TestLastReturn: the latest return's reason, by whom, read back from the
// audit log; none before any return.
func TestLastReturn(t *testing.T) {
	ctx := context.Background()
	st := open(t)
	body := mustBody(t, st, 0, "某局")
	rec, err := st.CreateReport(ctx, body, 2024, report.New(report.T2021), 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := st.LastReturn(ctx, rec.ID); ok || err != nil {
		t.Fatalf("a new report has a return: %v %v", ok, err)
	}
	for i, reason := range []string{"第一次：请核对第三部分", "第二次：50%的数字仍不对"} {
		moves := []store.StateChange{
			{ReportID: rec.ID, From: workflow.Draft, To: workflow.Submitted, Version: 1, Action: "submit", Submitted: true, By: 0},
			{ReportID: rec.ID, From: workflow.Submitted, To: workflow.Returned, Version: 1, Action: "return", Detail: reason, Reviewed: true},
		}
		if i > 0 {
			moves[0].From = workflow.Returned
		}
		for _, m := range moves {
			if err := st.ChangeState(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
	}
	n, ok, err := st.LastReturn(ctx, rec.ID)
	if err != nil || !ok || n.Reason != "第二次：50%的数字仍不对" || n.At.IsZero() {
		t.Errorf("LastReturn = %+v %v %v", n, ok, err)
	}
}
