package store

import (
	"bytes"
	"compress/flate"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"sync"
)

// A typing save is stored as its change against the version before, not
// as a whole copy: report_versions.delta holds it and data and unread are
// empty. A row with delta NULL is a full snapshot (data and unread as
// saved). Every row names in chain the version of the snapshot its run of
// changes starts from (a snapshot names itself), so a version opens from
// one snapshot and at most snapshotEvery-1 changes. A version where the
// report changed state (submitted, returned, approved, published) is made
// a snapshot on the spot (snapshotVersionTx): what a reviewer saw, and what
// a summary counts, opens on its own.
//
// The change is one hunk: the bytes between the longest common prefix and
// suffix of the two texts, replaced by new bytes, deflated when that is
// smaller. A live-check save carries one edit (a cell, a sentence), so the
// hunk is about the edit's size; a save of many scattered edits costs at
// most the span between the first and the last.

// snapshotEvery bounds a run of changes: every snapshotEvery-th version is
// stored whole even if the report never changes state. The snapshots are
// most of what a save costs (a 50 KB report's every 100 saves: 0.5 KB a
// save); opening a version applies at most 99 small changes (BenchmarkSeason).
const snapshotEvery = 100

// delta encoding: for the data text, then the unread text: uvarint prefix
// length, uvarint suffix length, a byte (0: raw, 1: deflated), uvarint
// length of the replacement, the replacement.
func encodeDelta(oldData, newData, oldUnread, newUnread string) []byte {
	var out []byte
	out = appendHunk(out, oldData, newData)
	return appendHunk(out, oldUnread, newUnread)
}

func appendHunk(out []byte, old, cur string) []byte {
	p := commonPrefix(old, cur)
	s := commonSuffix(old[p:], cur[p:])
	mid := cur[p : len(cur)-s]
	out = binary.AppendUvarint(out, uint64(p))
	out = binary.AppendUvarint(out, uint64(s))
	if z := deflate(mid); z != nil && len(z) < len(mid) {
		out = append(out, 1)
		out = binary.AppendUvarint(out, uint64(len(z)))
		return append(out, z...)
	}
	out = append(out, 0)
	out = binary.AppendUvarint(out, uint64(len(mid)))
	return append(out, mid...)
}

// compareBlock is how many bytes commonPrefix and commonSuffix compare at
// once (a string comparison, which the runtime vectorises): a report's
// JSON is tens of kilobytes, and a save usually changes a few bytes of it.
const compareBlock = 64

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+compareBlock <= n && a[i:i+compareBlock] == b[i:i+compareBlock] {
		i += compareBlock
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+compareBlock <= n && a[len(a)-i-compareBlock:len(a)-i] == b[len(b)-i-compareBlock:len(b)-i] {
		i += compareBlock
	}
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

// deflaters keeps flate writers for reuse: each holds some 600 KB of
// tables, which a new one would allocate and clear at every save.
var deflaters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // the level is valid
	return w
}}

// deflate compresses b, or returns nil: only replacements of some size are
// worth trying.
func deflate(b string) []byte {
	if len(b) < 64 {
		return nil
	}
	var buf bytes.Buffer
	w := deflaters.Get().(*flate.Writer)
	defer deflaters.Put(w)
	w.Reset(&buf)
	_, _ = io.WriteString(w, b) // a bytes.Buffer does not fail
	_ = w.Close()
	return buf.Bytes()
}

var errBadDelta = errors.New("stored change is unreadable")

// applyDelta returns the data and unread texts d makes of the ones before.
func applyDelta(data, unread []byte, d []byte) ([]byte, []byte, error) {
	r := bytes.NewReader(d)
	newData, err := applyHunk(data, r)
	if err != nil {
		return nil, nil, err
	}
	newUnread, err := applyHunk(unread, r)
	return newData, newUnread, err
}

