package report

import (
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"nianbao/internal/bounded"
)

// The narrative checks read every sentence of the texts (W2 and W4 tie the
// figures they state to cells, W7 reads the years they write, W10
// compares them with last year's), which was most of a live check. What
// they find in a paragraph depends on the paragraph alone (and the
// report's year and section), so it is kept per paragraph, and a whole
// section's paragraphs (with W10's count against last year's text) per
// section text: typing into the tables reads no text and looks up each
// section once, typing into a text reads one paragraph again and looks
// up the others. The cells are compared afresh at every check. A check with fresh set
// (the reference the memos are tested against) reads and keeps nothing.

// memoSize bounds the memos kept per report, to about as many reports as
// are being edited at once. An entry holds its texts (shared with the
// report they came from).
const memoSize = 256

// paraMemoSize bounds the memos kept per paragraph: about as many reports
// as memoSize, of a few dozen paragraphs each.
const paraMemoSize = 8192

// paraKey is what the narrative checks find in one paragraph depends on:
// W2/W4 pass over a sentence about another year and W7 compares with the
// report's year; the section decides the cells and the rules.
type paraKey struct {
	t         *Template
	year      int
	narrative string
	text      string
}

// paraFacts are what the narrative checks find in one paragraph,
// wherever it stands in its section.
type paraFacts struct {
	// ties are the figures it states about the tables (W2, W4), with
	// para 0: the caller sets the paragraph's place.
	ties []tie
	// other is the first year other than the report's that it speaks of
	// as its own, in otherSentence (W7); 0 when none.
	other         int
	otherSentence string
	// keyed are its sentences as the copy check counts them (W10), read
	// the first time a check with last year's report asks.
	keyed func() []keyedSentence
}

var paraMemo = bounded.New[paraKey, *paraFacts](paraMemoSize)

// sectionKey is what the narrative checks find in a text section depends
// on: its paragraphs' keys together.
type sectionKey struct {
	t         *Template
	year      int
	narrative string
	text      string
}

// sectionFacts are what the narrative checks find in one text section:
// its paragraphs' facts in order, and W10's count of its sentences as last
// counted against one last year's text.
type sectionFacts struct {
	paras  []*paraFacts
	copied atomic.Pointer[copiedCount]
}

// sectionMemo keeps the facts of whole sections, so that a check of a
// report whose texts did not change (the clerk types into the tables)
// looks up each section once instead of each paragraph; a section typed
// into is put together from its paragraphs' facts.
var sectionMemo = bounded.New[sectionKey, *sectionFacts](3 * memoSize)

// sectionText is a text section's facts in one check.
type sectionText struct {
	narrative string
	facts     *sectionFacts
}

// section are the facts of text section s, looked up once per check.
// The facts are shared: callers only read them.
func (c *checker) section(s Section) *sectionFacts {
	for _, st := range c.texts {
		if st.narrative == s.Narrative {
			return st.facts
		}
	}
	text := c.r.Narrative.Text(s.Narrative)
	k := sectionKey{c.t, c.r.Year, s.Narrative, text}
	sf, ok := (*sectionFacts)(nil), false
	if !c.fresh {
		sf, ok = sectionMemo.Get(k)
	}
	if !ok {
		sf = &sectionFacts{paras: make([]*paraFacts, 0, strings.Count(text, "\n")+1)}
		for para := range paragraphSeq(text) {
			sf.paras = append(sf.paras, c.paraFactsOf(s, para))
		}
		if !c.fresh {
			sectionMemo.Put(k, sf)
		}
	}
	c.texts = append(c.texts, sectionText{s.Narrative, sf})
	return sf
}

// sectionParas are the facts of the paragraphs of text section s.
func (c *checker) sectionParas(s Section) []*paraFacts {
	return c.section(s).paras
}

// paraFactsOf are the facts of one paragraph of section s, kept for its
// text.
func (c *checker) paraFactsOf(s Section, para string) *paraFacts {
	if c.fresh {
		return c.findParaFacts(s, para)
	}
	k := paraKey{c.t, c.r.Year, s.Narrative, para}
	if pf, ok := paraMemo.Get(k); ok {
		return pf
	}
	// A copy, so that an entry holds its paragraph, not the whole text
	// the paragraph was cut from.
	k.text = strings.Clone(para)
	pf := c.findParaFacts(s, k.text)
	paraMemo.Put(k, pf)
	return pf
}

// findParaFacts reads one paragraph of section s.
func (c *checker) findParaFacts(s Section, para string) *paraFacts {
	pf := &paraFacts{
		ties:  c.tieParagraph(s, para),
		keyed: sync.OnceValue(func() []keyedSentence { return keyedSentencesOf(para) }),
	}
	if c.r.Year != 0 && otherYearIn(para, c.r.Year) {
		pf.other, pf.otherSentence = c.yearAsOwn(s.Narrative, para)
	}
	return pf
}

// figureTies are the figures the narrative states about the tables, in
// the order of the text.
func (c *checker) figureTies() []tie {
	n := 0
	for _, s := range c.t.Sections {
		if s.Narrative != "" {
			for _, pf := range c.sectionParas(s) {
				n += len(pf.ties)
			}
		}
	}
	out := make([]tie, 0, n)
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		for i, pf := range c.sectionParas(s) {
			for _, t := range pf.ties {
				t.para = i
				out = append(out, t)
			}
		}
	}
	return out
}

// keptFindings adds to c the findings find adds to a fresh checker of the
// same report, kept in m under k (what they depend on) and copied out,
// each with its own Cells, so that a caller may change them.
func keptFindings[K comparable](c *checker, m *bounded.Map[K, []Finding], k K, find func(sub *checker)) {
	fs, ok := []Finding(nil), false
	if !c.fresh {
		fs, ok = m.Get(k)
	}
	if !ok {
		sub := checker{t: c.t, r: c.r, opt: c.opt, fresh: c.fresh}
		find(&sub)
		fs = sub.out
		if !c.fresh {
			m.Put(k, fs)
		}
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

var lastMemo = bounded.New[lastKey, map[string]*sentenceSet](memoSize)

// lastSentences are the sentences of last year's texts, by narrative
// key: the same for every check of this year's report, whatever is typed.
// The sets are shared: callers only read them.
func (c *checker) lastSentences(last *Report) map[string]*sentenceSet {
	if c.fresh {
		return sentenceKeys(c.t, last)
	}
	k := lastKey{c.t, last.Narrative}
	if m, ok := lastMemo.Get(k); ok {
		return m
	}
	m := sentenceKeys(c.t, last)
	lastMemo.Put(k, m)
	return m
}

// copiedCount is what W10 says of a section against last year's text
// (before, of lastYear), kept with the section's facts: while neither
// text changes, a check counts nothing again. before is held, so that no
// other set can come to have its address.
type copiedCount struct {
	before   *sentenceSet
	lastYear int
	// message is the finding's, "" when the section is not flagged;
	// firstPara is the first paragraph with a copied sentence.
	message   string
	firstPara int
}

// copiedCountOf is W10's count of section s against before, as last
// counted for the section's facts or counted now.
func (c *checker) copiedCountOf(s Section, before *sentenceSet, lastYear int) *copiedCount {
	sf := c.section(s)
	if cc := sf.copied.Load(); cc != nil && cc.before == before && cc.lastYear == lastYear {
		return cc
	}
	cc := countCopied(s, sf.paras, before, lastYear)
	sf.copied.Store(cc)
	return cc
}
