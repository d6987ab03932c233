// Package importer reads the plain text of a published 政府信息公开工作年度报告
// — a web page's text, a PDF's text, a Word file pasted as text, or any file
// internal/extract has read (ImportDocument) — into a *report.Report, and says how it read it: which format it recognised and
// why, which line every number came from, and every place where it could
// not read, had to repair, or was unsure.
//
// It owns the tolerant reading of published texts and nothing else: the
// format (headings, rows, labels, columns) comes from internal/report, and
// so do the cell values, their parsing and the arithmetic. Labels are
// matched on a normalised form (fold.go: traditional→simplified, full-width
// →half-width, no spaces or quotes) by the distinctive landmarks of
// docs/template-2021.md §10.5 (report.Row.Landmarks), never by position; numbers are
// taken in the official column order, 7 per row in section 三 and 15 in 四,
// and a row that does not have them is repaired only where the spec says it
// is unambiguous (§9.5), otherwise left blank with a note — never guessed.
//
// Imported reports keep their printed totals: nothing here computes one.
//
// The package does no I/O: it takes a string or an extract.Document. It
// imports only the standard library, internal/extract and internal/report.
package importer
