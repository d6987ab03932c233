package workflow_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"nianbao/internal/workflow"
)

var (
	clerk    = workflow.Roles{Clerk: true}
	reviewer = workflow.Roles{Reviewer: true}
	admin    = workflow.Roles{Admin: true}
	nobody   = workflow.Roles{}
	ok       = workflow.Facts{Reason: "第三部分数字有误"}
)

// TestEveryTransition: every state × action × role, with clean facts: the
// allowed ones and where they lead; every other combination is refused
// with a reason naming the state or the role.
func TestEveryTransition(t *testing.T) {
	allowed := map[string]workflow.State{
		"draft/submit/clerk":         workflow.Submitted,
		"returned/submit/clerk":      workflow.Submitted,
		"submitted/withdraw/clerk":   workflow.Draft,
		"submitted/return/reviewer":  workflow.Returned,
		"submitted/approve/reviewer": workflow.Approved,
		"approved/revoke/reviewer":   workflow.Returned,
		"approved/publish/reviewer":  workflow.Published,
		"approved/publish/admin":     workflow.Published,
		"published/correct/clerk":    workflow.Draft,
		"published/correct/reviewer": workflow.Draft,
	}
	roles := map[string]workflow.Roles{"clerk": clerk, "reviewer": reviewer, "admin": admin, "nobody": nobody}
	states := []workflow.State{workflow.Draft, workflow.Submitted, workflow.Returned, workflow.Approved, workflow.Published}
	n := 0
	for _, s := range states {
		for _, a := range workflow.Actions {
			for rn, r := range roles {
				key := string(s) + "/" + string(a) + "/" + rn
				got, err := workflow.Next(s, a, r, ok)
				want, isAllowed := allowed[key]
				if isAllowed {
					n++
					if err != nil || got != want {
						t.Errorf("%s: got %s, %v; want %s", key, got, err, want)
					}
					continue
				}
				var ref *workflow.Refusal
				if !errors.As(err, &ref) || got != s {
					t.Errorf("%s: allowed (→ %s), want refused", key, got)
					continue
				}
				if !strings.Contains(ref.Msg, "只有") && !strings.Contains(ref.Msg, s.Label()) {
					t.Errorf("%s: refusal %q names neither role nor state", key, ref.Msg)
				}
			}
		}
	}
	if n != len(allowed) {
		t.Errorf("%d allowed transitions exercised, table has %d", n, len(allowed))
	}
}

func TestFactsRefuse(t *testing.T) {
	tests := []struct {
		name  string
		from  workflow.State
		a     workflow.Action
		who   workflow.Roles
		facts workflow.Facts
		msg   string
	}{
		{"submit with errors", workflow.Draft, workflow.Submit, clerk, workflow.Facts{Errors: 2}, "还有2个错误"},
		{"submit with unexplained warnings", workflow.Returned, workflow.Submit, clerk, workflow.Facts{UnexplainedWarnings: 1}, "1个提醒没有写明原因"},
		{"return without a reason", workflow.Submitted, workflow.Return, reviewer, workflow.Facts{}, "退回的理由"},
		{"approve with errors", workflow.Submitted, workflow.Approve, reviewer, workflow.Facts{Errors: 1}, "不能通过"},
		{"publish with errors", workflow.Approved, workflow.Publish, admin, workflow.Facts{Errors: 1}, "不能通过"},
		{"correction without a note", workflow.Published, workflow.Correct, clerk, workflow.Facts{Reason: " "}, "更正说明"},
		{"a return's reason over 2000 characters", workflow.Submitted, workflow.Return, reviewer, workflow.Facts{Reason: strings.Repeat("改", 2001)}, "最多2000个字（现有2001个字）"},
		{"a correction note over 2000 characters", workflow.Published, workflow.Correct, clerk, workflow.Facts{Reason: strings.Repeat("更", 2500)}, "最多2000个字"},
		{"submit with a warning's reason over 2000 characters", workflow.Draft, workflow.Submit, clerk, workflow.Facts{LongReasons: 1}, "1条提醒的原因超过2000个字"},
		{"approve one's own submission", workflow.Submitted, workflow.Approve, reviewer, workflow.Facts{OwnSubmission: true}, "您本人提交的"},
		{"publish one's own submission", workflow.Approved, workflow.Publish, reviewer, workflow.Facts{OwnSubmission: true}, "另一位审核人"},
		{"an admin publishing what they submitted", workflow.Approved, workflow.Publish, admin, workflow.Facts{OwnSubmission: true}, "另一位审核人"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := workflow.Next(tc.from, tc.a, tc.who, tc.facts)
			if err == nil || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("got %v, want a refusal saying %q", err, tc.msg)
			}
		})
	}
}

// TestSecondPerson: approving and publishing one's own submission is
// refused as who asks (NotYours), and allowed where the body allows one
// person both; a reason of exactly 2000 characters is taken.
func TestSecondPerson(t *testing.T) {
	_, err := workflow.Next(workflow.Submitted, workflow.Approve, reviewer, workflow.Facts{OwnSubmission: true})
	var ref *workflow.Refusal
	if !errors.As(err, &ref) || !ref.NotYours {
		t.Errorf("own submission: %v, want a refusal of who asks", err)
	}
	for _, a := range []workflow.Action{workflow.Approve, workflow.Publish} {
		from := map[workflow.Action]workflow.State{workflow.Approve: workflow.Submitted, workflow.Publish: workflow.Approved}[a]
		if _, err := workflow.Next(from, a, reviewer, workflow.Facts{OwnSubmission: true, SelfReview: true}); err != nil {
			t.Errorf("%s with the body's permission: %v", a, err)
		}
	}
	if _, err := workflow.Next(workflow.Submitted, workflow.Return, reviewer, workflow.Facts{Reason: strings.Repeat("改", 2000), OwnSubmission: true}); err != nil {
		t.Errorf("a 2000-character return of one's own submission: %v", err)
	}
}

func TestAllowedButtons(t *testing.T) {
	tests := []struct {
		s    workflow.State
		who  workflow.Roles
		want string
	}{
		{workflow.Draft, clerk, "submit"},
		{workflow.Submitted, workflow.Roles{Clerk: true, Reviewer: true}, "withdraw return approve"},
		{workflow.Approved, admin, "publish"},
		{workflow.Published, reviewer, "correct"},
		{workflow.Draft, reviewer, ""},
	}
	for _, tc := range tests {
		var got []string
		for _, a := range workflow.Allowed(tc.s, tc.who) {
			got = append(got, string(a))
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Allowed(%s, %+v) = %v, want %q", tc.s, tc.who, got, tc.want)
		}
	}
}

func TestDaysLeft(t *testing.T) {
	deadline := time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		now  time.Time
		want int
	}{
		{time.Date(2025, time.January, 19, 10, 0, 0, 0, time.UTC), 12},
		{time.Date(2025, time.January, 30, 17, 0, 0, 0, time.UTC), 0},  // 01:00 on the 31st in China
		{time.Date(2025, time.January, 31, 15, 59, 0, 0, time.UTC), 0}, // 23:59 on the 31st in China
		{time.Date(2025, time.January, 31, 16, 0, 0, 0, time.UTC), -1},
		{time.Date(2025, time.March, 3, 0, 0, 0, 0, time.UTC), -31},
	}
	for _, tc := range tests {
		if got := workflow.DaysLeft(deadline, tc.now); got != tc.want {
			t.Errorf("DaysLeft at %v = %d, want %d", tc.now, got, tc.want)
		}
	}
}
