package report

import (
	"slices"
	"sync"
)

// The narrative checks read every sentence of the texts (W2 and W4 tie the
// figures they state to cells, W10 compares them with last year's), which
// was most of a live check. While a clerk types into the tables the texts
// do not change, so what those checks find in a text is kept, keyed by
// the texts and what else the finding depends on; the cells are compared
// afresh at every check.

// memo is a small map shared by concurrent checks, bounded to about as
// many reports as are being edited at once.
type memo[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]V
}

// memoSize bounds each memo. An entry holds its texts (shared with the
// report they came from).
const memoSize = 256

func (m *memo[K, V]) get(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.m[k]
	return v, ok
}

func (m *memo[K, V]) put(k K, v V) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.m == nil {
		m.m = make(map[K]V)
	}
	if len(m.m) >= memoSize {
		for old := range m.m { // any one: it is found again at its next check
			delete(m.m, old)
			break
		}
	}
	m.m[k] = v
}

// figureKey is what the figures a text section states depend on.
type figureKey struct {
	t         *Template
	year      int // a sentence about another year is not about this table
	narrative string
	text      string
}

var figureMemo memo[figureKey, []tie]

// figureTies are the figures the narrative states about the tables, in
// the order of the text, each section's kept for its text (typing into
// one section reads only that one again). The ties are shared: callers
// only read them.
func (c *checker) figureTies() []tie {
	var out []tie
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		k := figureKey{c.t, c.r.Year, s.Narrative, c.r.Narrative.Text(s.Narrative)}
		ts, ok := figureMemo.get(k)
		if !ok {
			ts = c.tieFigures(s)
			figureMemo.put(k, ts)
		}
		out = append(out, ts...)
	}
	return out
}

// copiedKey is what W10 of one text section depends on.
type copiedKey struct {
	t              *Template
	narrative      string
	text, lastText string
	lastYear       int
}

var copiedMemo memo[copiedKey, []Finding]

// copiedSectionKept adds W10 for section s, as copiedSection finds it for
// the section's text and last year's.
func (c *checker) copiedSectionKept(s Section, before map[string]bool, last *Report) {
	k := copiedKey{c.t, s.Narrative, c.r.Narrative.Text(s.Narrative), last.Narrative.Text(s.Narrative), last.Year}
	fs, ok := copiedMemo.get(k)
	if !ok {
		sub := checker{t: c.t, r: c.r, opt: c.opt}
		sub.copiedSection(s, before, last.Year)
		fs = sub.out
		copiedMemo.put(k, fs)
	}
	for _, f := range fs {
		f.Cells = slices.Clone(f.Cells)
		c.out = append(c.out, f)
	}
}

// lastKey is what the sentences of last year's texts depend on.
type lastKey struct {
	t    *Template
	text Narrative
}

var lastMemo memo[lastKey, map[string]map[string]bool]

// lastSentences are the sentence keys of last year's texts, by narrative
// key: the same for every check of this year's report, whatever is typed.
// The maps are shared: callers only read them.
func lastSentences(t *Template, last *Report) map[string]map[string]bool {
	k := lastKey{t, last.Narrative}
	if m, ok := lastMemo.get(k); ok {
		return m
	}
	m := sentenceKeys(t, last)
	lastMemo.put(k, m)
	return m
}
