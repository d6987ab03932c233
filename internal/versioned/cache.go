// Package versioned keeps values that belong to one version of a record:
// a report's decoded content, the findings a version was shown with. A
// version never changes, so a value kept for (id, version) stays right
// until the record moves on; only the newest version of each id is kept.
package versioned

import "nianbao/internal/bounded"

// Cache holds, per id, the value of one version, bounded to a number of
// ids (an arbitrary id is dropped when full; see bounded.Map).
type Cache[V any] struct {
	m *bounded.Map[int64, entry[V]]
}

type entry[V any] struct {
	version int
	value   V
}

// New returns a cache for at most size ids.
func New[V any](size int) *Cache[V] {
	return &Cache[V]{m: bounded.New[int64, entry[V]](size)}
}

// Get returns the value kept for id at version, if that version is the one kept.
func (c *Cache[V]) Get(id int64, version int) (V, bool) {
	e, ok := c.m.Get(id)
	if !ok || e.version != version {
		var zero V
		return zero, false
	}
	return e.value, true
}

// Put keeps value as id's value at version, replacing any other version.
func (c *Cache[V]) Put(id int64, version int, value V) {
	c.m.Put(id, entry[V]{version: version, value: value})
}

// Len is the number of ids kept.
func (c *Cache[V]) Len() int { return c.m.Len() }
