package web

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"
)

// TestSessionCodec: sessions read back as written, in sessionCodec's
// bytes or in gob (rows written before it, and values of other types);
// the same session gives the same bytes (in sessionCodec's own form); garbled bytes are an error.
func TestSessionCodec(t *testing.T) {
	deadline := time.Date(2026, 12, 3, 1, 2, 3, 456789, time.UTC)
	tests := []struct {
		name   string
		values map[string]any
		gob    bool // expect gob bytes
	}{
		{"empty", map[string]any{}, false},
		{"login", map[string]any{keyUser: int64(42), keyEpoch: int64(-7), keyCSRF: "tok-abc"}, false},
		{"flash", map[string]any{keyUser: int64(1), keyFlash: "已从2024年报告带入共12个数，请核对。", "": ""}, false},
		{"other type", map[string]any{keyUser: int64(1), "remember": true}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := sessionCodec{}.Encode(deadline, tc.values)
			if err != nil {
				t.Fatal(err)
			}
			if isGob := b[0] != 0; isGob != tc.gob {
				t.Errorf("gob %v, want %v", isGob, tc.gob)
			}
			// Only sessionCodec's own bytes are stable: gob writes a map
			// in Go's random order.
			again, _ := sessionCodec{}.Encode(deadline, tc.values)
			if !tc.gob && !bytes.Equal(b, again) {
				t.Error("the same session gave different bytes")
			}
			gotDeadline, got, err := sessionCodec{}.Decode(b)
			if err != nil || !gotDeadline.Equal(deadline) || !reflect.DeepEqual(got, tc.values) {
				t.Errorf("read back %v %v (%v), want %v %v", gotDeadline, got, err, deadline, tc.values)
			}
			old, err := scs.GobCodec{}.Encode(deadline, tc.values)
			if err != nil {
				t.Fatal(err)
			}
			if d, got, err := (sessionCodec{}).Decode(old); err != nil || !d.Equal(deadline) || !reflect.DeepEqual(got, tc.values) {
				t.Errorf("a gob row read back as %v %v (%v)", d, got, err)
			}
		})
	}
	good, _ := sessionCodec{}.Encode(deadline, map[string]any{keyCSRF: "tok"})
	for _, bad := range [][]byte{good[:len(good)-1], append(bytes.Clone(good), 3), {0, 9, 1}} {
		if _, _, err := (sessionCodec{}).Decode(bad); err == nil {
			t.Errorf("% x read without an error", bad)
		}
	}
}
