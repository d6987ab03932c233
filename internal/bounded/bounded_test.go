package bounded

import "testing"

func TestMap(t *testing.T) {
	m := New[string, int](2)
	if _, ok := m.Get("a"); ok {
		t.Fatal("an empty map returned a value")
	}
	m.Put("a", 1)
	m.Put("b", 2)
	m.Put("a", 3) // a key already kept replaces its value, drops nothing
	if v, ok := m.Get("b"); !ok || v != 2 {
		t.Fatalf("putting a kept key dropped another: b = %d, %v", v, ok)
	}
	if v, _ := m.Get("a"); v != 3 {
		t.Fatalf("a = %d, want 3", v)
	}
	m.Put("c", 4)
	if n := m.Len(); n != 2 {
		t.Fatalf("Len = %d after three keys in a map of two; want 2", n)
	}
	if v, ok := m.Get("c"); !ok || v != 4 {
		t.Fatalf("the key just put was dropped: %d, %v", v, ok)
	}
}
