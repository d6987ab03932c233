package importer

// Hooks for the external tests: the fold (to damage seed 000 into simplified
// text), its inverse (to damage labels into traditional text) and the
// matching form.

var (
	Fold = fold
	// PDFParagraphs joins the wrapped lines of a PDF's running text,
	// measuring the page from the lines themselves.
	PDFParagraphs = func(lines []string) string { return pdfParagraphs(lines, measurePage(lines)) }
	Key           = key
	T2S           = t2s
)

// S2T inverts t2s; where several traditional characters fold to one
// simplified one (複, 復 → 复), the lowest code point is taken.
func S2T() map[rune]rune {
	m := map[rune]rune{}
	for t, s := range t2s {
		if old, ok := m[s]; !ok || t < old {
			m[s] = t
		}
	}
	return m
}
