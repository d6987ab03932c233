package report

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestContainsText: containsText answers as strings.Contains does — for
// the cases written here, and for every word the narrative checks look
// for at every place of the seeds' texts, and for random cuts of them.
func TestContainsText(t *testing.T) {
	for _, tc := range []struct {
		s, sub string
		want   bool
	}{
		{"", "", true}, {"件", "", true}, {"", "件", false},
		{"共收到申请128件。", "件", true}, {"件起", "件", true}, {"起件", "件", true},
		{"件", "件件", false}, {"件件", "件件", true}, {"维持原", "维持", true},
		{"维护持", "维持", false}, {"\xe4\xbb", "件", false}, {"abc", "c", true}, {"abc", "abcd", false},
		{"x\xe4\xbb\xb6", "\xbb\xb6", true}, // a byte string cut inside a character
	} {
		if got := containsText(tc.s, tc.sub); got != tc.want {
			t.Errorf("containsText(%q, %q) = %v, want %v", tc.s, tc.sub, got, tc.want)
		}
	}
	words := append(append([]string{"件", "个", "個", "规", "份", "条", "條", "起", "维持", "纠", "败诉", "申请", "复议", "诉讼"}, uncertain...), backReference...)
	rng := rand.New(rand.NewPCG(1, 2))
	paths, _ := filepath.Glob(filepath.Join("..", "importer", "testdata", "seeds", "*.txt"))
	if len(paths) == 0 {
		t.Fatal("no seeds")
	}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, para := range Paragraphs(string(data)) {
			for range 4 {
				i := rng.IntN(len(para) + 1)
				j := i + rng.IntN(len(para)-i+1)
				cut := para[i:j]
				for _, w := range append(words, para[i:min(j, i+rng.IntN(7))]) {
					if got, want := containsText(cut, w), strings.Contains(cut, w); got != want {
						t.Fatalf("containsText(%q, %q) = %v, strings.Contains %v", cut, w, got, want)
					}
				}
			}
		}
	}
}
