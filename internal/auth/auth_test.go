package auth_test

import (
	"fmt"
	"testing"
	"time"

	"nianbao/internal/auth"
)

// The tree: 1 (city) → 2 (office), 1 → 3 (county) → 4 (town); 9 is another root.
var ancestors = map[auth.BodyID][]auth.BodyID{1: nil, 2: {1}, 3: {1}, 4: {3, 1}, 9: nil}

func TestCan(t *testing.T) {
	user := func(r auth.Role, body auth.BodyID) *auth.User {
		return &auth.User{ID: 1, Grants: []auth.Grant{{Body: body, Role: r}}}
	}
	tests := []struct {
		name    string
		u       *auth.User
		a       auth.Action
		body    auth.BodyID
		can     bool
		visible bool
	}{
		{"clerk edits own", user(auth.Clerk, 2), auth.EditReport, 2, true, true},
		{"clerk views own", user(auth.Clerk, 2), auth.ViewReport, 2, true, true},
		{"clerk of parent cannot see child", user(auth.Clerk, 3), auth.ViewReport, 4, false, false},
		{"clerk of sibling", user(auth.Clerk, 2), auth.ViewReport, 3, false, false},
		{"clerk cannot review", user(auth.Clerk, 2), auth.ReviewReport, 2, false, true},
		{"reviewer reviews own", user(auth.Reviewer, 2), auth.ReviewReport, 2, true, true},
		{"reviewer cannot edit", user(auth.Reviewer, 2), auth.EditReport, 2, false, true},
		{"supervisor views below", user(auth.Supervisor, 1), auth.ViewReport, 4, true, true},
		{"supervisor board below", user(auth.Supervisor, 1), auth.ViewSubtree, 4, true, true},
		{"supervisor cannot edit below", user(auth.Supervisor, 1), auth.EditReport, 4, false, true},
		{"supervisor not above", user(auth.Supervisor, 3), auth.ViewReport, 1, false, false},
		{"supervisor other tree", user(auth.Supervisor, 1), auth.ViewReport, 9, false, false},
		{"admin manages below", user(auth.Admin, 1), auth.ManageUsers, 4, true, true},
		{"admin manages bodies here", user(auth.Admin, 3), auth.ManageBodies, 3, true, true},
		{"admin reads reports below (to publish them)", user(auth.Admin, 1), auth.ViewReport, 2, true, true},
		{"admin does not edit", user(auth.Admin, 1), auth.EditReport, 2, false, true},
		{"admin publishes below", user(auth.Admin, 1), auth.PublishReport, 2, true, true},
		{"reviewer publishes here", user(auth.Reviewer, 2), auth.PublishReport, 2, true, true},
		{"reviewer does not publish below", user(auth.Reviewer, 1), auth.PublishReport, 2, false, false},
		{"clerk does not publish", user(auth.Clerk, 2), auth.PublishReport, 2, false, true},
		{"clerk reads the history of own reports", user(auth.Clerk, 2), auth.ViewAudit, 2, true, true},
		{"clerk does not read the history below", user(auth.Clerk, 1), auth.ViewAudit, 2, false, false},
		{"reviewer reads the history", user(auth.Reviewer, 2), auth.ViewAudit, 2, true, true},
		{"admin not above", user(auth.Admin, 3), auth.ManageBodies, 1, false, false},
		{"anonymous", nil, auth.ViewReport, 1, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := auth.Can(tt.u, tt.a, tt.body, ancestors[tt.body]); got != tt.can {
				t.Errorf("Can(%v) = %t, want %t", tt.a, got, tt.can)
			}
			if got := auth.Visible(tt.u, tt.body, ancestors[tt.body]); got != tt.visible {
				t.Errorf("Visible = %t, want %t", got, tt.visible)
			}
		})
	}
}

func TestManagesUser(t *testing.T) {
	managed := map[auth.BodyID]bool{3: true, 4: true}
	tests := []struct {
		name   string
		grants []auth.Grant
		want   bool
	}{
		{"all inside", []auth.Grant{{Body: 3, Role: auth.Clerk}, {Body: 4, Role: auth.Admin}}, true},
		{"one outside", []auth.Grant{{Body: 4, Role: auth.Clerk}, {Body: 2, Role: auth.Clerk}}, false},
		{"no roles", nil, false},
	}
	for _, tt := range tests {
		if got := auth.ManagesUser(managed, tt.grants); got != tt.want {
			t.Errorf("%s: ManagesUser = %t, want %t", tt.name, got, tt.want)
		}
	}
}

