package report

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
		sf := &sectionFacts{}
		for _, para := range Paragraphs(text) {
			pf := c.findParaFacts(s, para)
			paraMemo.Put(paraKey{c.t, r.Year, s.Narrative, para}, pf)
			sf.paras = append(sf.paras, pf)
		}
		sectionMemo.Put(sectionKey{c.t, r.Year, s.Narrative, text}, sf)
	}
}
