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
	h := sha256.New()
	w := func(s string) {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	w(f.Rule)
	w(f.Narrative)
	w(f.Field)
	w(strconv.Itoa(f.Line))
	for _, id := range f.Cells {
		w(f.t.Cell(id).Path)
		if r != nil {
			w(r.Entry(id))
		}
	}
	w(f.Message)
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// fingerprints sets the fingerprint of every finding of a check of r.
func fingerprints(fs []Finding, r *Report) {
	for i := range fs {
		fs[i].print = fingerprint(&fs[i], r)
	}
}
