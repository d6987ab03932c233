package web

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/imported"
	"nianbao/web/paths"
)

// referenceSave stores a confirmed text as the body's report of the year:
// the text posted again is read again (nothing was kept since the
// preview), checked as for the preview, and saved, replacing an earlier
// import. It goes on to the next year's report when there is one, else to
// the start page, where that report can be created with prefill.
func (s *Server) referenceSave(c echo.Context) error {
	body, u, err := s.referenceBody(c)
	if err != nil {
		return err
	}
	f, ok, err := s.readReference(c, body)
	if !ok || err != nil {
		return err
	}
	year, text, res := f.year, f.text, f.res
	p, err := s.referencePreviewPage(c, body, year, text, res)
	if err != nil {
		return err
	}
	if p.Problem != "" {
		return render(c, http.StatusUnprocessableEntity, imported.ReferencePreviewPage(p))
	}
	r := res.Report
	if r.Org == "" {
		r.Org = body.Name
	}
	if r.Title == "" {
		r.Title = report.DefaultTitle(r.Org, year)
	}
	ctx := c.Request().Context()
	if _, err := s.store.SaveReference(ctx, body.ID, year, r, text, u.ID); err != nil {
		return err
	}
	s.flash(ctx, fmt.Sprintf("已保存本机关%d年度的报告（从原文导入）。新建%d年报告时可带入%s，填报时会与之核对。", year, year+1, report.CarriedNames))
	next, err := s.store.ReportByBodyYear(ctx, body.ID, year+1)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return c.Redirect(http.StatusSeeOther, paths.Home)
	case err != nil:
		return err
	}
	return c.Redirect(http.StatusSeeOther, paths.ReportEdit(next.ID))
}
