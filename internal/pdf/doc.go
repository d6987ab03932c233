// Package pdf owns the publishable PDF of a report: it draws the title, the
// six sections, the three statistical tables in the official merged-header
// layout and the page numbers directly with gofpdf, on A4 with 公文-like
// margins, in embedded Noto fonts subset to the characters used.
//
// It works around gofpdf's limits with Chinese: lines are broken here
// (linebreak.go, with 禁则 and justification), because gofpdf's MultiCell
// loses a character at every break; characters gofpdf cannot encode become
// 〓 (text.go); and each font is parsed once per process and cut down per
// document before gofpdf sees it (sfnt.go, subset.go), because gofpdf
// would parse the whole 15 MB face for every document.
//
// Every label comes from internal/report; this package writes no Chinese
// text of its own.
package pdf
