// Package account holds the pages where users manage their own account.
package account

import (
	"nianbao/views/layout"
	"nianbao/views/ui"
)

// PasswordVM is the change-password form.
type PasswordVM struct {
	Page   layout.Page
	Errors ui.Errors
}
