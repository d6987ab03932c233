// Package auth decides who may do what: roles held per body, the actions
// they allow (Can), password hashing and login throttling. It is domain
// code: it imports no HTTP and no SQL, and takes what it needs (a user's
// grants, a body's ancestors) as arguments, so every rule is a pure
// function that a table test covers.
package auth

// BodyID identifies a reporting body.
type BodyID = int64

// Role is what a user may do at one body.
type Role string

const (
	// Clerk (填报人) writes the body's reports.
	Clerk Role = "clerk"
	// Reviewer (审核人) reviews the body's submitted reports.
	Reviewer Role = "reviewer"
	// Supervisor (上级单位查看) sees the body and every body below it.
	Supervisor Role = "supervisor"
	// Admin (管理员) manages the bodies and users of the body and every body
	// below it.
	Admin Role = "admin"
)

// Roles lists every role, in the order a form offers them.
var Roles = []Role{Clerk, Reviewer, Supervisor, Admin}

// ParseRole returns the role named s, or false.
func ParseRole(s string) (Role, bool) {
	for _, r := range Roles {
		if string(r) == s {
			return r, true
		}
	}
	return "", false
}

// Label is the role in Chinese.
func (r Role) Label() string {
	switch r {
	case Clerk:
		return "填报人"
	case Reviewer:
		return "审核人"
	case Supervisor:
		return "上级单位查看"
	case Admin:
		return "管理员"
	}
	return string(r)
}

// reachesDown reports whether the role reaches the bodies below the one it
// is held at.
func (r Role) reachesDown() bool { return r == Supervisor || r == Admin }

// Grant is one role held at one body.
type Grant struct {
	Body BodyID
	Role Role
}

// User is a logged-in user as the rules see them.
type User struct {
	ID          int64
	Username    string
	DisplayName string
	Grants      []Grant
}

// Name is the display name, or the username when there is none.
func (u *User) Name() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

// Has reports whether u holds role r at body exactly.
func (u *User) Has(r Role, body BodyID) bool {
	for _, g := range u.Grants {
		if g.Role == r && g.Body == body {
			return true
		}
	}
	return false
}

// HasRole reports whether u holds role r anywhere.
func (u *User) HasRole(r Role) bool {
	for _, g := range u.Grants {
		if g.Role == r {
			return true
		}
	}
	return false
}

// BodiesWith returns the bodies at which u holds role r, in grant order.
func (u *User) BodiesWith(r Role) []BodyID {
	var ids []BodyID
	for _, g := range u.Grants {
		if g.Role == r {
			ids = append(ids, g.Body)
		}
	}
	return ids
}
