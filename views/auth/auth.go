// Package auth holds the pages of the one-time setup and of logging in.
package auth

import (
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// SetupVM is the setup form: the first administrator and the root body.
type SetupVM struct {
	Page                                  layout.Page
	Username, DisplayName, BodyName, Kind string
	Kinds                                 []ui.Option
	Errors                                ui.Errors
}

// LoginVM is the login form. Message is a refusal for the whole form
// (wrong password, too many attempts); Notice is good news (已退出登录).
type LoginVM struct {
	Page           layout.Page
	Username, Next string
	Message        string
	Notice         string
	Errors         ui.Errors
}
