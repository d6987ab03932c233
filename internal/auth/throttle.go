package auth

import (
	"context"
	"slices"
	"strings"
	"sync"
	"time"
)

// ThrottlePolicy says how failed logins slow down further attempts on one
// key (an account or an address): Free failures cost nothing; from then on
// each attempt must wait Base, doubled for every further failure, at most
// Max. Forget failures older than Forget.
type ThrottlePolicy struct {
	Free      int
	Base, Max time.Duration
	Forget    time.Duration
}

// Default policies. An address gets more free failures than an account
// because a whole office often shares one address.
var (
	AccountPolicy = ThrottlePolicy{Free: 5, Base: 30 * time.Second, Max: 15 * time.Minute, Forget: time.Hour}
	AddressPolicy = ThrottlePolicy{Free: 20, Base: 30 * time.Second, Max: 15 * time.Minute, Forget: time.Hour}
)

// maxKeys bounds the memory of a throttle: past it, forgotten keys are
// swept out.
const maxKeys = 10000

// Throttle counts failed logins per account and per address: in memory
// (NewThrottle), where a restart forgets them, or in the database
// (NewSharedThrottle), where every app server sees the same counts. It is
// safe for concurrent use.
type Throttle struct {
	Now      func() time.Time
	accounts keyed
	addrs    keyed
	mu       sync.Mutex
	shared   FailureCounts
}

type keyed struct {
	policy ThrottlePolicy
	m      map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

// NewThrottle returns a throttle in memory with AccountPolicy and
// AddressPolicy.
func NewThrottle() *Throttle {
	return &Throttle{
		Now:      time.Now,
		accounts: keyed{policy: AccountPolicy, m: map[string]*failures{}},
		addrs:    keyed{policy: AddressPolicy, m: map[string]*failures{}},
	}
}

// Wait returns how long a login to account from addr must still wait; 0
// means it may be tried now. A caller refuses the attempt, without checking
// the password, while Wait is above 0.
func (t *Throttle) Wait(ctx context.Context, account, addr string) time.Duration {
	if t.shared != nil {
		return t.sharedWait(ctx, account, addr)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.Now()
	return max(t.accounts.wait(normal(account), now), t.addrs.wait(addr, now))
}

// Fail records a failed login.
func (t *Throttle) Fail(ctx context.Context, account, addr string) {
	if t.shared != nil {
		t.sharedFail(ctx, account, addr)
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.Now()
	t.accounts.fail(normal(account), now)
	t.addrs.fail(addr, now)
}

// Succeed forgets the account's failures. The address keeps its count, so
// that logging into one's own account does not reset a guesser's budget.
func (t *Throttle) Succeed(ctx context.Context, account string) {
	if t.shared != nil {
		t.sharedSucceed(ctx, account)
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.accounts.m, normal(account))
}

func normal(account string) string { return strings.ToLower(strings.TrimSpace(account)) }

func (k *keyed) wait(key string, now time.Time) time.Duration {
	f := k.m[key]
	if f == nil {
		return 0
	}
	return k.policy.wait(f.n, f.last, now)
}

// wait is how long after n failures, the last at last, an attempt at now
// must still wait.
func (p ThrottlePolicy) wait(n int, last, now time.Time) time.Duration {
	if n < p.Free || now.Sub(last) > p.Forget {
		return 0
	}
	delay := p.Base << min(n-p.Free, 20)
	if delay > p.Max || delay <= 0 {
		delay = p.Max
	}
	return max(0, last.Add(delay).Sub(now))
}

func (k *keyed) fail(key string, now time.Time) {
	f := k.m[key]
	if f == nil || now.Sub(f.last) > k.policy.Forget {
		if len(k.m) >= maxKeys {
			k.sweep(now)
		}
		f = &failures{}
		k.m[key] = f
	}
	f.n++
	f.last = now
}

// sweep makes room: it drops forgotten keys, then keys still within their
// free failures (they slow nobody down yet), then — only if a flood of
// throttled keys fills the map — the half whose last failure is oldest.
// Keys being slowed down are kept as long as possible, so that a flood of
// made-up names cannot wipe the count of an account under attack.
func (k *keyed) sweep(now time.Time) {
	for key, f := range k.m {
		if now.Sub(f.last) > k.policy.Forget || f.n < k.policy.Free {
			delete(k.m, key)
		}
	}
	if len(k.m) < maxKeys {
		return
	}
	lasts := make([]time.Time, 0, len(k.m))
	for _, f := range k.m {
		lasts = append(lasts, f.last)
	}
	slices.SortFunc(lasts, time.Time.Compare)
	cut := lasts[len(lasts)/2]
	for key, f := range k.m {
		if f.last.Before(cut) {
			delete(k.m, key)
		}
	}
}