func TestPassword(t *testing.T) {
	h, err := auth.HashPassword("正确的密码 horse")
	if err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(h, "正确的密码 horse") {
		t.Error("the right password does not match")
	}
	for _, wrong := range []string{"", "正确的密码 hors", "正确的密码 horse "} {
		if auth.CheckPassword(h, wrong) {
			t.Errorf("%q matches", wrong)
		}
	}
	if auth.CheckPassword("$2a$10$notargon", "x") || auth.CheckNoUser("x") {
		t.Error("a malformed hash matches")
	}
	h2, _ := auth.HashPassword("正确的密码 horse")
	if h == h2 {
		t.Error("two hashes of one password are equal: no salt?")
	}
	for pw, bad := range map[string]bool{"short": true, "12345678": false, " padded pw": true, "八个汉字的密码啊": false} {
		if got := auth.PasswordProblem(pw) != ""; got != bad {
			t.Errorf("PasswordProblem(%q) refused = %t, want %t", pw, got, bad)
		}
	}
}

func TestThrottle(t *testing.T) {
	now := time.Date(2025, 1, 1, 9, 0, 0, 0, time.UTC)
	th := auth.NewThrottle()
	th.Now = func() time.Time { return now }
	for i := range auth.AccountPolicy.Free {
		if w := th.Wait(t.Context(), "zhang", "10.0.0.1"); w != 0 {
			t.Fatalf("attempt %d must wait %v", i+1, w)
		}
		th.Fail(t.Context(), "Zhang", "10.0.0.1")
	}
	if w := th.Wait(t.Context(), "ZHANG", "10.0.0.2"); w != 30*time.Second {
		t.Errorf("after 5 failures: wait %v, want 30s (from any address)", w)
	}
	if w := th.Wait(t.Context(), "li", "10.0.0.1"); w != 0 {
		t.Errorf("another account from the same address waits %v", w)
	}
	now = now.Add(30 * time.Second)
	th.Fail(t.Context(), "zhang", "10.0.0.1")
	if w := th.Wait(t.Context(), "zhang", "10.0.0.1"); w != time.Minute {
		t.Errorf("after 6 failures: wait %v, want 1m (doubled)", w)
	}
	th.Succeed(t.Context(), "zhang")
	if w := th.Wait(t.Context(), "zhang", "10.0.0.1"); w != 0 {
		t.Errorf("after success: wait %v", w)
	}
	for range auth.AddressPolicy.Free {
		th.Fail(t.Context(), "user-"+now.String(), "10.0.0.9")
		now = now.Add(time.Second)
	}
	if w := th.Wait(t.Context(), "fresh", "10.0.0.9"); w == 0 {
		t.Error("an address that failed 20 times on many accounts is not slowed")
	}
	now = now.Add(2 * time.Hour)
	if w := th.Wait(t.Context(), "fresh", "10.0.0.9"); w != 0 {
		t.Errorf("old failures are not forgotten: wait %v", w)
	}
}

// TestThrottleSurvivesAFlood: failures for thousands of made-up names do
// not wipe the count of an account being guessed.
func TestThrottleSurvivesAFlood(t *testing.T) {
	th := auth.NewThrottle()
	now := time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
	th.Now = func() time.Time { return now }
	for range auth.AccountPolicy.Free + 1 {
		th.Fail(t.Context(), "zhang", "10.0.0.1")
	}
	if th.Wait(t.Context(), "zhang", "10.0.0.9") == 0 {
		t.Fatal("zhang is not slowed down")
	}
	for i := range 20000 {
		th.Fail(t.Context(), fmt.Sprintf("nobody-%d", i), fmt.Sprintf("10.1.%d.%d", i/256, i%256))
	}
	if th.Wait(t.Context(), "zhang", "10.0.0.9") == 0 {
		t.Error("a flood of made-up names reset zhang's count")
	}
}
