package web

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/alexedwards/scs/v2"
)

// sessionCodec encodes a session's deadline and values (this app keeps
// only int64s and strings there: session.go's keys) in a few bytes that
// read back without reflection. scs's gob codec builds a gob decoder, with
// its type descriptions, for every request, which cost about a twentieth
// of a live check. Sessions holding another type, and rows written
// before this codec (gob, which never starts with a zero byte), go
// through gob.
type sessionCodec struct{}

// sessionFormat starts every encoding of sessionCodec: a zero byte, which
// no gob stream starts with (it would be a message of length zero), and a
// version.
var sessionFormat = []byte{0, 1}

const (
	sessionInt64  = 'i'
	sessionString = 's'
)

// Encode writes the deadline, then each value in key order (the same
// session gives the same bytes, which lets touchStore see that nothing
// changed).
func (sessionCodec) Encode(deadline time.Time, values map[string]any) ([]byte, error) {
	keys := make([]string, 0, len(values))
	for k, v := range values {
		switch v.(type) {
		case int64, string:
		default:
			return scs.GobCodec{}.Encode(deadline, values)
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	b := append(make([]byte, 0, 64), sessionFormat...)
	b = binary.AppendVarint(b, deadline.UnixNano())
	for _, k := range keys {
		b = binary.AppendUvarint(b, uint64(len(k)))
		b = append(b, k...)
		switch v := values[k].(type) {
		case int64:
			b = append(b, sessionInt64)
			b = binary.AppendVarint(b, v)
		case string:
			b = append(b, sessionString)
			b = binary.AppendUvarint(b, uint64(len(v)))
			b = append(b, v...)
		}
	}
	return b, nil
}

// errSessionBytes says a stored session is cut short or garbled.
var errSessionBytes = errors.New("session: bad encoding")

// Decode reads what Encode wrote, or gob.
func (sessionCodec) Decode(b []byte) (time.Time, map[string]any, error) {
	if len(b) < len(sessionFormat) || b[0] != sessionFormat[0] {
		return scs.GobCodec{}.Decode(b)
	}
	if b[1] != sessionFormat[1] {
		return time.Time{}, nil, fmt.Errorf("session: encoding version %d", b[1])
	}
	r := sessionReader{b: b[len(sessionFormat):]}
	deadline := time.Unix(0, r.varint()).UTC()
	values := make(map[string]any, 4)
	for len(r.b) > 0 && r.err == nil {
		k := string(r.bytes())
		switch r.byte() {
		case sessionInt64:
			values[k] = r.varint()
		case sessionString:
			values[k] = string(r.bytes())
		default:
			r.err = errSessionBytes
		}
	}
	if r.err != nil {
		return time.Time{}, nil, r.err
	}
	return deadline, values, nil
}

// sessionReader reads sessionCodec's parts, keeping the first error.
type sessionReader struct {
	b   []byte
	err error
}

func (r *sessionReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *sessionReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

// bytes reads a length and that many bytes.
func (r *sessionReader) bytes() []byte {
	n, k := binary.Uvarint(r.b)
	if k <= 0 || n > uint64(len(r.b)-k) {
		r.fail()
		return nil
	}
	v := r.b[k : k+int(n)]
	r.b = r.b[k+int(n):]
	return v
}

func (r *sessionReader) fail() {
	r.err = errSessionBytes
	r.b = nil
}
