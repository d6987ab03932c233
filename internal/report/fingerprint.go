package report

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Fingerprint identifies a finding as the same finding across saves, so
// that a reviewer's mark (已核实) stays with it while it stands as it was
// and falls away when it changes: a hash of the rule, the place (the
// text's section, the field, the printed line, the cells) and what the
// finding says about them (its message, which quotes the sentence and the
// numbers, and the values of its cells as they stood when it was
// checked). The paragraph's index is left out: a paragraph added above
// moves a finding without changing it.
func (f Finding) Fingerprint() string {
	if f.print != "" {
		return f.print
	}
	return fingerprint(&f, nil)
}

// fingerprint computes the fingerprint of f with the values of its cells
// in r (nil: the cells' paths alone).
func fingerprint(f *Finding, r *Report) string {
	// The fields, each followed by a 0 byte, hashed at once: one buffer
	// instead of a write (and a copy to bytes) per field.
	var stack [512]byte
	b := stack[:0]
	w := func(s string) {
		b = append(append(b, s...), 0)
	}
	w(f.Rule)
	w(f.Narrative)
	w(f.Field)
	b = append(strconv.AppendInt(b, int64(f.Line), 10), 0)
	for _, id := range f.Cells {
		w(f.t.Cell(id).Path)
		if r != nil {
			w(r.Entry(id))
		}
	}
	w(f.Message)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:12])
}

// fingerprints sets the fingerprint of every finding of a check of r.
func fingerprints(fs []Finding, r *Report) {
	for i := range fs {
		fs[i].print = fingerprint(&fs[i], r)
	}
}
