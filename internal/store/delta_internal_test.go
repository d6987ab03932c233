package store

import (
	"strings"
	"testing"
)

// TestDeltaRoundTrip: a change made of the old texts gives the new ones
// back, wherever the edit falls (around the 64-byte blocks the common
// prefix and suffix are compared in, at either end, everything) and
// whatever its size (deflated or raw).
func TestDeltaRoundTrip(t *testing.T) {
	base := strings.Repeat("政府信息公开年度报告{\"cells\": 12345}\n", 300) // 13 KB, like a report's JSON
	edit := func(at, cut int, with string) string { return base[:at] + with + base[at+cut:] }
	tests := []struct {
		name     string
		old, new string
	}{
		{"same", base, base},
		{"one byte at 0", base, edit(0, 1, "x")},
		{"one byte at 63", base, edit(63, 1, "x")},
		{"one byte at 64", base, edit(64, 1, "x")},
		{"one byte at 65", base, edit(65, 1, "x")},
		{"last byte", base, edit(len(base)-1, 1, "x")},
		{"64th byte from the end", base, edit(len(base)-64, 1, "x")},
		{"inserted", base, edit(700, 0, "新增一句话。")},
		{"deleted", base, edit(700, 130, "")},
		{"a long new text", base, edit(5000, 10, strings.Repeat("本机关继续做好政府信息公开工作。", 40))},
		{"from nothing", "", base},
		{"to nothing", base, ""},
		{"all new", base, strings.ToUpper(base)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := encodeDelta(tc.old, tc.new, `{"a":"十二"}`, `{}`)
			data, unread, err := applyDelta([]byte(tc.old), []byte(`{"a":"十二"}`), d)
			if err != nil || string(data) != tc.new || string(unread) != `{}` {
				t.Fatalf("read back %d bytes (%v), unread %q; want %d bytes", len(data), err, unread, len(tc.new))
			}
			if tc.old != "" && tc.new != "" && len(tc.new)-len(tc.old) < 100 && tc.name != "all new" && len(d) > 700 {
				t.Errorf("a small edit made a change of %d bytes", len(d))
			}
		})
	}
}
