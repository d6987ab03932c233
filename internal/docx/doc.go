// Package docx writes a report as a Word document (.docx) in the official
// layout: the title, the section headings, the text, and the three tables
// as real Word tables whose merged headers (gridSpan across columns, vMerge
// down rows) come from report.Layout, the one definition of the grid.
//
// A .docx is a zip of XML parts (ECMA-376, WordprocessingML). No Go library
// that resolves here writes merged cells and East Asian font names as the
// template needs them (baliance.com/gooxml is not served, unidoc/unioffice
// needs a paid licence, the others have no release), so the few parts are
// written directly; the tests open every file in LibreOffice.
//
// Fonts are named as the Word template of 国办公开办函〔2021〕30号 has them
// (方正小标宋简体 for the title, 黑体 for headings, 仿宋_GB2312 for the text,
// 宋体 for the tables), each with an alternative name that Word, WPS and
// LibreOffice substitute where the font is not installed. Nothing is
// embedded: the document is for editing and printing at the office.
package docx
