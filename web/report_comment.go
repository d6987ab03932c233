package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/comments"
	"nianbao/views/review"
	"nianbao/web/paths"
)

// maxComment bounds a comment's length (characters).
const maxComment = 2000

// reportComment adds a reviewer's comment to a submitted report, on the
// whole report, a section, a paragraph or a cell (form fields at, body).
func (s *Server) reportComment(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.ReviewReport)
	if err != nil {
		return err
	}
	at, body := c.FormValue("at"), strings.TrimSpace(c.FormValue("body"))
	var problem string
	switch {
	case rec.State != workflow.Submitted:
		problem = "只能对待审核的报告提出意见。"
	case body == "":
		problem = "请填写意见内容。"
	case len([]rune(body)) > maxComment:
		problem = "意见太长（最多" + strconv.Itoa(maxComment) + "字）。"
	case !rec.Report.HasCommentPlace(at):
		problem = "意见针对的位置不存在，请重新选择。"
	}
	if problem != "" {
		p, err := s.reviewPage(c, rec, u, reviewExtras{refusal: problem, at: at})
		if err != nil {
			return err
		}
		return render(c, http.StatusUnprocessableEntity, review.ReviewPage(p))
	}
	if _, err := s.store.AddComment(c.Request().Context(), rec.ID, at, body, u.ID); err != nil {
		return err
	}
	return c.Redirect(http.StatusSeeOther, paths.ReportView(rec.ID)+"#comments")
}

// reportResolve marks a comment as addressed by the report's clerk.
func (s *Server) reportResolve(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.EditReport)
	if err != nil {
		return err
	}
	cid, err := strconv.ParseInt(c.Param("cid"), 10, 64)
	if err != nil {
		return errNotFound
	}
	if err := s.store.ResolveComment(c.Request().Context(), rec.ID, cid, u.ID); err != nil {
		return notFoundAs(err)
	}
	back, link := paths.ReportView(rec.ID), (func(string) string)(nil) // nil: the document's own ids
	if ref := c.FormValue("back"); ref == "edit" {
		back, link = paths.ReportEdit(rec.ID), editorTarget
	}
	if c.Request().Header.Get("HX-Request") == "true" {
		return s.resolvedItem(c, rec, cid, link)
	}
	return c.Redirect(http.StatusSeeOther, back+"#comments")
}

// resolvedItem is the comment just marked 已处理, which htmx swaps in for
// the open one: the page stays where the clerk was reading.
func (s *Server) resolvedItem(c echo.Context, rec *store.ReportRecord, cid int64, link func(string) string) error {
	cs, err := s.commentsOf(c.Request().Context(), rec)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(cs, func(x comments.Stored) bool { return x.ID == cid })
	if i < 0 {
		return errNotFound
	}
	item := comments.List(rec.Report, cs[i:i+1], link, nil)[0]
	return render(c, http.StatusOK, comments.Item(s.csrfToken(c), item))
}
