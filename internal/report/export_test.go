package report

import "hash/maphash"

// CheckFresh is Check reading and keeping no memo: the reference the
// memos are tested against (memo_test.go).
func CheckFresh(r *Report, opt Options) []Finding { return check(r, opt, true) }

// KeepParaFactsAt keeps, for each paragraph of r's texts under r's year,
// what the narrative checks find in it at year: what a memo whose key
// left the year out would hold after a check at that year.
func KeepParaFactsAt(r *Report, year int) {
	at := r.Clone()
	at.Year = year
	c := checker{t: r.Template(), r: at, fresh: true}
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		text := r.Narrative.Text(s.Narrative)
		sf := &sectionFacts{text: text}
		for _, para := range Paragraphs(text) {
			pf := c.findParaFacts(s, para)
			paraMemo.Put(paraKey{c.t, r.Year, s.Narrative, maphash.String(memoSeed, para)}, pf)
			sf.paras = append(sf.paras, pf)
		}
		sectionMemo.Put(sectionKey{c.t, r.Year, s.Narrative, maphash.String(memoSeed, text)}, sf)
	}
}

// KeepFactsUnderHashesOf keeps what the narrative checks find in other's
// texts under the hashes of r's (sections and paragraphs, in order): what
// the memos would hold if r's texts had the same hashes as other's.
func KeepFactsUnderHashesOf(r, other *Report) {
	c := checker{t: r.Template(), r: other, fresh: true}
	for _, s := range c.t.Sections {
		if s.Narrative == "" {
			continue
		}
		text, otherText := r.Narrative.Text(s.Narrative), other.Narrative.Text(s.Narrative)
		sf := &sectionFacts{text: otherText}
		paras, otherParas := Paragraphs(text), Paragraphs(otherText)
		for i, para := range otherParas {
			pf := c.findParaFacts(s, para)
			if i < len(paras) {
				paraMemo.Put(paraKey{c.t, r.Year, s.Narrative, maphash.String(memoSeed, paras[i])}, pf)
				keepSentencesUnderHashesOf(&c, s, paras[i], para)
			}
			sf.paras = append(sf.paras, pf)
		}
		sectionMemo.Put(sectionKey{c.t, r.Year, s.Narrative, maphash.String(memoSeed, text)}, sf)
	}
}

// keepSentencesUnderHashesOf keeps the facts of other's sentences under
// the hashes of para's (and of the sentences before them).
func keepSentencesUnderHashesOf(c *checker, s Section, para, other string) {
	ss, os := sentences(para), sentences(other)
	hb := emptyHash
	for i := range min(len(ss), len(os)) {
		h := maphash.String(memoSeed, ss[i])
		before := ""
		if i > 0 {
			before = os[i-1]
		}
		sentenceMemo.Put(sentenceMemoKey{c.t, c.r.Year, s.Narrative, hb, h}, c.findSentenceFacts(s, before, os[i]))
		hb = h
	}
}
