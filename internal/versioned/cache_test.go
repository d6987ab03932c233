package versioned

import "testing"

func TestCache(t *testing.T) {
	c := New[string](2)
	if _, ok := c.Get(1, 1); ok {
		t.Fatal("an empty cache returned a value")
	}
	c.Put(1, 1, "a")
	if v, ok := c.Get(1, 1); !ok || v != "a" {
		t.Fatalf("Get(1, 1) = %q, %v; want a, true", v, ok)
	}
	if _, ok := c.Get(1, 2); ok {
		t.Fatal("another version of the same id was returned")
	}
	c.Put(1, 2, "b")
	if _, ok := c.Get(1, 1); ok {
		t.Fatal("the older version is still kept after a newer one was put")
	}
	c.Put(2, 1, "c")
	c.Put(3, 1, "d")
	if n := c.Len(); n != 2 {
		t.Fatalf("Len = %d after three ids in a cache of two; want 2", n)
	}
	if v, ok := c.Get(3, 1); !ok || v != "d" {
		t.Fatalf("the id just put was dropped: %q, %v", v, ok)
	}
}
