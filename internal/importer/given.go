package importer

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"nianbao/internal/extract"
	"nianbao/internal/org"
	"nianbao/internal/report"
)

// A report given to be checked, or to be compared with as last year's,
// comes to `nianbao check` as a file and to /check as a file or a pasted
// text. Both read it here, so that what one accepts the other does and
// the check runs with the same options.

// IsJSON reports whether a report given as name (a file's name, "" for a
// pasted text) with content data is nianbao's JSON of a report rather
// than a published text: a .json is, a .txt is not; otherwise the content
// decides — JSON starts with { (after a byte-order mark and spaces), no
// published text does.
func IsJSON(name string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt":
		return false
	case ".json":
		return true
	}
	data = bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\ufeff")), " \t\r\n")
	return bytes.HasPrefix(data, []byte("{"))
}

// ReadGiven reads a given report: its JSON, decoded (res nil), or a
// published report's text, web page, PDF or Word file, imported (res holds
// the reading: its lines, notes and headings as printed). The errors are
// written for the user: a JSON's names its line and key, a file's what
// it was read as.
func ReadGiven(name string, data []byte) (r *report.Report, res *Result, err error) {
	if IsJSON(name, data) {
		r, err = report.Decode(data)
		if err != nil {
			return nil, nil, fmt.Errorf("不是有效的报告JSON：%w", err)
		}
		return r, nil, nil
	}
	doc, err := extract.Read(data)
	if err != nil {
		return nil, nil, err
	}
	if res, err = ImportDocument(doc); err != nil {
		return nil, nil, fmt.Errorf("读作%s：%w", doc.Kind.Name(), err)
	}
	return res.Report, res, nil
}

// CheckOptions are the options of the check of a given report r: final
// or as a draft; with its headings as printed when it was read from a
// text (res; nil for JSON, which prints the official ones); the body's
// kind for the 规章 row (W12), guessed from the name r is signed with
// when kind is ""; and last year's report for the cross-year checks and
// W10, nil when none was given.
func CheckOptions(r *report.Report, res *Result, final bool, kind org.Kind, lastYear *report.Report) report.Options {
	if kind == "" {
		kind = org.KindOfName(r.Org)
	}
	opt := report.Options{Final: final, NoRules: !kind.MakesRules(), LastYear: lastYear}
	if res != nil {
		opt.Headings = &res.Printed
	}
	return opt
}
