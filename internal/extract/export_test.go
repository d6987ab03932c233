package extract

// SetPdftotext points the PDF reader at another command, for the test of
// a machine without poppler-utils; it returns the previous one.
func SetPdftotext(name string) string {
	old := pdftotext
	pdftotext = name
	return old
}

var CleanPDF = cleanPDF
