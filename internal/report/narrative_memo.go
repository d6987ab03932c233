package report

import (
	"slices"
	"strings"

	"nianbao/internal/bounded"
)

// The narrative checks read every sentence of the texts (W2 and W4 tie the
// figures they state to cells, W7 reads the years they write, W10
// compares them with last year's), which was most of a live check. While a clerk types into the tables the texts
// do not change, so what those checks find in a text is kept, keyed by
// the texts and what else the finding depends on; the cells are compared
// afresh at every check.

// memoSize bounds each memo, to about as many reports as are being edited
// at once. An entry holds its texts (shared with the report they came
// from).
const memoSize = 256

// figureKey is what the figures a text section states depend on.
type figureKey struct {
	t         *Template
	year      int // a sentence about another year is not about this table
	narrative string
	text      string
}

var figureMemo = bounded.New[figureKey, []tie](memoSize)

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
		ts, ok := figureMemo.Get(k)
		if !ok {
			ts = c.tieFigures(s)
			figureMemo.Put(k, ts)
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

var copiedMemo = bounded.New[copiedKey, []Finding](memoSize)

// copiedSectionKept adds W10 for section s, as copiedSection finds it for
// the section's text and last year's.
func (c *checker) copiedSectionKept(s Section, before map[uint64]bool, last *Report) {
	k := copiedKey{c.t, s.Narrative, c.r.Narrative.Text(s.Narrative), last.Narrative.Text(s.Narrative), last.Year}
	keptFindings(c, copiedMemo, k, func(sub *checker) { sub.copiedSection(s, before, last.Year) })
}

// yearKey is what W7 of one text section depends on.
type yearKey struct {
	t         *Template
	year      int
	narrative string
	text      string
}

var yearMemo = bounded.New[yearKey, []Finding](memoSize)

// yearSectionKept adds W7 for section s, as yearSection finds it for the
// section's text and the report's year.
func (c *checker) yearSectionKept(s Section) {
	k := yearKey{c.t, c.r.Year, s.Narrative, c.r.Narrative.Text(s.Narrative)}
	keptFindings(c, yearMemo, k, func(sub *checker) { sub.yearSection(s) })
}

// keptFindings adds to c the findings find adds to a fresh checker of the
// same report, kept in m under k (what they depend on) and copied out,
// each with its own Cells, so that a caller may change them.
func keptFindings[K comparable](c *checker, m *bounded.Map[K, []Finding], k K, find func(sub *checker)) {
	fs, ok := m.Get(k)
	if !ok {
		sub := checker{t: c.t, r: c.r, opt: c.opt}
		find(&sub)
		fs = sub.out
		m.Put(k, fs)
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

var lastMemo = bounded.New[lastKey, map[string]map[uint64]bool](memoSize)

// lastSentences are the sentence keys of last year's texts, by narrative
// key: the same for every check of this year's report, whatever is typed.
// The maps are shared: callers only read them.
func lastSentences(t *Template, last *Report) map[string]map[uint64]bool {
	k := lastKey{t, last.Narrative}
	if m, ok := lastMemo.Get(k); ok {
		return m
	}
	m := sentenceKeys(t, last)
	lastMemo.Put(k, m)
	return m
}

// paraMemoSize bounds the memos kept per paragraph: about as many reports
// as memoSize, of a few dozen paragraphs each.
const paraMemoSize = 8192

var keyedMemo = bounded.New[string, []keyedSentence](paraMemoSize)

// keyedSentences are keyedSentencesOf(para), kept for the paragraph's
// text: typing into a section changes one paragraph, and W10 then reads
// only that one again (last year's paragraphs, the same every year when
// copied, share the memo). The slices are shared: callers only read them.
func keyedSentences(para string) []keyedSentence {
	if ks, ok := keyedMemo.Get(para); ok {
		return ks
	}
	// A copy, so that an entry holds its paragraph, not the whole text
	// the paragraph was cut from.
	para = strings.Clone(para)
	ks := keyedSentencesOf(para)
	keyedMemo.Put(para, ks)
	return ks
}
