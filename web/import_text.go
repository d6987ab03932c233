package web

import (
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/internal/textfile"
	"nianbao/views/imported"
	"nianbao/views/ui"
)

// maxReportText bounds a pasted or uploaded report text. A published
// report's whole text is 10–100 KB; past 1 MB it is not one report.
const maxReportText = 1 << 20

// notReport is the message at the box when no section heading was found.
var notReport = importer.ErrNotReport.Error() + "。请粘贴报告的全文，包括“一、总体情况”等各部分的标题。"

// reportText reads the text of an import form: the uploaded file when one
// was chosen (UTF-8 or GBK/GB18030), else the pasted text. Problems come
// as messages at the fields text and file; the text comes back either
// way, to stay in the box.
func reportText(c echo.Context) (string, ui.Errors) {
	errs := ui.Errors{}
	text := c.FormValue("text")
	if fh, err := c.FormFile("file"); err == nil && fh.Filename != "" {
		ft, problem := uploadedText(fh)
		if problem != "" {
			errs["file"] = problem
			return text, errs
		}
		text = ft
	}
	switch {
	case len(text) > maxReportText:
		errs["text"] = "文本" + tooLarge(int64(len(text)))
	case strings.TrimSpace(text) == "":
		errs["text"] = "请粘贴报告的全文，或选择一个.txt文件"
	}
	return text, errs
}

// uploadedText decodes an uploaded .txt; the problem is for the file field.
func uploadedText(fh *multipart.FileHeader) (string, string) {
	if fh.Size > maxReportText {
		return "", "文件" + tooLarge(fh.Size)
	}
	f, err := fh.Open()
	if err != nil {
		return "", "无法读取上传的文件，请重新选择"
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxReportText+1))
	if err != nil {
		return "", "无法读取上传的文件，请重新选择"
	}
	text, _, err := textfile.Decode(data)
	switch {
	case err != nil:
		return "", err.Error() // textfile's errors are written for the user
	case len(text) > maxReportText:
		return "", "文件" + tooLarge(int64(len(text)))
	case strings.TrimSpace(text) == "":
		return "", "文件是空的，请选择报告的.txt文件"
	}
	return text, ""
}

func tooLarge(n int64) string {
	return fmt.Sprintf("有%.1f MB，超过了1 MB的上限。一份年度报告的全文通常不到100 KB，请只粘贴报告本身", float64(n)/(1<<20))
}

// readReport reads the posted text as a published report. A text that is
// refused (empty, too large, not a report) comes back with the messages
// at its fields and no result.
func readReport(c echo.Context) (string, *importer.Result, ui.Errors, error) {
	text, errs := reportText(c)
	if errs.Any() {
		return text, nil, errs, nil
	}
	res, err := importer.Import(text)
	if errors.Is(err, importer.ErrNotReport) {
		errs["text"] = notReport
		return text, nil, errs, nil
	}
	return text, res, errs, err
}

// reading lays out a read text with the findings of a published report:
// every rule, blank cells as errors.
func reading(text string, res *importer.Result) *imported.Reading {
	return imported.NewReading(text, res, report.Check(res.Report, report.Options{Final: true}))
}
