package store_test

import (
	"testing"
	"time"
)

// TestSessions: a session is found until it expires, is replaced by a
// later commit, and is gone once deleted; the cleanup deletes expired
// rows. On SQLite this is the store's own session store, on PostgreSQL
// scs's pgxstore.
func TestSessions(t *testing.T) { eachDB(t, testSessions) }

func testSessions(t *testing.T, open opener) {
	s := open(t)
	st, stop := s.Sessions(50 * time.Millisecond)
	defer stop()
	now := time.Now()
	steps := []struct {
		name   string
		token  string
		data   string // "" to delete
		expiry time.Time
		want   map[string]string // token → data found after the step
	}{
		{"a new session", "a", "一", now.Add(time.Hour), map[string]string{"a": "一"}},
		{"another, already expired", "b", "二", now.Add(-time.Second), map[string]string{"a": "一", "b": ""}},
		{"a replaced", "a", "三", now.Add(2 * time.Hour), map[string]string{"a": "三"}},
		{"a deleted", "a", "", time.Time{}, map[string]string{"a": ""}},
	}
	for _, step := range steps {
		var err error
		if step.data == "" {
			err = st.Delete(step.token)
		} else {
			err = st.Commit(step.token, []byte(step.data), step.expiry)
		}
		if err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		for token, want := range step.want {
			b, found, err := st.Find(token)
			if err != nil || found != (want != "") || string(b) != want {
				t.Errorf("%s: %s finds %q, %v (%v); want %q", step.name, token, b, found, err, want)
			}
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		var n int
		if err := s.DB.QueryRowContext(t.Context(), `SELECT COUNT(*) FROM sessions`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d expired sessions left after the cleanup", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
