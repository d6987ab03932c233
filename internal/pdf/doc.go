// Package pdf owns the publishable PDF of a report: it draws the title, the
// six sections, the three statistical tables in the official merged-header
// layout and the page numbers, on A4 with 公文-like margins, in embedded
// Noto fonts cut down to the characters each draws.
//
// It writes the PDF itself (canvas.go draws, file.go writes the file):
// lines are broken here (linebreak.go, with 禁则 and justification);
// characters the fonts cannot show become 〓 (text.go); each font is
// parsed once per process (sfnt.go) and cut down per document when the
// file is written (subset.go).
//
// Every label comes from internal/report; this package writes no Chinese
// text of its own.
package pdf
