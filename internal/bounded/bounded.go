// Package bounded is a map shared by concurrent callers that holds at most
// a fixed number of entries: the caches of values a caller can always
// compute again (decoded reports, the findings of a text), bounded to
// about as many records as are in use at once.
package bounded

import "sync"

// Map holds at most size entries. When full, an arbitrary entry is dropped
// to make room for a new key: the callers compute again on a miss, so
// losing an entry costs time, never correctness. The zero value is not
// usable; make one with New.
type Map[K comparable, V any] struct {
	mu   sync.Mutex
	size int
	m    map[K]V
}

// New returns a map of at most size entries.
func New[K comparable, V any](size int) *Map[K, V] {
	return &Map[K, V]{size: size, m: make(map[K]V)}
}

// Get returns the value kept for k.
func (b *Map[K, V]) Get(k K) (V, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.m[k]
	return v, ok
}

// Put keeps v for k, dropping another entry when the map is full and k is
// new.
func (b *Map[K, V]) Put(k K, v V) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.m) >= b.size {
		if _, ok := b.m[k]; !ok {
			for old := range b.m {
				delete(b.m, old)
				break
			}
		}
	}
	b.m[k] = v
}

// Len is the number of entries kept.
func (b *Map[K, V]) Len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.m)
}
