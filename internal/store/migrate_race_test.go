package store_test

import (
	"sync"
	"testing"

	"nianbao/internal/store"
	"nianbao/internal/testenv"
)

// TestServersStartTogether: four app servers started at once on one new
// PostgreSQL database all open it (one applies the migrations while the
// others wait for it), and the schema is whole: a body can be made.
func TestServersStartTogether(t *testing.T) {
	url := testenv.Postgres(t)
	var wg sync.WaitGroup
	stores := make([]*store.Store, 4)
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st, err := store.Open(t.Context(), url)
			if err != nil {
				t.Errorf("server %d: %v", i, err)
				return
			}
			stores[i] = st
		}()
	}
	wg.Wait()
	for _, st := range stores {
		if st != nil {
			t.Cleanup(func() { st.Close() })
		}
	}
	if t.Failed() {
		return
	}
	mustBody(t, stores[3], 0, "某局")
	if n, err := stores[0].Migrate(t.Context()); err != nil || n != 0 {
		t.Errorf("migrating again: %d applied, %v", n, err)
	}
}
