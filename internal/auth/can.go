package auth

import "slices"

// Action is something a user asks to do at a body.
type Action int

const (
	// ViewReport reads the body's reports, drafts included: its clerks and
	// reviewers, and supervisors and admins of it or of a body above it.
	ViewReport Action = iota + 1
	// EditReport creates and saves the body's reports: its clerks only.
	EditReport
	// ReviewReport returns or approves the body's submitted reports: its
	// reviewers only.
	ReviewReport
	// ViewSubtree sees the status of the body and every body below it (the
	// supervisor's board): supervisors of it or of a body above it.
	ViewSubtree
	// ManageBodies adds, renames and moves bodies at and below the body:
	// admins of it or of a body above it.
	ManageBodies
	// ManageUsers adds users, sets roles, resets passwords and disables
	// users at and below the body: admins of it or of a body above it.
	ManageUsers
	// PublishReport publishes the body's approved report: its reviewers, and
	// admins of it or of a body above it.
	PublishReport
	// ViewAudit reads the history of the body's reports (who did what, when):
	// its clerks (to see why a report came back and who changed what), its
	// reviewers, and admins of it or of a body above it.
	ViewAudit
)

var actionNames = map[Action]string{
	ViewReport: "ViewReport", EditReport: "EditReport", ReviewReport: "ReviewReport",
	ViewSubtree: "ViewSubtree", ManageBodies: "ManageBodies", ManageUsers: "ManageUsers",
	PublishReport: "PublishReport", ViewAudit: "ViewAudit",
}

func (a Action) String() string { return actionNames[a] }

// roles maps each action to the roles that allow it, and whether a role
// held above the body counts too.
var roles = map[Action]struct {
	here  []Role // held at the body itself
	above []Role // held at an ancestor
}{
	ViewReport:   {here: []Role{Clerk, Reviewer, Supervisor, Admin}, above: []Role{Supervisor, Admin}},
	EditReport:   {here: []Role{Clerk}},
	ReviewReport: {here: []Role{Reviewer}},
	ViewSubtree:  {here: []Role{Supervisor}, above: []Role{Supervisor}},
	ManageBodies: {here: []Role{Admin}, above: []Role{Admin}},
	ManageUsers:  {here: []Role{Admin}, above: []Role{Admin}},
	// Publishing is the reviewer's and the administrator's; the history is
	// theirs and the clerk's.
	PublishReport: {here: []Role{Reviewer, Admin}, above: []Role{Admin}},
	ViewAudit:     {here: []Role{Clerk, Reviewer, Admin}, above: []Role{Admin}},
}

// Can reports whether u may do a at body, whose ancestors (in any order)
// are given. A nil user (not logged in) may do nothing.
func Can(u *User, a Action, body BodyID, ancestorsOfBody []BodyID) bool {
	if u == nil {
		return false
	}
	rule := roles[a]
	for _, g := range u.Grants {
		if g.Body == body && slices.Contains(rule.here, g.Role) {
			return true
		}
		if slices.Contains(rule.above, g.Role) && slices.Contains(ancestorsOfBody, g.Body) {
			return true
		}
	}
	return false
}

// Visible reports whether u may know that body exists: u holds a role at
// it, or a role that reaches down (supervisor, admin) at an ancestor. The
// web layer answers 404 where this is false and 403 where it is true but
// the action is not allowed, so a refusal never confirms that something
// outside a user's reach exists.
func Visible(u *User, body BodyID, ancestorsOfBody []BodyID) bool {
	if u == nil {
		return false
	}
	for _, g := range u.Grants {
		if g.Body == body || (g.Role.reachesDown() && slices.Contains(ancestorsOfBody, g.Body)) {
			return true
		}
	}
	return false
}

// ManagesUser reports whether an admin whose managed bodies are managed
// (every body at or below one of their admin grants) may change target: the
// target must hold at least one role, and every one of them within
// managed, so that an admin never changes an account that serves another
// tree as well.
func ManagesUser(managed map[BodyID]bool, target []Grant) bool {
	if len(target) == 0 {
		return false
	}
	for _, g := range target {
		if !managed[g.Body] {
			return false
		}
	}
	return true
}
