package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/comments"
	"nianbao/views/review"
	"nianbao/web/paths"
)

// reportView is a report read-only, with its findings, changes, comments
// and the actions the reader may take (the review page).
func (s *Server) reportView(c echo.Context) error {
	rec, u, err := s.reportFor(c, auth.ViewReport)
	if err != nil {
		return err
	}
	p, err := s.reviewPage(c, rec, u, reviewExtras{at: c.QueryParam("at")})
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, review.ReviewPage(p))
}

// reviewExtras are what a refused action brings back to the page.
type reviewExtras struct {
	mark    review.MarkTyped
	refusal string
	typed   map[string]string
	at      string
	confirm workflow.Action // the action whose confirmation is asked
}

// reviewPage gathers what the review page shows.
func (s *Server) reviewPage(c echo.Context, rec *store.ReportRecord, u *auth.User, x reviewExtras) (*review.Page, error) {
	ctx := c.Request().Context()
	acc, err := s.accessTo(ctx, u, rec.BodyID)
	if err != nil {
		return nil, err
	}
	in, err := s.reviewInput(c, rec, acc)
	if err != nil {
		return nil, err
	}
	in.Refusal, in.Typed, in.At, in.Confirm, in.MarkTyped = x.refusal, x.typed, x.at, x.confirm, x.mark
	return review.NewPage(in), nil
}

func (s *Server) reviewInput(c echo.Context, rec *store.ReportRecord, acc access) (review.Input, error) {
	ctx := c.Request().Context()
	last, err := s.lastYear(ctx, rec)
	if err != nil {
		return review.Input{}, err
	}
	reasons, err := s.store.WarningReasons(ctx, rec.ID)
	if err != nil {
		return review.Input{}, err
	}
	body, err := s.store.Body(ctx, rec.BodyID)
	if err != nil {
		return review.Input{}, err
	}
	state := rec.State
	fs, err := s.findings(c, rec, rec.Report, report.Options{Final: true, LastYear: last})
	if err != nil {
		return review.Input{}, err
	}
	in := review.Input{
		Frame: s.page(c, fmt.Sprintf("%d年度报告", rec.Year)), Report: rec.Report, State: state,
		Revision: rec.Revision, Version: rec.Version, Correction: rec.Correction, Roles: acc.roles, Reasons: reasons,
		Findings: fs,
		Deadline: deadlineText(body.Deadline(rec.Year), s.store.Now()),
		URLs:     s.reviewURLs(rec, acc),
	}
	in.Duties = dutiesNotice(rec, acc, body)
	if in.Local, err = s.localNotice(c, rec.BodyID); err != nil {
		return review.Input{}, err
	}
	if in.Marks, err = s.store.FindingMarks(ctx, rec.ID); err != nil {
		return review.Input{}, err
	}
	if acc.roles.Reviewer {
		in.MarkURL = paths.ReportMarksURL(rec.ID)
	}
	if in.Published, err = s.publishedLinks(ctx, rec); err != nil {
		return review.Input{}, err
	}
	if in.Returned, err = s.returnedNote(ctx, rec); err != nil {
		return review.Input{}, err
	}
	if err := s.reviewedBase(ctx, rec, &in); err != nil {
		return review.Input{}, err
	}
	in.Comments, err = s.commentsOf(ctx, rec)
	return in, err
}

// dutiesNotice tells a reviewer (or an administrator) that the version
// awaiting them is their own submission, which another must review — or,
// on every report of a body that allows it, that one person may do both.
func dutiesNotice(rec *store.ReportRecord, acc access, body *store.Body) string {
	switch {
	case body.SelfReview:
		return "管理员已设置本单位允许同一人提交和审核。"
	case rec.SubmittedBy == acc.user && (rec.State == workflow.Submitted || rec.State == workflow.Approved) &&
		(acc.roles.Reviewer || acc.roles.Admin):
		return "这一版是您本人提交的，须由另一位审核人审核和发布。"
	}
	return ""
}

func (s *Server) reviewURLs(rec *store.ReportRecord, acc access) review.URLs {
	state := rec.State
	u := review.URLs{State: paths.ReportStateURL(rec.ID), Docx: paths.ReportDOCX(rec.ID), View: paths.ReportView(rec.ID),
		Resolve: func(id int64) string { return paths.ReportResolveURL(rec.ID, id) }}
	if state == workflow.Published || rec.Revision > 1 {
		u.Portal = paths.ReportPortal(rec.ID) // a revision is (or was) published
	}
	if state != workflow.Published {
		u.Preview = paths.ReportPreviewPDF(rec.ID, rec.Version)
	}
	if acc.roles.Clerk && state.Editable() {
		u.Edit = paths.ReportEdit(rec.ID)
	}
	if acc.roles.Reviewer && state == workflow.Submitted {
		u.Comment = paths.ReportCommentsURL(rec.ID)
	}
	if acc.history {
		u.History = paths.ReportHistory(rec.ID)
	}
	if acc.board {
		u.Board = paths.BoardYear(rec.Year)
	}
	if rec.Report.Scope.IsSummary() {
		u.Rollup = paths.ReportRollup(rec.ID)
	}
	return u
}

// publishedLinks are the public addresses of the report's latest
// published revision, nil before the first publication.
func (s *Server) publishedLinks(ctx context.Context, rec *store.ReportRecord) (*review.Published, error) {
	if rec.State != workflow.Published && rec.Revision == 1 {
		return nil, nil
	}
	pub, err := s.store.Publication(ctx, rec.BodyID, rec.Year, 0)
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &review.Published{Revision: pub.Revision, Current: rec.State == workflow.Published,
		Date: publishedDate(*pub), Links: permanentLinks("", pub)}, nil
}

// reviewedBase adds the version last reviewed, for the diff.
func (s *Server) reviewedBase(ctx context.Context, rec *store.ReportRecord, in *review.Input) error {
	if rec.ReviewedVersion == 0 || rec.ReviewedVersion == rec.Version {
		in.ReviewedVersion = rec.ReviewedVersion
		if rec.ReviewedVersion != 0 {
			in.Reviewed = rec.Report
		}
		return nil
	}
	old, err := s.store.ReportVersion(ctx, rec.ID, rec.ReviewedVersion)
	if err != nil {
		return err
	}
	in.Reviewed, in.ReviewedVersion = old.Report, rec.ReviewedVersion
	return nil
}

func (s *Server) commentsOf(ctx context.Context, rec *store.ReportRecord) ([]comments.Stored, error) {
	list, err := s.store.Comments(ctx, rec.ID, rec.Revision)
	if err != nil {
		return nil, err
	}
	out := make([]comments.Stored, len(list))
	for i, c := range list {
		out[i] = comments.Stored{ID: c.ID, Place: c.Place, Body: c.Body, Author: c.AuthorName, At: c.CreatedAt,
			Resolved: c.Resolved(), Version: c.Version}
	}
	return out, nil
}

// deadlineText says a legal deadline and how far it is: 2025年1月31日（还有12天）.
func deadlineText(deadline, now time.Time) string {
	d := deadline.Format("2006年1月2日")
	days := workflow.DaysLeft(deadline, now)
	switch {
	case days > 0:
		return fmt.Sprintf("%s（还有%d天）", d, days)
	case days == 0:
		return d + "（今天截止）"
	}
	return fmt.Sprintf("%s（已逾期%d天）", d, -days)
}
