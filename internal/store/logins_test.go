package store_test

import (
	"sync"
	"testing"
	"time"
)

// TestLoginFailures: counts kept per kind and key, counted by concurrent
// callers without losing one, restarted after forgetBefore, and forgotten.
func TestLoginFailures(t *testing.T) { eachDB(t, testLoginFailures) }

func testLoginFailures(t *testing.T, open opener) {
	s := open(t)
	ctx := t.Context()
	t0 := time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC)
	if n, _, err := s.LoginFailures(ctx, "account", "zhang"); err != nil || n != 0 {
		t.Fatalf("before any failure: %d, %v", n, err)
	}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.AddLoginFailure(ctx, "account", "zhang", t0.Add(time.Duration(i)*time.Second), t0.Add(-time.Hour)); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	n, last, err := s.LoginFailures(ctx, "account", "zhang")
	if err != nil || n != 8 || last.Before(t0) || last.After(t0.Add(7*time.Second)) {
		t.Fatalf("after 8 concurrent failures: %d at %v, %v", n, last, err)
	}
	if n, _, _ := s.LoginFailures(ctx, "address", "zhang"); n != 0 {
		t.Errorf("the address kind shares the account's count: %d", n)
	}
	later := t0.Add(2 * time.Hour)
	if err := s.AddLoginFailure(ctx, "account", "zhang", later, later.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if n, last, _ := s.LoginFailures(ctx, "account", "zhang"); n != 1 || !last.Equal(later) {
		t.Errorf("a failure after the forget time: %d at %v, want 1 at %v", n, last, later)
	}
	if err := s.ForgetLoginFailures(ctx, "account", "zhang"); err != nil {
		t.Fatal(err)
	}
	if n, _, _ := s.LoginFailures(ctx, "account", "zhang"); n != 0 {
		t.Errorf("after forgetting: %d", n)
	}
}
