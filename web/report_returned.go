package web

import (
	"context"
	"errors"

	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/ui"
	"nianbao/web/paths"
)

// returnedNote is the reviewer's last return of a report while it stays
// returned (the clerk has not resubmitted), or nil: who, when and why, for
// the clerk's banner.
func (s *Server) returnedNote(ctx context.Context, rec *store.ReportRecord) (*ui.Returned, error) {
	if rec.State != workflow.Returned {
		return nil, nil
	}
	n, ok, err := s.store.LastReturn(ctx, rec.ID)
	if err != nil || !ok {
		return nil, err
	}
	who, err := s.userName(ctx, n.By)
	if err != nil {
		return nil, err
	}
	return &ui.Returned{Who: who, At: n.At.In(workflow.ChinaTime).Format("2006-01-02 15:04"), Reason: n.Reason,
		HistoryURL: paths.ReportHistory(rec.ID)}, nil
}

// userName is how a user is named in histories: 显示名（用户名）.
func (s *Server) userName(ctx context.Context, id int64) (string, error) {
	if id == 0 {
		return "（命令行）", nil
	}
	u, err := s.store.User(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return "（已删除的用户）", nil
	}
	if err != nil {
		return "", err
	}
	return displayName(u), nil
}
