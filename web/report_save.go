package web

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/web/paths"
)

// reportSave saves a draft from a form: base_version, any cell by its
// dotted path, title, preface and narrative.*; fields left out keep their
// stored value, totals are computed. A refused cell answers 422 with every
// message and saves nothing; a save based on an old version answers 409.
func (s *Server) reportSave(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	base, err := strconv.Atoi(c.FormValue("base_version"))
	if err != nil || base < 1 {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, "缺少报告版本号（base_version），请刷新页面后再保存。")
	}
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "无法读取提交的表单。")
	}
	r, problems := applyForm(rec.Report, form)
	if len(problems) > 0 {
		return c.String(http.StatusUnprocessableEntity, strings.Join(problems, "\n"))
	}
	report.FillTotals(r)
	v, err := s.store.SaveDraft(c.Request().Context(), rec.ID, base, r, u.ID)
	switch {
	case errors.Is(err, store.ErrStale):
		return echo.NewHTTPError(http.StatusConflict,
			"这份报告在您打开之后已被保存过（可能是同事，或您在另一个窗口中）。您这次的修改还没有保存：请先复制您改动的内容，刷新页面后再填入并保存。")
	case errors.Is(err, store.ErrNotEditable):
		return echo.NewHTTPError(http.StatusConflict, "这份报告已提交或已审核，不能再作为草稿修改。")
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, paths.ReportEditSaved(rec.ID, v))
}

// textFields are the report's free-text form fields.
var textFields = map[string]func(r *report.Report, v string){
	"title":                                 func(r *report.Report, v string) { r.Title = v },
	"preface":                               func(r *report.Report, v string) { r.Preface = v },
	"narrative." + report.NarrativeOverview: func(r *report.Report, v string) { r.Narrative.Overview = v },
	"narrative." + report.NarrativeProblems: func(r *report.Report, v string) { r.Narrative.Problems = v },
	"narrative." + report.NarrativeOther:    func(r *report.Report, v string) { r.Narrative.Other = v },
}

// applyForm returns a copy of stored with the form's fields applied, and
// the message of every refused cell, in the template's order. Computed
// cells in the form are ignored (FillTotals sets them); unknown fields too.
func applyForm(stored *report.Report, form url.Values) (*report.Report, []string) {
	r := stored.Clone()
	t := r.Template()
	var refused []*report.InputError
	for name, vals := range form {
		v := vals[len(vals)-1]
		if set, ok := textFields[name]; ok {
			set(r, strings.ReplaceAll(v, "\r\n", "\n"))
			continue
		}
		id := t.Lookup(name)
		if id == report.NoCell || t.Cell(id).Computed {
			continue
		}
		val, err := t.ParseInput(id, v)
		var ie *report.InputError
		if errors.As(err, &ie) {
			refused = append(refused, ie)
			continue
		}
		r.Values[id] = val
	}
	slices.SortFunc(refused, func(a, b *report.InputError) int { return int(a.Cell - b.Cell) })
	problems := make([]string, len(refused))
	for i, ie := range refused {
		problems[i] = ie.Error()
	}
	return r, problems
}
