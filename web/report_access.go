package web

import (
	"context"

	"nianbao/internal/auth"
	"nianbao/internal/workflow"
)

// access is what a user may do with a body's report, asked once per
// request (one query for the body's ancestors).
type access struct {
	roles   workflow.Roles // clerk, reviewer, publisher
	history bool           // may read the audit history
	board   bool           // sees the body on a status board (supervisor, administrator)
	user    int64          // who asks
}

func (s *Server) accessTo(ctx context.Context, u *auth.User, bodyID int64) (access, error) {
	anc, err := s.store.Ancestors(ctx, bodyID)
	if err != nil {
		return access{}, err
	}
	can := func(a auth.Action) bool { return auth.Can(u, a, bodyID, anc) }
	return access{
		roles:   workflow.Roles{Clerk: can(auth.EditReport), Reviewer: can(auth.ReviewReport), Admin: can(auth.PublishReport)},
		history: can(auth.ViewAudit),
		board:   can(auth.ViewSubtree) || can(auth.ManageBodies), // as boardRoots
		user:    u.ID,
	}, nil
}
