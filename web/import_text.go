package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/views/imported"
	"nianbao/views/ui"
)

// maxReportText bounds a pasted or uploaded report text. A published
// report's whole text is 10–100 KB; past 1 MB it is not one report.
const maxReportText = 1 << 20

// notReport is the message at the box when no section heading was found.
var notReport = importer.ErrNotReport.Error() + "。请粘贴或上传报告的全文，包括“" + report.T2021.Sections[0].Heading + "”等各部分的标题。"

// postedReport is what an import form posted: the file or the pasted
// text, read. carry is what the form takes to its next step (the box, the
// confirm form): the text as pasted, a text file's decoded text, or the
// reading of a web page, Word file or PDF in a form that reads back the
// same.
type postedReport struct {
	doc   *extract.Document
	carry string
}

// reportInput reads an import form: the uploaded file when one was chosen
// (a .txt in UTF-8 or GBK, a saved web page, a PDF, a .docx or .doc — told
// apart by content), else the pasted text or web page. Problems come as
// messages at the fields text and file; the pasted text comes back either
// way, to stay in the box.
func reportInput(c echo.Context) (postedReport, ui.Errors) {
	errs := ui.Errors{}
	text := c.FormValue("text")
	if fh, err := c.FormFile("file"); err == nil && fh.Filename != "" {
		p, problem := uploadedReport(fh)
		if problem != "" {
			errs["file"] = problem
			return postedReport{carry: text}, errs
		}
		return p, errs
	}
	switch {
	case len(text) > maxReportText:
		errs["text"] = "文本" + tooLarge(int64(len(text)))
	case strings.TrimSpace(text) == "":
		errs["text"] = "请粘贴报告的全文，或选择报告的文件"
	}
	if errs.Any() {
		return postedReport{carry: text}, errs
	}
	return postedReport{doc: postedText(text, c.FormValue(readingField)), carry: text}, errs
}

// readingField names the hidden field in which a preview's confirm form
// says that its text is a PDF's (readingPDF, readingPDFLayout), so that
// the confirmation reads it as the preview did.
const (
	readingField     = "reading"
	readingPDF       = "pdf"
	readingPDFLayout = "pdf-layout"
)

// postedText reads a text posted in a form: a PDF's text carried from a
// preview as that PDF, anything else as pasted (a web page or a text).
func postedText(text, reading string) *extract.Document {
	switch reading {
	case readingPDF, readingPDFLayout:
		return extract.ReadPDFText(text, reading == readingPDFLayout)
	}
	return extract.ReadString(text)
}

// readingOf is the readingField value that carries res's text: "" unless
// it was read from a PDF.
func readingOf(res *importer.Result) string {
	switch {
	case res.Kind != extract.PDF:
		return ""
	case res.Layout:
		return readingPDFLayout
	}
	return readingPDF
}

// uploadedReport reads an uploaded file; the problem is for the file field.
// A PDF or Word file may be as large as a request may be; what is read
// from it, like a text file, at most maxReportText.
func uploadedReport(fh *multipart.FileHeader) (postedReport, string) {
	data, problem := uploadedBytes(fh)
	if problem != "" {
		return postedReport{}, problem
	}
	doc, err := extract.Read(data)
	if err != nil {
		return postedReport{}, err.Error() // extract's and textfile's errors are written for the user
	}
	text := doc.Text()
	switch {
	case len(text) > maxReportText:
		return postedReport{}, "文件中的文字" + tooLarge(int64(len(text)))
	case strings.TrimSpace(text) == "":
		return postedReport{}, "文件中没有文字，请选择报告的文件"
	}
	p := postedReport{doc: doc, carry: text}
	switch doc.Kind {
	case extract.HTML, extract.Script, extract.DOCX, extract.DOC:
		p.carry = doc.HTML()
	case extract.Text:
		p.carry = doc.Blocks[0].Para
	}
	return p, ""
}

// uploadedBytes reads an uploaded file whole; the problem is for the file
// field. A PDF or Word file may be as large as a request may be; any
// other at most maxReportText.
func uploadedBytes(fh *multipart.FileHeader) ([]byte, string) {
	f, err := fh.Open()
	if err != nil {
		return nil, "无法读取上传的文件，请重新选择"
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxBody+1))
	if err != nil {
		return nil, "无法读取上传的文件，请重新选择"
	}
	if len(data) > maxReportText && !extract.IsDocumentFile(data) {
		return nil, "文件" + tooLarge(int64(len(data)))
	}
	return data, ""
}

func tooLarge(n int64) string {
	return fmt.Sprintf("有%.1f MB，超过了1 MB的上限。一份年度报告的全文通常不到100 KB，请只粘贴报告本身", float64(n)/(1<<20))
}

// readReport reads the posted report. One that is refused (empty, too
// large, not a report) comes back with the messages at its fields and no
// result. carry is what the form takes on (postedReport); a PDF's is the
// text of the reading that was kept.
func readReport(c echo.Context) (string, *importer.Result, ui.Errors, error) {
	p, errs := reportInput(c)
	if errs.Any() {
		return p.carry, nil, errs, nil
	}
	res, err := importer.ImportDocument(p.doc)
	if errors.Is(err, importer.ErrNotReport) {
		field := "text"
		if _, ferr := c.FormFile("file"); ferr == nil {
			field = "file"
		}
		errs[field] = notReport
		return p.carry, nil, errs, nil
	}
	if err == nil && p.doc.Kind == extract.PDF {
		p.carry = res.Text
	}
	return p.carry, res, errs, err
}

// reading lays out a read report with the findings of a published
// report (every rule, blank cells as errors; importer.CheckOptions, as
// `nianbao check` checks), beside the lines the notes number (res.Text),
// whatever the form carries. kind is the body's, or "" for a text checked
// without one (/check): then the kind is guessed from the name the report
// is signed with. last is last year's report, nil when none is at hand.
func reading(res *importer.Result, kind org.Kind, last *report.Report) *imported.Reading {
	opt := importer.CheckOptions(res.Report, res, true, kind, last)
	return imported.NewReading(res.Text, res, report.Check(res.Report, opt))
}
