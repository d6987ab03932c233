package web

import (
	"errors"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/views/imported"
	"nianbao/views/ui"
)

// givenLastYear is last year's report given to /check: what was read (nil
// when none was given) and what the form takes on to its next step — the
// text as pasted, or an uploaded file's reading as its JSON, which reads
// back the same (a file field cannot be filled again).
type givenLastYear struct {
	report *report.Report
	carry  string
}

// lastYearInput reads the optional last year's report of /check, as
// `nianbao check --last-year` reads its file (importer.ReadGiven): the
// uploaded file when one was chosen, else the pasted text; a published
// text, web page, PDF, Word file, or nianbao's JSON. Problems come as
// messages at last_text or last_file, with the pasted text kept.
func lastYearInput(c echo.Context) (givenLastYear, ui.Errors) {
	errs := ui.Errors{}
	text := c.FormValue(imported.LastTextField)
	kept := givenLastYear{carry: text}
	if fh, err := c.FormFile(imported.LastFileField); err == nil && fh.Filename != "" {
		data, problem := uploadedBytes(fh)
		if problem == "" {
			var r *report.Report
			if r, problem = readLastYear(fh.Filename, data); problem == "" {
				carry, err := r.JSONText()
				if err == nil {
					return givenLastYear{report: r, carry: carry}, errs
				}
				problem = "无法读取上传的文件，请重新选择"
			}
		}
		errs[imported.LastFileField] = problem
		return kept, errs
	}
	switch {
	case strings.TrimSpace(text) == "":
		return givenLastYear{}, errs // none given: no cross-year checks
	case len(text) > maxReportText:
		errs[imported.LastTextField] = "文本" + tooLarge(int64(len(text)))
		return kept, errs
	}
	r, problem := readLastYear("", []byte(text))
	if problem != "" {
		errs[imported.LastTextField] = problem
		return kept, errs
	}
	return givenLastYear{report: r, carry: text}, errs
}

// readLastYear reads last year's report; the problem is for its field.
func readLastYear(name string, data []byte) (*report.Report, string) {
	r, _, err := importer.ReadGiven(name, data)
	switch {
	case errors.Is(err, importer.ErrNotReport):
		return nil, importer.ErrNotReport.Error() + "。请粘贴或上传上年报告的全文，包括“" + report.T2021.Sections[0].Heading + "”等各部分的标题；或报告的JSON。"
	case err != nil:
		return nil, err.Error() // extract's, the importer's and Decode's errors are written for the user
	}
	return r, ""
}

// lastYearLine says on /check's result what the report was compared with.
func lastYearLine(r *report.Report) string {
	if r == nil {
		return "没有给出上年报告，未作跨年度核对（上年结转、正文照搬上年）。"
	}
	name := r.Org + strconv.Itoa(r.Year) + "年度报告"
	if r.Title != "" {
		name = r.Title
	}
	return "已与上年报告（" + name + "）作跨年度核对。"
}
