// Package paths is the one list of the app's URL patterns and the functions
// that build them. Handlers (web) and templates (views) both import it, so a
// link and its route cannot drift apart. It imports nothing of ours.
package paths

import (
	"net/url"
	"strconv"
	"strings"
)

// Route patterns, in Echo's syntax.
const (
	Home    = "/"
	Healthz = "/healthz"

	Setup  = "/setup"
	Login  = "/login"
	Logout = "/logout"
	// LoggedOut is the login page saying 已退出登录.
	LoggedOut       = Login + "?out=1"
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

	ReportViewPattern     = "/reports/:id"
	ReportStatePattern    = "/reports/:id/state"
	ReportCommentsPattern = "/reports/:id/comments"
	ReportResolvePattern  = "/reports/:id/comments/:cid/resolve"
	ReportHistoryPattern  = "/reports/:id/history"
	Board                 = "/board"

	// The public pages: no login.
	Public              = "/public"
	PublicBody          = "/public/bodies/:id"
	PublicYear          = "/public/bodies/:id/:year"
	PublicRevision      = "/public/bodies/:id/:year/r/:rev"
	PublicRevisionPDF   = "/public/bodies/:id/:year/r/:rev/report.pdf"
	PublicRevisionJSON  = "/public/bodies/:id/:year/r/:rev/report.json"
	PublicRevisionDOCX  = "/public/bodies/:id/:year/r/:rev/report.docx"
	PublicRevisionXLSX  = "/public/bodies/:id/:year/r/:rev/report.xlsx"
	PublicRevisionCSV   = "/public/bodies/:id/:year/r/:rev/report.csv"
	PublicRevisionEmbed = "/public/bodies/:id/:year/r/:rev/embed.html"

	// Open data: figures of many bodies and years side by side, and a
	// yearly bulk file of every published report.
	PublicData         = "/public/data"
	PublicDataCSV      = "/public/data/figures.csv"
	PublicDataBulkCSV  = "/public/data/:year/reports.csv"
	PublicDataBulkJSON = "/public/data/:year/reports.json"

	// A report's draft as Word, and its publication's links, embed code
	// and portal address (回填).
	ReportDOCXPattern   = "/reports/:id/report.docx"
	ReportPortalPattern = "/reports/:id/portal"
	// ReportPreviewPattern is the PDF a version would be published as.
	ReportPreviewPattern = "/reports/:id/preview.pdf"

	BodyReference        = "/bodies/:id/reference"
	BodyReferencePreview = "/bodies/:id/reference/preview"
	CheckText            = "/check"

	// A 汇总 report's sums: the page of its parts, taking new sums, and a
	// figure that differs from its sum.
	ReportRollupPattern  = "/reports/:id/rollup"
	ReportRollupRefresh  = "/reports/:id/rollup/refresh"
	ReportRollupOverride = "/reports/:id/rollup/override"
	ReportRollupXLSX     = "/reports/:id/rollup.xlsx"
	// BoardRollupXLSX is a supervisor's roll-up of a body's region as a
	// workbook: ?body=…&year=…[&scope=level|region].
	BoardRollupXLSX = "/board/rollup.xlsx"
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

// ReportView is a report's read-only page (review, submission, history).
func ReportView(id int64) string { return withID(ReportViewPattern, id) }

// ReportStateURL takes a workflow action on a report.
func ReportStateURL(id int64) string { return withID(ReportStatePattern, id) }

// ReportCommentsURL adds a comment to a report.
func ReportCommentsURL(id int64) string { return withID(ReportCommentsPattern, id) }

// ReportResolveURL marks a comment of a report as addressed.
func ReportResolveURL(id, comment int64) string {
	return strings.Replace(withID(ReportResolvePattern, id), ":cid", strconv.FormatInt(comment, 10), 1)
}

// ReportHistory is a report's audit history.
func ReportHistory(id int64) string { return withID(ReportHistoryPattern, id) }

// BoardYear is the status board for a year.
func BoardYear(year int) string { return Board + "?year=" + strconv.Itoa(year) }

// PublicBodyURL lists a body's published reports.
func PublicBodyURL(body int64) string { return withID(PublicBody, body) }

// PublicYearURL is the latest published revision of a body's report.
func PublicYearURL(body int64, year int) string {
	return withID(PublicBody, body) + "/" + strconv.Itoa(year)
}

// PublicRevisionURL is the stable address of one published revision.
func PublicRevisionURL(body int64, year, rev int) string {
	return PublicYearURL(body, year) + "/r/" + strconv.Itoa(rev)
}

// PublicPDFURL is the PDF of a published revision.
func PublicPDFURL(body int64, year, rev int) string {
	return PublicRevisionURL(body, year, rev) + "/report.pdf"
}

// PublicJSONURL is the JSON of a published revision.
func PublicJSONURL(body int64, year, rev int) string {
	return PublicRevisionURL(body, year, rev) + "/report.json"
}

// PublicDOCXURL is the Word document of a published revision.
func PublicDOCXURL(body int64, year, rev int) string {
	return PublicRevisionURL(body, year, rev) + "/report.docx"
}

// PublicXLSXURL is the tables of a published revision as a workbook.
func PublicXLSXURL(body int64, year, rev int) string {
	return PublicRevisionURL(body, year, rev) + "/report.xlsx"
}

// PublicCSVURL is the cells of a published revision as CSV.
func PublicCSVURL(body int64, year, rev int) string {
	return PublicRevisionURL(body, year, rev) + "/report.csv"
}

// PublicEmbedURL is the HTML fragment of a published revision, for a
// portal's CMS.
func PublicEmbedURL(body int64, year, rev int) string {
	return PublicRevisionURL(body, year, rev) + "/embed.html"
}

// PublicDataBulkCSVURL is the year's bulk CSV of every published report.
func PublicDataBulkCSVURL(year int) string {
	return PublicData + "/" + strconv.Itoa(year) + "/reports.csv"
}

// PublicDataBulkJSONURL is the year's bulk JSON of every published report.
func PublicDataBulkJSONURL(year int) string {
	return PublicData + "/" + strconv.Itoa(year) + "/reports.json"
}

// ReportDOCX is a report's current version as a Word document.
func ReportDOCX(id int64) string { return withID(ReportDOCXPattern, id) }

// ReportPreviewPDF is the PDF version v of a report would be published as
// (before it is: for its readers, never the public).
func ReportPreviewPDF(id int64, v int) string {
	return withID(ReportPreviewPattern, id) + "?version=" + strconv.Itoa(v)
}

// ReportPortal is a report's publication page: permanent links, embed code
// and the portal address.
func ReportPortal(id int64) string { return withID(ReportPortalPattern, id) }

// ReportRollup is a 汇总 report's page of sums and parts.
func ReportRollup(id int64) string { return withID(ReportRollupPattern, id) }

// ReportRollupCell is that page opened at a cell's parts (dotted path).
func ReportRollupCell(id int64, cell string) string {
	return ReportRollup(id) + "?cell=" + url.QueryEscape(cell) + "#parts"
}

// ReportRollupRefreshURL takes new sums into a 汇总 report.
func ReportRollupRefreshURL(id int64) string { return withID(ReportRollupRefresh, id) }

// ReportRollupXLSXURL is a 汇总 report's roll-up as a workbook.
func ReportRollupXLSXURL(id int64) string { return withID(ReportRollupXLSX, id) }

// BoardRollup is the workbook of the roll-up of body's region for year.
func BoardRollup(body int64, year int) string {
	return BoardRollupXLSX + "?body=" + strconv.FormatInt(body, 10) + "&year=" + strconv.Itoa(year)
}

// ReportRollupOverrideURL sets a 汇总 report's figure that differs from its sum.
func ReportRollupOverrideURL(id int64) string { return withID(ReportRollupOverride, id) }
