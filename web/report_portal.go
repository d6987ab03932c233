package web

import (
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/views/public"
	"nianbao/views/publish"
	"nianbao/web/paths"
)

// The publication page of a report (/reports/:id/portal): for each
// published revision its permanent links, the fragment to paste into the
// portal's CMS, and the portal address where it was posted, which the
// clerk records afterwards (回填).

// portalForm is what the 回填 form sent back, for the page to show again.
type portalForm struct {
	revision   int
	typed, err string
	saved      string
}

// reportPortal shows the publication page.
func (s *Server) reportPortal(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	var form portalForm
	if c.QueryParam("saved") != "" {
		form.saved = "已保存门户网站发布页面地址。"
	}
	return s.portalPage(c, rec, u, form, http.StatusOK)
}

// reportPortalSave records the portal address of a published revision:
// the body's clerk, or whoever may publish its reports.
func (s *Server) reportPortalSave(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	if !s.mayRecordPortal(c, u, rec.BodyID) {
		return errForbidden
	}
	form := portalForm{typed: formText(c, "url")}
	form.revision, _ = strconv.Atoi(c.FormValue("revision"))
	portals, err := s.store.PortalURLs(c.Request().Context(), rec.ID)
	if err != nil {
		return err
	}
	if _, ok := portals[form.revision]; !ok {
		return echo.NewHTTPError(http.StatusConflict, "这一版本尚未发布，不能填写门户网站地址。")
	}
	if form.err = checkPortalURL(form.typed); form.err != "" {
		return s.portalPage(c, rec, u, form, http.StatusUnprocessableEntity)
	}
	err = s.store.SetPortalURL(c.Request().Context(), rec.ID, form.revision, form.typed, u.ID)
	if errors.Is(err, store.ErrNotFound) {
		return errNotFound
	}
	if err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, paths.ReportPortal(rec.ID)+"?saved=1")
}

func (s *Server) mayRecordPortal(c echo.Context, u *auth.User, bodyID int64) bool {
	acc, err := s.accessTo(c.Request().Context(), u, bodyID)
	return err == nil && (acc.roles.Clerk || acc.roles.Admin)
}

// maxPortalURL bounds an address (browsers and CMSs take about 2,000).
const maxPortalURL = 2000

// checkPortalURL says what is wrong with a portal address, in Chinese, or
// "" when it is a web address. An empty one clears the address.
func checkPortalURL(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > maxPortalURL {
		return "地址太长（最多2000个字符），请检查是否粘贴了多余的内容。"
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || strings.ContainsAny(s, " \t\r\n") {
		return "请填写完整的网页地址，以 http:// 或 https:// 开头，例如 https://www.example.gov.cn/art/2025/1/20/art_123.html"
	}
	return ""
}

// portalPage builds and renders the publication page; form carries what
// the 回填 form sent (kept when refused).
func (s *Server) portalPage(c echo.Context, rec *store.ReportRecord, u *auth.User, form portalForm, status int) error {
	ctx := c.Request().Context()
	list, err := s.store.Publications(ctx, rec.BodyID)
	if err != nil {
		return err
	}
	portals, err := s.store.PortalURLs(ctx, rec.ID)
	if err != nil {
		return err
	}
	p := publish.Page{Frame: s.page(c, "发布与嵌入"), Title: rec.Report.DisplayTitle(), ReportURL: paths.ReportView(rec.ID),
		MayRecord: s.mayRecordPortal(c, u, rec.BodyID), Saved: form.saved}
	base := siteURL(c)
	for i := range list {
		pub := &list[i]
		if pub.ReportID != rec.ID {
			continue
		}
		rev := publish.Revision{Number: pub.Revision, Date: publishedDate(*pub), Links: permanentLinks(base, pub),
			Portal: portals[pub.Revision], ActionURL: paths.ReportPortal(rec.ID)}
		rev.Links = append(rev.Links, public.Link{Label: "嵌入代码", URL: base + paths.PublicEmbedURL(pub.BodyID, pub.Year, pub.Revision)})
		if pub.Revision == form.revision && form.err != "" {
			rev.Portal, rev.Error = form.typed, form.err
		}
		full, err := s.store.Publication(ctx, pub.BodyID, pub.Year, pub.Revision)
		if err != nil {
			return err
		}
		r, err := report.Decode(full.Data)
		if err != nil {
			return err
		}
		html, err := s.embedHTML(c, full, r)
		if err != nil {
			return err
		}
		rev.Embed = string(html)
		p.Revisions = append(p.Revisions, rev)
	}
	return render(c, status, publish.PortalPage(p))
}
