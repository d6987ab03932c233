package web

import (
	"bytes"
	"fmt"
	"io"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/docx"
	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/internal/store"
	"nianbao/views/document"
	"nianbao/views/public"
	"nianbao/web/paths"
)

// A published revision's other files — Word, the tables as a workbook and
// as CSV, and the fragment for a portal — are made from its JSON as
// published, so they hold exactly what the PDF and the page hold.

// reportFile is how one file of a report is made.
type reportFile struct {
	ext, contentType string
	write            func(io.Writer, *report.Report) error
}

var (
	docxFile = reportFile{"docx", docx.ContentType, docx.Write}
	xlsxFile = reportFile{"xlsx", sheet.ContentType, sheet.WriteReportXLSX}
	csvFile  = reportFile{"csv", "text/csv; charset=utf-8", sheet.WriteReportCSV}
)

func (s *Server) publicDOCX(c echo.Context) error { return s.publishedFile(c, docxFile) }
func (s *Server) publicXLSX(c echo.Context) error { return s.publishedFile(c, xlsxFile) }
func (s *Server) publicCSV(c echo.Context) error  { return s.publishedFile(c, csvFile) }

// publishedFile sends a published revision as f.
func (s *Server) publishedFile(c echo.Context, f reportFile) error {
	pub, r, err := s.publishedReport(c)
	if err != nil {
		return err
	}
	data, err := makeFile(f, r)
	if err != nil {
		return err
	}
	published(c, pub, f.ext)
	return c.Blob(http.StatusOK, f.contentType, data)
}

func makeFile(f reportFile, r *report.Report) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.write(&buf, r); err != nil {
		return nil, fmt.Errorf("%s of %q: %w", f.ext, r.DisplayTitle(), err)
	}
	return buf.Bytes(), nil
}

// publishedReport finds the revision a public address names and decodes
// its JSON.
func (s *Server) publishedReport(c echo.Context) (*store.Publication, *report.Report, error) {
	pub, err := s.publicationFor(c)
	if err != nil {
		return nil, nil, err
	}
	r, err := report.Decode(pub.Data)
	if err != nil {
		return nil, nil, fmt.Errorf("published report %d: %w", pub.ID, err)
	}
	return pub, r, nil
}

// publicEmbed sends the HTML fragment of a published revision, for a
// portal's CMS.
func (s *Server) publicEmbed(c echo.Context) error {
	pub, r, err := s.publishedReport(c)
	if err != nil {
		return err
	}
	html, err := s.embedHTML(c, pub, r)
	if err != nil {
		return err
	}
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=86400")
	return c.Blob(http.StatusOK, "text/html; charset=utf-8", html)
}

// embedHTML is the fragment of a revision, with its permanent links as
// absolute addresses (it is read on another site).
func (s *Server) embedHTML(c echo.Context, pub *store.Publication, r *report.Report) ([]byte, error) {
	style, err := public.EmbedStyle()
	if err != nil {
		return nil, err
	}
	e := public.Embed{Doc: document.NewView(r), Style: style, Links: permanentLinks(siteURL(c), pub)}
	var buf bytes.Buffer
	if err := public.WriteEmbed(c.Request().Context(), &buf, e); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// permanentLinks are a revision's stable addresses on the site at base.
func permanentLinks(base string, pub *store.Publication) []public.Link {
	b, y, rev := pub.BodyID, pub.Year, pub.Revision
	return []public.Link{
		{Label: "本报告网页", URL: base + paths.PublicRevisionURL(b, y, rev)},
		{Label: "下载Word", URL: base + paths.PublicDOCXURL(b, y, rev)},
		{Label: "下载PDF", URL: base + paths.PublicPDFURL(b, y, rev)},
		{Label: "下载表格（Excel）", URL: base + paths.PublicXLSXURL(b, y, rev)},
		{Label: "下载表格（CSV）", URL: base + paths.PublicCSVURL(b, y, rev)},
		{Label: "下载数据（JSON）", URL: base + paths.PublicJSONURL(b, y, rev)},
	}
}

// siteURL is the scheme and host the request came to, the base of
// absolute links.
func siteURL(c echo.Context) string {
	return c.Scheme() + "://" + c.Request().Host
}

// reportDOCX sends a report's current version — a draft for the leader's
// signature, or what is under review — as a Word document, to those who
// may read the report.
func (s *Server) reportDOCX(c echo.Context) error {
	rec, _, err := s.reportFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	data, err := makeFile(docxFile, rec.Report)
	if err != nil {
		return err
	}
	name := fmt.Sprintf("%s%d年政府信息公开工作年度报告（%s，第%d稿）.docx", rec.Report.Org, rec.Year, rec.State.Label(), rec.Version)
	attachment(c, name)
	c.Response().Header().Set("Cache-Control", "private, no-store")
	return c.Blob(http.StatusOK, docx.ContentType, data)
}
