// Package report is the one definition of the annual report format
// (国办公开办函〔2021〕30号) that the rest of nianbao reads: the sections,
// tables, rows, columns and their official labels and JSON keys (template.go,
// layout.go), a report's values and their JSON form (values.go, json.go),
// what a clerk may type into a cell (input.go), the totals an authored report
// computes (totals.go), and the arithmetic rules with their findings
// (rules.go, check.go).
//
// The form, the validator, the HTML page, the PDF and the importer all take
// labels, keys and rules from here; nothing else hard-codes a row label.
//
// This package is pure: it imports only the standard library, does no I/O
// and knows nothing of HTTP or SQL.
package report
