package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/imported"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// referenceForm is the page where a clerk pastes the published report of
// their body for a year (?year=; by default the year before last, whose
// report is the base of the year a new report is usually started for).
func (s *Server) referenceForm(c echo.Context) error {
	body, _, err := s.referenceBody(c)
	if err != nil {
		return err
	}
	year := c.QueryParam("year")
	if _, problem := parseYear(year, time.Now().Year()-1); problem != "" {
		year = strconv.Itoa(time.Now().Year() - 2)
	}
	return s.renderReferenceForm(c, body, year, "", nil, http.StatusOK)
}

// referenceBody loads the :id body and lets only its clerks import.
func (s *Server) referenceBody(c echo.Context) (*store.Body, *auth.User, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, nil, err
	}
	u, err := s.authorize(c, id, auth.EditReport)
	if err != nil {
		return nil, nil, err
	}
	b, err := s.store.Body(c.Request().Context(), id)
	return b, u, err
}

// renderReferenceForm shows the paste form with a text and the messages at
// its fields.
func (s *Server) renderReferenceForm(c echo.Context, body *store.Body, year, text string, errs ui.Errors, status int) error {
	p := imported.ReferenceForm{Frame: s.page(c, "导入上年报告"), Org: body.Name, BackURL: paths.Home,
		Paste: imported.Paste{Action: paths.BodyReferencePreviewURL(body.ID), Text: text, Errors: errs,
			WithYear: true, Year: year, Submit: "读取并预览"}}
	if y, err := strconv.Atoi(year); err == nil {
		existing, err := s.existingReference(c.Request().Context(), body.ID, y)
		if err != nil {
			return err
		}
		if existing != "" {
			p.Existing = existing + "再次导入将替换它。"
		}
	}
	return render(c, status, imported.ReferenceFormPage(p))
}

// existingReference says when the body's report of year was imported, or
// "" when it was not.
func (s *Server) existingReference(ctx context.Context, bodyID int64, year int) (string, error) {
	ref, err := s.store.Reference(ctx, bodyID, year)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("本机关%d年度的报告已于%s从原文导入（%s年格式）。", year,
		ref.ImportedAt.In(workflow.ChinaTime).Format("2006-01-02 15:04"), ref.Report.Format), nil
}
