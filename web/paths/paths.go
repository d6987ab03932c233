// Package paths is the one list of the app's URL patterns and the functions
// that build them. Handlers (web) and templates (views) both import it, so a
// link and its route cannot drift apart. It imports nothing of ours.
package paths

import (
	"net/url"
	"strconv"
)

// Route patterns, in Echo's syntax.
const (
	Home    = "/"
	Healthz = "/healthz"

	Setup           = "/setup"
	Login           = "/login"
	Logout          = "/logout"
	AccountPassword = "/account/password"

	AdminBodies      = "/admin/bodies"
	AdminBody        = "/admin/bodies/:id"
	AdminUsers       = "/admin/users"
	AdminUser        = "/admin/users/:id"
	AdminUserRoles   = "/admin/users/:id/roles"
	AdminUserUnrole  = "/admin/users/:id/roles/remove"
	AdminUserPasswd  = "/admin/users/:id/password"
	AdminUserDisable = "/admin/users/:id/disable"

	BodyReports        = "/bodies/:id/reports"
	ReportSave         = "/reports/:id/save"
	ReportEditPattern  = "/reports/:id/edit"
	ReportCheckPattern = "/reports/:id/check"

	BodyReference        = "/bodies/:id/reference"
	BodyReferencePreview = "/bodies/:id/reference/preview"
	CheckText            = "/check"
)

func withID(pattern string, id int64) string {
	const param = ":id"
	for i := 0; i+len(param) <= len(pattern); i++ {
		if pattern[i:i+len(param)] == param {
			return pattern[:i] + strconv.FormatInt(id, 10) + pattern[i+len(param):]
		}
	}
	return pattern
}

// AdminBodyURL is a body's edit page.
func AdminBodyURL(id int64) string { return withID(AdminBody, id) }

// AdminUserURL is a user's page for administrators.
func AdminUserURL(id int64) string { return withID(AdminUser, id) }

// AdminUserRolesURL adds a role to a user.
func AdminUserRolesURL(id int64) string { return withID(AdminUserRoles, id) }

// AdminUserUnroleURL removes a role from a user.
func AdminUserUnroleURL(id int64) string { return withID(AdminUserUnrole, id) }

// AdminUserPasswdURL resets a user's password.
func AdminUserPasswdURL(id int64) string { return withID(AdminUserPasswd, id) }

// AdminUserDisableURL disables or enables a user.
func AdminUserDisableURL(id int64) string { return withID(AdminUserDisable, id) }

// BodyReportsURL creates a body's report for a year.
func BodyReportsURL(id int64) string { return withID(BodyReports, id) }

// BodyReferenceURL is the page where a clerk imports the body's published
// report of year (last year's, as a base for the next).
func BodyReferenceURL(id int64, year int) string {
	return withID(BodyReference, id) + "?year=" + strconv.Itoa(year)
}

// BodyReferenceSaveURL stores a confirmed import.
func BodyReferenceSaveURL(id int64) string { return withID(BodyReference, id) }

// BodyReferencePreviewURL reads a pasted text for the import's preview.
func BodyReferencePreviewURL(id int64) string { return withID(BodyReferencePreview, id) }

// ReportSaveURL saves a report's draft.
func ReportSaveURL(id int64) string { return withID(ReportSave, id) }

// ReportCheckURL is the editor's live check (htmx).
func ReportCheckURL(id int64) string { return withID(ReportCheckPattern, id) }

// ReportEdit is a report's editor page.
func ReportEdit(id int64) string { return withID(ReportEditPattern, id) }

// ReportEditSaved is the editor page after a save that made version.
func ReportEditSaved(id int64, version int) string {
	return ReportEdit(id) + "?saved=" + strconv.Itoa(version)
}

// LoginNext is the login page that returns to next afterwards.
func LoginNext(next string) string {
	if next == "" || next == Home {
		return Login
	}
	return Login + "?next=" + url.QueryEscape(next)
}
