package web

import (
	"bytes"
	"context"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
)

// touchSlack is how far a session's stored idle expiry may lag behind the
// one scs asks for before the row is written again. scs commits every
// request's session when an idle timeout is set, to push the expiry on;
// a live check every 2 s would so write the session row every 2 s. With
// the slack the row is written when the session changes, or once a
// minute while it is used: an idle session ends at most this much before
// its idle timeout.
const touchSlack = time.Minute

// touchStoreSize bounds what touchStore remembers: more sessions than
// people use one server at once. A session it forgot is written again at
// its next request, as without it.
const touchStoreSize = 10000

// touchStore is the session table's store, without the writes that change
// nothing: a commit of the bytes this server last wrote for that token, at
// an expiry less than touchSlack later, is dropped. What it remembers is
// dropped as soon as a read of the row gives other bytes (another server,
// or another request, wrote it), so a change made elsewhere is never
// overwritten by an old copy believed to be stored.
type touchStore struct {
	next scs.CtxStore

	mu      sync.Mutex
	written map[string]writtenSession
}

// writtenSession is what this server last wrote for a token.
type writtenSession struct {
	data   []byte
	expiry time.Time
}

func newTouchStore(next scs.CtxStore) *touchStore {
	return &touchStore{next: next, written: make(map[string]writtenSession)}
}

// Find reads the row, and forgets what was written for the token when the
// row holds something else.
func (t *touchStore) Find(token string) ([]byte, bool, error) {
	return t.FindCtx(context.Background(), token)
}

// FindCtx is Find for a request's context, which scs passes on
// (scs.CtxStore).
func (t *touchStore) FindCtx(ctx context.Context, token string) ([]byte, bool, error) {
	b, found, err := t.next.FindCtx(ctx, token)
	if err != nil {
		return b, found, err
	}
	t.mu.Lock()
	if w, ok := t.written[token]; ok && (!found || !bytes.Equal(w.data, b)) {
		delete(t.written, token)
	}
	t.mu.Unlock()
	return b, found, nil
}

// Commit writes the row unless it already holds b with an expiry less
// than touchSlack before expiry.
func (t *touchStore) Commit(token string, b []byte, expiry time.Time) error {
	return t.CommitCtx(context.Background(), token, b, expiry)
}

// CommitCtx is Commit for a request's context (scs.CtxStore).
func (t *touchStore) CommitCtx(ctx context.Context, token string, b []byte, expiry time.Time) error {
	t.mu.Lock()
	w, ok := t.written[token]
	t.mu.Unlock()
	if ok && bytes.Equal(w.data, b) && !expiry.Before(w.expiry) && expiry.Sub(w.expiry) < touchSlack {
		return nil
	}
	if err := t.next.CommitCtx(ctx, token, b, expiry); err != nil {
		t.forget(token)
		return err
	}
	t.mu.Lock()
	if len(t.written) >= touchStoreSize {
		for k := range t.written { // any one: a forgotten session is only written once more
			delete(t.written, k)
			break
		}
	}
	t.written[token] = writtenSession{data: bytes.Clone(b), expiry: expiry}
	t.mu.Unlock()
	return nil
}

// Delete deletes the row and forgets the token.
func (t *touchStore) Delete(token string) error { return t.DeleteCtx(context.Background(), token) }

// DeleteCtx is Delete for a request's context (scs.CtxStore).
func (t *touchStore) DeleteCtx(ctx context.Context, token string) error {
	t.forget(token)
	return t.next.DeleteCtx(ctx, token)
}

func (t *touchStore) forget(token string) {
	t.mu.Lock()
	delete(t.written, token)
	t.mu.Unlock()
}
