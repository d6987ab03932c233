package importer

import "testing"

// TestWordVariantsFirstRunes: wordVariantAt's fast switch lists the first
// character of every word variant.
func TestWordVariantsFirstRunes(t *testing.T) {
	for _, wv := range wordVariants {
		if to, n := wordVariantAt(string(wv[0]), wv[0][0]); to != string(wv[1]) || n != len(string(wv[0])) {
			t.Errorf("%s: got %q %d", string(wv[0]), to, n)
		}
	}
	if got := trim("\u3000 一、总体情况\u00a0\t"); got != "一、总体情况" {
		t.Errorf("trim: %q", got)
	}
}
