package report

import (
	"fmt"
	"strings"
	"time"
)

// The printed words around the format's own labels, shared by the HTML page
// and the PDF so that neither writes Chinese text of its own.

// ReportName is the document's name after the body and year in a title.
const ReportName = "政府信息公开工作年度报告"

// CorrectionHeading introduces the 更正说明 of a corrected revision.
const CorrectionHeading = "更正说明"

// DisplayTitle is the title to print: the report's own, or the usual one
// built from the body and the year (seed 002 prints none), or as much of it
// as is known for a report still empty.
func (r *Report) DisplayTitle() string {
	if strings.TrimSpace(r.Title) != "" {
		return r.Title
	}
	if r.Year != 0 {
		return DefaultTitle(r.Org, r.Year)
	}
	return r.Org + ReportName
}

// PublicationLine is the line under the title of a published revision:
// 第2版　2024年3月5日发布. It is empty for a draft.
func (r *Report) PublicationLine() string {
	p := r.Publication
	if p == nil {
		return ""
	}
	line := fmt.Sprintf("第%d版", p.Revision)
	if p.Date != "" {
		line += "　" + ChineseDate(p.Date) + "发布"
	}
	return line
}

// RevisionLine is what a printed report (PDF, Word) says under its title:
// the revision of a corrected report (第2版), nothing for the first — the
// date belongs to the 落款 at the end (Signature), as in the official
// template; a web page shows PublicationLine instead.
func (r *Report) RevisionLine() string {
	if p := r.Publication; p != nil && p.Revision > 1 {
		return fmt.Sprintf("第%d版", p.Revision)
	}
	return ""
}

// Signature is the 落款 that ends a printed report: the body's name and,
// once published, the date of publication (empty for a draft: the date is
// written when it is signed and published).
func (r *Report) Signature() (org, date string) {
	if p := r.Publication; p != nil && p.Date != "" {
		date = ChineseDate(p.Date)
	}
	return strings.TrimSpace(r.Org), date
}

// Correction returns the 更正说明 of a corrected revision, or "".
func (r *Report) Correction() string {
	if r.Publication == nil {
		return ""
	}
	return r.Publication.Correction
}

// ChineseDate writes a YYYY-MM-DD date as 2024年3月5日; any other text is
// returned as it is.
func ChineseDate(date string) string {
	t, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return date
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// Caption names a table as its section does, without the number:
// 收到和处理政府信息公开申请情况.
func (t *Template) Caption(tb *Table) string {
	for _, s := range t.Sections {
		if s.Table == tb {
			return strings.TrimPrefix(s.Heading, s.Number+"、")
		}
	}
	return ""
}
