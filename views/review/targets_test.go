package review

import (
	"testing"

	"nianbao/internal/testenv"
	"nianbao/views/comments"
)

// TestTargetNames: every place the comment form offers is named in full
// as the comments list names it (comments.PlaceLabel), so choosing a place
// in the document and reading the comment later say the same.
func TestTargetNames(t *testing.T) {
	r := testenv.Seed(t, "002")
	n := 0
	for _, g := range targets(r) {
		for _, o := range g.Options {
			want, _ := comments.PlaceLabel(r, o.Value)
			if o.Name != want || o.Name == "" {
				t.Errorf("%q is named %q, the comments list says %q", o.Value, o.Name, want)
			}
			n++
		}
	}
	if n < 200 {
		t.Errorf("only %d places offered", n)
	}
}