func applyHunk(old []byte, r *bytes.Reader) ([]byte, error) {
	p, err1 := binary.ReadUvarint(r)
	s, err2 := binary.ReadUvarint(r)
	z, err3 := r.ReadByte()
	n, err4 := binary.ReadUvarint(r)
	if err := errors.Join(err1, err2, err3, err4); err != nil || p+s > uint64(len(old)) || n > uint64(r.Len()) {
		return nil, errBadDelta
	}
	mid := make([]byte, n)
	_, _ = io.ReadFull(r, mid) // n ≤ r.Len()
	if z == 1 {
		var err error
		if mid, err = io.ReadAll(flate.NewReader(bytes.NewReader(mid))); err != nil {
			return nil, fmt.Errorf("%w: %w", errBadDelta, err)
		}
	}
	out := make([]byte, 0, int(p)+len(mid)+int(s))
	out = append(out, old[:p]...)
	out = append(out, mid...)
	return append(out, old[uint64(len(old))-s:]...), nil
}

// querier is a database or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// versionTexts returns the data and unread texts of a report's version,
// from its snapshot and the changes after it; ErrNotFound if there is no
// such version.
func versionTexts(ctx context.Context, q querier, id int64, version int) (data, unread string, err error) {
	counted(ctx)
	rows, err := q.QueryContext(ctx, `SELECT v.version, v.data, v.unread, v.delta FROM report_versions v
		WHERE v.report_id = $1 AND v.version <= $2 AND v.version >= (SELECT c.chain FROM report_versions c
			WHERE c.report_id = $1 AND c.version = $2)
		ORDER BY v.version`, id, version)
	if err != nil {
		return "", "", err
	}
	defer rows.Close()
	var d, u []byte
	found := false
	for rows.Next() {
		var v int
		var rd, ru string
		var delta []byte
		if err := rows.Scan(&v, &rd, &ru, &delta); err != nil {
			return "", "", err
		}
		switch {
		case delta == nil:
			d, u, found = []byte(rd), []byte(ru), true
		case !found:
			return "", "", fmt.Errorf("version %d: %w: no snapshot before it", v, errBadDelta)
		default:
			if d, u, err = applyDelta(d, u, delta); err != nil {
				return "", "", fmt.Errorf("version %d: %w", v, err)
			}
		}
		if v == version {
			return string(d), string(u), rows.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return "", "", err
	}
	return "", "", ErrNotFound
}

// prevVersion is the version a new one replaces: its texts and the
// chain it belongs to (the version its run starts at; 0 when it has no
// row in report_versions, or there is none).
type prevVersion struct {
	data, unread string
	chain        int
}

// keepVersionRowTx stores version (data, unread) of report id: whole when
// it starts a run (the first version, every snapshotEvery-th, or after a
// snapshot made at a state change counts from there), else as its change
// against prev, the version before.
func (s *Store) keepVersionRowTx(ctx context.Context, tx *sql.Tx, id int64, version int, data, unread string, prev prevVersion, by int64) error {
	chain := version
	var delta []byte
	if version > 1 && prev.chain > 0 && version-prev.chain < snapshotEvery {
		chain = prev.chain
		delta = encodeDelta(prev.data, data, prev.unread, unread)
		data, unread = "", ""
	}
	_, err := s.txExec(ctx, tx, `INSERT INTO report_versions (report_id, version, data, unread, delta, chain, saved_at, saved_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, id, version, data, unread, delta, chain, s.now(), nullID(by))
	return err
}

// snapshotVersionTx makes the report's current version a full snapshot if
// it is stored as a change: called at every state change, so the versions
// a state change refers to open on their own, and the next run of changes
// starts there.
func (s *Store) snapshotVersionTx(ctx context.Context, tx *sql.Tx, id int64, version int) error {
	_, err := s.txExec(ctx, tx, `UPDATE report_versions SET
		data = (SELECT r.data FROM reports r WHERE r.id = $1),
		unread = (SELECT r.unread FROM reports r WHERE r.id = $1),
		delta = NULL, chain = version
		WHERE report_id = $1 AND version = $2 AND delta IS NOT NULL`, id, version)
	return err
}
