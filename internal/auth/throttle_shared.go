package auth

import (
	"context"
	"log/slog"
	"time"
)

// FailureCounts keeps the failed-login counts where every app server sees
// them: the database (store.Store). With several app servers behind one
// load balancer, counts in each server's memory would give a guesser N
// times the attempts; counts in the database hold across servers and
// restarts.
type FailureCounts interface {
	// LoginFailures returns the failures counted for the key of kind
	// ("account" or "address") and when the last one was; n is 0 if none.
	LoginFailures(ctx context.Context, kind, key string) (n int, last time.Time, err error)
	// AddLoginFailure counts one more failure at now, starting again from 1
	// when the last one was before forgetBefore. It is one statement, so
	// two servers counting at once both count.
	AddLoginFailure(ctx context.Context, kind, key string, now, forgetBefore time.Time) error
	// ForgetLoginFailures drops the key's count.
	ForgetLoginFailures(ctx context.Context, kind, key string) error
}

// The kinds of key a shared throttle counts.
const (
	kindAccount = "account"
	kindAddress = "address"
)

// NewSharedThrottle returns a throttle with AccountPolicy and AddressPolicy
// whose counts are kept in c, shared by all servers using it.
func NewSharedThrottle(c FailureCounts) *Throttle {
	t := NewThrottle()
	t.shared = c
	return t
}

// sharedWait is Wait on the shared counts. A count that cannot be read is
// logged and taken as none: the database being unreachable also stops the
// password check, so a guesser gains nothing from it.
func (t *Throttle) sharedWait(ctx context.Context, account, addr string) time.Duration {
	now := t.Now()
	var w time.Duration
	for _, k := range []struct {
		kind, key string
		p         ThrottlePolicy
	}{{kindAccount, normal(account), t.accounts.policy}, {kindAddress, addr, t.addrs.policy}} {
		n, last, err := t.shared.LoginFailures(ctx, k.kind, k.key)
		if err != nil {
			slog.WarnContext(ctx, "login throttle: reading the failures", "kind", k.kind, "err", err)
			continue
		}
		w = max(w, k.p.wait(n, last, now))
	}
	return w
}

func (t *Throttle) sharedFail(ctx context.Context, account, addr string) {
	now := t.Now().UTC()
	if err := t.shared.AddLoginFailure(ctx, kindAccount, normal(account), now, now.Add(-t.accounts.policy.Forget)); err != nil {
		slog.WarnContext(ctx, "login throttle: counting a failure", "kind", kindAccount, "err", err)
	}
	if err := t.shared.AddLoginFailure(ctx, kindAddress, addr, now, now.Add(-t.addrs.policy.Forget)); err != nil {
		slog.WarnContext(ctx, "login throttle: counting a failure", "kind", kindAddress, "err", err)
	}
}

func (t *Throttle) sharedSucceed(ctx context.Context, account string) {
	if err := t.shared.ForgetLoginFailures(ctx, kindAccount, normal(account)); err != nil {
		slog.WarnContext(ctx, "login throttle: forgetting the failures", "err", err)
	}
}
