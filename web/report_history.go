package web

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"nianbao/internal/auth"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/history"
	"nianbao/web/paths"
)

// reportHistory lists who did what to a report, when: every save, state
// change and comment (the audit log), for its clerks, reviewers and administrators.
func (s *Server) reportHistory(c echo.Context) error {
	rec, _, err := s.reportFor(c, auth.ViewAudit)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	entries, err := s.store.AuditLog(ctx, store.AuditFilter{ReportID: rec.ID})
	if err != nil {
		return err
	}
	names, err := s.userNames(ctx)
	if err != nil {
		return err
	}
	places, err := s.commentPlaces(ctx, rec.ID)
	if err != nil {
		return err
	}
	say := history.Describer{Report: rec.Report, CommentPlaces: places}
	p := history.Page{Frame: s.page(c, fmt.Sprintf("%d年度报告的历史记录", rec.Year)), Title: rec.Report.DisplayTitle(),
		BackURL: paths.ReportView(rec.ID)}
	for _, e := range entries {
		who := names[e.UserID]
		if e.UserID == 0 {
			who = "（命令行）"
		}
		p.Entries = append(p.Entries, history.Entry{At: e.At.In(workflow.ChinaTime).Format("2006-01-02 15:04:05"), Who: who,
			What: say.Describe(e.Action, e.Detail)})
	}
	return render(c, http.StatusOK, history.HistoryPage(p))
}

// commentPlaces maps the ids of a report's comments, of every revision, to
// their places.
func (s *Server) commentPlaces(ctx context.Context, reportID int64) (map[int64]string, error) {
	cs, err := s.store.Comments(ctx, reportID, 0)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(cs))
	for _, c := range cs {
		out[c.ID] = c.Place
	}
	return out, nil
}

// userNames maps user ids to the names shown in histories.
func (s *Server) userNames(ctx context.Context) (map[int64]string, error) {
	users, err := s.store.Users(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[int64]string, len(users))
	for _, u := range users {
		m[u.ID] = displayName(&u)
	}
	return m, nil
}

// displayName is how a user is named in histories: 显示名（用户名）, or the
// username alone.
func displayName(u *store.User) string {
	if u.DisplayName != "" {
		return u.DisplayName + "（" + u.Username + "）"
	}
	return u.Username
}
