package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/importer"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// referencePreview reads the pasted text and shows it beside what was
// read, with a button that confirms it as the body's report of the year.
// Nothing is stored: the text travels in the confirm form. With edit=1 it
// takes the text back into the paste form.
func (s *Server) referencePreview(c echo.Context) error {
	body, _, err := s.referenceBody(c)
	if err != nil {
		return err
	}
	if formText(c, "edit") == "1" {
		return s.renderReferenceForm(c, body, formText(c, "year"), c.FormValue("text"), nil, http.StatusOK)
	}
	f, ok, err := s.readReference(c, body)
	if !ok || err != nil {
		return err
	}
	p, err := s.referencePreviewPage(c, body, f.year, f.text, f.res)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, imported.ReferencePreviewPage(p))
}

// referenceForm is the import form read: its year and its text, read.
type referenceForm struct {
	year int
	text string
	res  *importer.Result
}

// readReference reads the import form; when it is refused (ok false) the
// form has been shown again with the messages at its fields.
func (s *Server) readReference(c echo.Context, body *store.Body) (f referenceForm, ok bool, err error) {
	yearText := formText(c, "year")
	text, res, errs, err := readReport(c)
	if err != nil {
		return f, false, err
	}
	year, problem := parseYear(yearText, time.Now().Year()-1)
	if problem != "" {
		errs["year"] = problem
	}
	if errs.Any() {
		return f, false, s.renderReferenceForm(c, body, yearText, text, errs, http.StatusUnprocessableEntity)
	}
	return referenceForm{year: year, text: text, res: res}, true, nil
}

// referencePreviewPage is the preview of a text read as the body's report
// of year: what was read, what the next year will take from it, and what
// stands in the way of confirming it.
func (s *Server) referencePreviewPage(c echo.Context, body *store.Body, year int, text string, res *importer.Result) (imported.ReferencePreview, error) {
	ctx := c.Request().Context()
	p := imported.ReferencePreview{Frame: s.page(c, "核对上年报告"), Org: body.Name, Year: year,
		Reading: reading(res, body.Kind, nil), Text: text, TextReading: readingOf(res), Carry: carryList(res.Report),
		Compare:    "跨年度核对：" + report.CarriedNames + "与本报告衔接。",
		ConfirmURL: paths.BodyReferenceSaveURL(body.ID), EditURL: paths.BodyReferencePreviewURL(body.ID)}
	if res.Format == report.Format2019 {
		p.Compare = "跨年度核对：“上年结转”与本报告衔接（2019年格式的第二部分不可比，不核对“" + report.InForceHeader + "”）。"
	}
	var err error
	if p.Problem, err = s.referenceProblem(ctx, body.ID, year, res.Report); err != nil {
		return p, err
	}
	if org := res.Report.Org; org != "" && org != body.Name {
		p.Warnings = append(p.Warnings, fmt.Sprintf("原文中的机关名称是“%s”，与本机关“%s”不同，请确认粘贴的是本机关的报告。", org, body.Name))
	}
	if existing, err := s.existingReference(ctx, body.ID, year); err != nil {
		return p, err
	} else if existing != "" {
		p.Replaces = existing + "确认后将替换它。"
	}
	return p, nil
}

// referenceProblem says why a text cannot be the body's report of year:
// it is another year's report, or that year's report was written in
// nianbao (which wins over an imported one). "" when it can.
func (s *Server) referenceProblem(ctx context.Context, bodyID int64, year int, r *report.Report) (string, error) {
	if r.Year != 0 && r.Year != year {
		return fmt.Sprintf("原文是%d年度的报告，与要导入的%d年度不符。请粘贴%d年度的报告，或点“修改文本”改正年度。", r.Year, year, year), nil
	}
	rec, err := s.store.ReportByBodyYear(ctx, bodyID, year)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("本机关%d年度的报告已在系统中填报（%s），新建%d年报告时会用它带入上年的数字，无需导入。",
		year, rec.State.Label(), year+1), nil
}

// carryList says what the next year's report takes from last: one line
// per row, e.g. 第三部分“二、上年结转”：自然人 22、商业企业 0 ….
func carryList(last *report.Report) []string {
	next := report.New(report.T2021)
	t := next.Template()
	var out, parts []string
	var row *report.Row
	flush := func() {
		if row != nil {
			out = append(out, fmt.Sprintf("第%s部分“%s”：%s", t.Cell(row.Cells[0]).Table.Section, row.Label, strings.Join(parts, "、")))
		}
	}
	for _, id := range report.CarryOver(last, next) {
		def := t.Cell(id)
		if def.Row != row {
			flush()
			row, parts = def.Row, nil
		}
		parts = append(parts, def.ColName()+" "+report.FormatValue(def.Kind, next.Values[id]))
	}
	flush()
	if len(out) == 0 {
		return []string{"（原文中没有读到可以带入的数。）"}
	}
	return out
}
