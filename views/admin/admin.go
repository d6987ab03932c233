// Package admin holds the administrators' pages: the tree of bodies and
// the users with their roles.
package admin

import (
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// BodyNode is a body in the tree, with the bodies below it.
type BodyNode struct {
	ID       int64
	Name     string
	Kind     string
	Deadline string
	EditURL  string
	Children []BodyNode
}

// BodyForm is the form of a body: new (ID 0) or existing.
type BodyForm struct {
	ID                         int64
	Name, Parent, Kind         string
	DeadlineMonth, DeadlineDay string
	// SelfReview lets one person submit and review (edit form only).
	SelfReview     bool
	Parents, Kinds []ui.Option
	Errors         ui.Errors
}

// BodiesVM is the tree of the bodies an administrator manages, and the form
// that adds one.
type BodiesVM struct {
	Page layout.Page
	Tree []BodyNode
	New  BodyForm
}

// BodyVM is the edit page of one body.
type BodyVM struct {
	Page  layout.Page
	Form  BodyForm
	Rules RulesForm
}

// RulesForm is the form of a body's own rules for 第一部分 (checks W13,
// W14): the character limit and the items, one a line, as typed.
type RulesForm struct {
	URL        string
	Max, Items string
	// Holding says which rules hold for the body while it has none of its
	// own: a body's above it, or none.
	Holding string
	Errors  ui.Errors
}

// UserRow is a user in the list.
type UserRow struct {
	ID                    int64
	Username, DisplayName string
	Roles                 []string
	Disabled              bool
	URL                   string
}

// UserForm is the form that adds a user.
type UserForm struct {
	Username, DisplayName, Body, Role string
	Bodies, Roles                     []ui.Option
	Errors                            ui.Errors
}

// UsersVM lists the users an administrator manages.
type UsersVM struct {
	Page  layout.Page
	Users []UserRow
	New   UserForm
}

// RoleRow is one role a user holds.
type RoleRow struct {
	Body, Role      string
	BodyName, Label string
}

// UserVM is an administrator's page of one user.
type UserVM struct {
	Page                  layout.Page
	ID                    int64
	Username, DisplayName string
	Disabled              bool
	Roles                 []RoleRow
	AddRole               UserForm
	PasswordErrors        ui.Errors
}
