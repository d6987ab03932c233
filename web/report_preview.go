package web

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/pdf"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
)

// reportPreviewPDF sends the PDF a version of a report would be published
// as, dated today, to those who may read the report (never the public: it
// is not published). ?version=N is the version the reviewer's page shows,
// so what they approve is what they read; without it, the current one.
func (s *Server) reportPreviewPDF(c echo.Context) error {
	rec, _, err := s.reportFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	if v := c.QueryParam("version"); v != "" && v != strconv.Itoa(rec.Version) {
		if rec, err = s.previewVersion(c, rec, v); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := pdf.Render(asPublished(rec, s.store.Now().In(workflow.ChinaTime)), &buf); err != nil {
		return fmt.Errorf("preview report %d v%d: %w", rec.ID, rec.Version, err)
	}
	name := fmt.Sprintf("%s%d年政府信息公开工作年度报告（发布预览，第%d稿）.pdf", rec.Report.Org, rec.Year, rec.Version)
	inline(c, name)
	c.Response().Header().Set("Cache-Control", "private, no-store")
	return c.Blob(http.StatusOK, "application/pdf", buf.Bytes())
}

// previewVersion is an earlier version of rec's report, as the preview
// shows it (the current revision's number and correction note).
func (s *Server) previewVersion(c echo.Context, rec *store.ReportRecord, v string) (*store.ReportRecord, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > rec.Version {
		return nil, errNotFound
	}
	old, err := s.store.ReportVersion(c.Request().Context(), rec.ID, n)
	if errors.Is(err, store.ErrNotFound) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	old.Revision, old.Correction = rec.Revision, rec.Correction
	return old, nil
}
