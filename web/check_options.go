package web

import (
	"context"
	"fmt"

	"nianbao/internal/report"
)

// bodyOptions adds to opt what the body decides about its checks: whether
// its kind may make 规章, or rightly prints 不适用 in that row (W12).
func (s *Server) bodyOptions(ctx context.Context, bodyID int64, opt report.Options) (report.Options, error) {
	b, err := s.store.Body(ctx, bodyID)
	if err != nil {
		return opt, fmt.Errorf("check options of body %d: %w", bodyID, err)
	}
	opt.NoRules = !b.Kind.MakesRules()
	return opt, nil
}
