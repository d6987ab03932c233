package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/labstack/echo/v4"

	"nianbao/internal/names"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/document"
	"nianbao/views/layout"
	"nianbao/views/public"
	"nianbao/web/paths"
)

// publicIndex lists the bodies with published reports (no login).
func (s *Server) publicIndex(c echo.Context) error {
	bodies, err := s.store.PublishedBodies(c.Request().Context())
	if err != nil {
		return err
	}
	p := public.IndexPage{Frame: s.publicFrame(c, "政府信息公开工作年度报告")}
	for _, b := range bodies {
		p.Bodies = append(p.Bodies, public.BodyItem{Name: b.Name, URL: paths.PublicBodyURL(b.ID), Latest: b.Latest})
	}
	return render(c, http.StatusOK, public.Index(p))
}

// publicBody lists a body's published reports: one per year, newest first,
// corrections marked and earlier revisions linked.
func (s *Server) publicBody(c echo.Context) error {
	id, err := idParam(c)
	if err != nil {
		return err
	}
	list, err := s.store.Publications(c.Request().Context(), id)
	if err != nil {
		return err
	}
	if len(list) == 0 {
		return errNotFound // unpublished bodies are not shown to the public
	}
	p := public.BodyPage{Frame: s.publicFrame(c, list[0].BodyName+"的政府信息公开工作年度报告"), Name: list[0].BodyName}
	for _, pub := range list { // newest year first, newest revision first
		item := revisionItem(pub)
		if n := len(p.Years); n > 0 && p.Years[n-1].Year == pub.Year {
			p.Years[n-1].Earlier = append(p.Years[n-1].Earlier, item)
			continue
		}
		p.Years = append(p.Years, public.YearItem{Year: pub.Year, Latest: item})
	}
	return render(c, http.StatusOK, public.Body(p))
}

func revisionItem(p store.Publication) public.RevisionItem {
	return public.RevisionItem{Revision: p.Revision, Date: publishedDate(p), Correction: p.Correction,
		URL: paths.PublicRevisionURL(p.BodyID, p.Year, p.Revision), PDFURL: paths.PublicPDFURL(p.BodyID, p.Year, p.Revision),
		DOCXURL: paths.PublicDOCXURL(p.BodyID, p.Year, p.Revision)}
}

func publishedDate(p store.Publication) string {
	return p.PublishedAt.In(workflow.ChinaTime).Format("2006年1月2日")
}

// publicReport is a published revision as a page: /…/:year is the latest,
// /…/:year/r/:rev a stable address of one revision.
func (s *Server) publicReport(c echo.Context) error {
	pub, err := s.publicationFor(c)
	if err != nil {
		return err
	}
	r, err := report.Decode(pub.Data)
	if err != nil {
		return fmt.Errorf("published report %d: %w", pub.ID, err)
	}
	pdf, err := s.store.PublicationPDF(c.Request().Context(), pub.ID)
	if err != nil {
		return err
	}
	p := public.ReportPage{Frame: s.publicFrame(c, r.DisplayTitle()), BodyName: pub.BodyName, BodyURL: paths.PublicBodyURL(pub.BodyID),
		Revision: pub.Revision, Date: publishedDate(*pub), SHA256: pub.SHA256, PDFSize: sizeText(len(pdf)),
		PDFURL:  paths.PublicPDFURL(pub.BodyID, pub.Year, pub.Revision),
		JSONURL: paths.PublicJSONURL(pub.BodyID, pub.Year, pub.Revision), Doc: document.NewView(r),
		DOCXURL: paths.PublicDOCXURL(pub.BodyID, pub.Year, pub.Revision),
		XLSXURL: paths.PublicXLSXURL(pub.BodyID, pub.Year, pub.Revision),
		CSVURL:  paths.PublicCSVURL(pub.BodyID, pub.Year, pub.Revision),
		DataURL: dataQuery{Bodies: []int64{pub.BodyID}}.URL(paths.PublicData)}
	portals, err := s.store.PortalURLs(c.Request().Context(), pub.ReportID)
	if err != nil {
		return err
	}
	p.PortalURL = portals[pub.Revision]
	if latest, err := s.store.Publication(c.Request().Context(), pub.BodyID, pub.Year, 0); err == nil && latest.Revision != pub.Revision {
		p.Newer = paths.PublicRevisionURL(pub.BodyID, pub.Year, latest.Revision)
	}
	return render(c, http.StatusOK, public.Report(p))
}

// publicPDF sends the PDF exactly as published.
func (s *Server) publicPDF(c echo.Context) error {
	pub, err := s.publicationFor(c)
	if err != nil {
		return err
	}
	pdf, err := s.store.PublicationPDF(c.Request().Context(), pub.ID)
	if err != nil {
		return err
	}
	published(c, pub, "pdf")
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}

// publicJSON sends the report's JSON exactly as published.
func (s *Server) publicJSON(c echo.Context) error {
	pub, err := s.publicationFor(c)
	if err != nil {
		return err
	}
	published(c, pub, "json")
	return c.Blob(http.StatusOK, "application/json; charset=utf-8", pub.Data)
}

// published sets the headers of a published file: a download name, and
// long caching (a published revision never changes).
func published(c echo.Context, pub *store.Publication, ext string) {
	attachment(c, fmt.Sprintf("%s%d年政府信息公开工作年度报告（第%d版）.%s", pub.BodyName, pub.Year, pub.Revision, ext))
	h := c.Response().Header()
	h.Set("Cache-Control", "public, max-age=86400")
	tag := pub.SHA256
	if ext != "pdf" {
		tag += "-" + ext // each file of the revision has its own tag
	}
	h.Set("ETag", `"`+tag+`"`)
}

// attachment offers the response as a download under a (Chinese) name.
func attachment(c echo.Context, name string) { disposition(c, "attachment", name) }

// inline names a file the browser shows itself (a PDF in its viewer).
func inline(c echo.Context, name string) { disposition(c, "inline", name) }

func disposition(c echo.Context, how, name string) {
	c.Response().Header().Set("Content-Disposition", how+"; filename*=UTF-8''"+url.PathEscape(names.Filename(name)))
}

// publicationFor finds the publication a public address names; revision
// absent means the latest.
func (s *Server) publicationFor(c echo.Context) (*store.Publication, error) {
	id, err := idParam(c)
	if err != nil {
		return nil, err
	}
	year, err := strconv.Atoi(c.Param("year"))
	if err != nil {
		return nil, errNotFound
	}
	rev := 0
	if c.Param("rev") != "" {
		if rev, err = strconv.Atoi(c.Param("rev")); err != nil || rev < 1 {
			return nil, errNotFound
		}
	}
	pub, err := s.store.Publication(c.Request().Context(), id, year, rev)
	return pub, notFoundAs(err)
}

// publicFrame is the frame of a public page: no CSRF token, no user.
func (s *Server) publicFrame(_ echo.Context, title string) layout.Page {
	return layout.Page{Title: title, Public: true}
}

// sizeText says a file size: 182 KB.
func sizeText(n int) string {
	if n < 1024*1024 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1024/1024)
}
