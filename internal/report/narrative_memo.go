package report

import (
	"hash/maphash"
	"slices"
	"strings"
	"sync/atomic"

	"nianbao/internal/bounded"
)

// The narrative checks read every sentence of the texts (W2 and W4 tie the
// figures they state to cells, W7 reads the years they write, W10
// compares them with last year's), which was most of a live check. What
// they find in a sentence depends on the sentence alone (and the one
// before it, the report's year and section), so it is kept per sentence;
// a paragraph's facts are kept per paragraph, and a whole section's
// paragraphs (with W10's count against last year's text) per section
// text: typing into the tables reads no text and looks up each section
// once, typing into a text reads one sentence again and looks up the
// others. The cells are compared afresh at every check. A check with
// fresh set (the reference the memos are tested against) reads and keeps
// nothing.

// memoSize bounds the memos kept per report, to about as many reports as
// are being edited at once. An entry holds its texts (shared with the
// report they came from).
const memoSize = 256

// paraMemoSize bounds the memos kept per paragraph: about as many reports
// as memoSize, of a few dozen paragraphs each.
const paraMemoSize = 8192

// memoSeed seeds the hashes by which the memos find a text: a text is
// hashed once per check (hash/maphash, as fast as a map's own hash) and
// the maps hash only the small key, however long the text; the text kept
// with an entry is compared on a hit, so that two texts of one hash are a
// miss, never the other's findings.
var memoSeed = maphash.MakeSeed()

// paraKey is what the narrative checks find in one paragraph depends on:
// W2/W4 pass over a sentence about another year and W7 compares with the
// report's year; the section decides the cells and the rules; text is the
// paragraph's hash (paraFacts.text the paragraph).
type paraKey struct {
	t         *Template
	year      int
	narrative string
	text      uint64
}

// paraFacts are what the narrative checks find in one paragraph,
// wherever it stands in its section.
type paraFacts struct {
	// text is the paragraph.
	text string
	// ties are the figures it states about the tables (W2, W4), with
	// para 0: the caller sets the paragraph's place.
	ties []tie
	// other is the first year other than the report's that it speaks of
	// as its own, in otherSentence (W7); 0 when none.
	other         int
	otherSentence string
	// keyed are its sentences as the copy check counts them (W10).
	keyed []keyedSentence
}

var paraMemo = bounded.New[paraKey, *paraFacts](paraMemoSize)

// sectionKey is what the narrative checks find in a text section depends
// on: its paragraphs' keys together (text is the section's hash,
// sectionFacts.text the section's text).
type sectionKey struct {
	t         *Template
	year      int
	narrative string
	text      uint64
}

// sectionFacts are what the narrative checks find in one text section:
// its paragraphs' facts in order, and W10's count of its sentences as last
// counted against one last year's text.
type sectionFacts struct {
	text   string
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
	var k sectionKey
	sf, ok := (*sectionFacts)(nil), false
	if !c.fresh {
		k = sectionKey{c.t, c.r.Year, s.Narrative, maphash.String(memoSeed, text)}
		sf, ok = sectionMemo.Get(k)
		ok = ok && sf.text == text
	}
	if !ok {
		sf = &sectionFacts{text: text, paras: make([]*paraFacts, 0, strings.Count(text, "\n")+1)}
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
	k := paraKey{c.t, c.r.Year, s.Narrative, maphash.String(memoSeed, para)}
	if pf, ok := paraMemo.Get(k); ok && pf.text == para {
		return pf
	}
	// A copy, so that an entry holds its paragraph, not the whole text
	// the paragraph was cut from.
	pf := c.findParaFacts(s, strings.Clone(para))
	paraMemo.Put(k, pf)
	return pf
}

// findParaFacts reads one paragraph of section s, sentence by sentence
// (each sentence's facts kept, so that typing into a paragraph reads one
// sentence again).
func (c *checker) findParaFacts(s Section, para string) *paraFacts {
	pf := &paraFacts{text: para}
	before, hb := "", emptyHash
	for _, sentence := range sentences(para) {
		sf, h := c.sentenceFactsOf(s, before, hb, sentence)
		pf.ties = append(pf.ties, sf.ties...)
		if pf.other == 0 && sf.other != 0 {
			pf.other, pf.otherSentence = sf.other, sentence
		}
		if sf.counted {
			pf.keyed = append(pf.keyed, keyedSentence{sf.text, sf.key})
		}
		before, hb = sentence, h
	}
	return pf
}

// sentenceMemoSize bounds the memo kept per sentence: about as many
// reports as memoSize, of a hundred or two sentences each.
const sentenceMemoSize = 32768

// sentenceMemoKey is what the narrative checks find in one sentence depends
// on: as paraKey, and the sentence before it, to which a claim may refer
// back (上述案件均获维持); before and text are hashes
// (sentenceFacts.before and .text the sentences).
type sentenceMemoKey struct {
	t            *Template
	year         int
	narrative    string
	before, text uint64
}

// sentenceFacts are what the narrative checks find in one sentence,
// wherever it stands.
type sentenceFacts struct {
	before, text string
	// ties are the figures it states (W2, W4), with para 0.
	ties []tie
	// other is the year other than the report's it speaks of as its own
	// (W7); 0 when none.
	other int
	// key is its key for the copy check (W10) when counted.
	key     uint64
	counted bool
}

var sentenceMemo = bounded.New[sentenceMemoKey, *sentenceFacts](sentenceMemoSize)

// emptyHash is the hash of "", the sentence before a paragraph's first.
var emptyHash = maphash.String(memoSeed, "")

// sentenceFactsOf are the facts of sentence, after before (of hash hb),
// in section s, and the sentence's hash.
func (c *checker) sentenceFactsOf(s Section, before string, hb uint64, sentence string) (*sentenceFacts, uint64) {
	if c.fresh {
		return c.findSentenceFacts(s, before, sentence), 0
	}
	h := maphash.String(memoSeed, sentence)
	k := sentenceMemoKey{c.t, c.r.Year, s.Narrative, hb, h}
	if sf, ok := sentenceMemo.Get(k); ok && sf.text == sentence && sf.before == before {
		return sf, h
	}
	sf := c.findSentenceFacts(s, strings.Clone(before), strings.Clone(sentence))
	sentenceMemo.Put(k, sf)
	return sf, h
}

// findSentenceFacts reads one sentence of section s.
func (c *checker) findSentenceFacts(s Section, before, sentence string) *sentenceFacts {
	sf := &sentenceFacts{before: before, text: sentence}
	sf.ties = c.sentenceTies(nil, s, 0, sentence, before)
	if c.r.Year != 0 && otherYearIn(sentence, c.r.Year) {
		sf.other = c.yearAsOwn(s.Narrative, sentence)
	}
	sf.key, sf.counted = sentenceKey(sentence)
	return sf
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
