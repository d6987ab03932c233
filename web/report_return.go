package web

import (
	"context"
	"strings"

	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/review"
)

// lastReturn is the reviewer's 退回 of a report that is back with its
// clerk (who, when, why), read from the audit log; nil for a report in any
// other state: once the clerk submits again the reason has been answered.
func (s *Server) lastReturn(ctx context.Context, reportID int64, state workflow.State) (*review.Return, error) {
	if state != workflow.Returned {
		return nil, nil
	}
	es, err := s.store.AuditLog(ctx, store.AuditFilter{ReportID: reportID, Action: store.ActReportState, Limit: 1})
	if err != nil || len(es) == 0 {
		return nil, err
	}
	e := es[0]
	_, reason, _ := strings.Cut(e.Detail, "：")
	names, err := s.userNames(ctx)
	if err != nil {
		return nil, err
	}
	who := names[e.UserID]
	if who == "" {
		who = "审核人"
	}
	return &review.Return{Who: who, At: e.At.In(workflow.ChinaTime).Format("2006-01-02 15:04"), Reason: reason}, nil
}
