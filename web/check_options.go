package web

import (
	"context"
	"fmt"

	"nianbao/internal/report"
)

// bodyOptions adds to opt what the body decides about its checks: whether
// its kind may make 规章, or rightly prints 不适用 in that row (W12), and
// the administrator's rules for 第一部分 that hold for it (W13, W14).
func (s *Server) bodyOptions(ctx context.Context, bodyID int64, opt report.Options) (report.Options, error) {
	cs, err := s.store.CheckSettings(ctx, bodyID)
	if err != nil {
		return opt, fmt.Errorf("check options of body %d: %w", bodyID, err)
	}
	return cs.Options(opt), nil
}

// localNotice is the line that says the rules for 第一部分 holding for the
// body, for the editor and the review page; "" when none.
func (s *Server) localNotice(ctx context.Context, bodyID int64) (string, error) {
	cs, err := s.store.CheckSettings(ctx, bodyID)
	if err != nil {
		return "", fmt.Errorf("rules of body %d: %w", bodyID, err)
	}
	return cs.Local.Notice(), nil
}
