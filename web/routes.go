package web

import (
	"github.com/labstack/echo/v4"

	"nianbao/web/paths"
)

// routes is the one list of every route, grouped by what it serves. Routes
// after the first block need a login (requireLogin); each handler then
// authorises what it touches with s.authorize. A new route needs a row in
// the authorisation matrix test (authz_test.go), which fails until it has
// one.
func (s *Server) routes(e *echo.Echo) {
	e.GET(paths.Healthz, s.healthz)
	e.GET(paths.Home, s.home)
	e.GET(paths.Setup, s.setupForm)
	e.POST(paths.Setup, s.setup)
	e.GET(paths.Login, s.loginForm)
	e.POST(paths.Login, s.login)
	e.POST(paths.Logout, s.logout)

	// The public reads published reports without logging in.
	e.GET(paths.Public, s.publicIndex)
	e.GET(paths.PublicBody, s.publicBody)
	e.GET(paths.PublicYear, s.publicReport)
	e.GET(paths.PublicRevision, s.publicReport)
	e.GET(paths.PublicRevisionPDF, s.publicPDF)
	e.GET(paths.PublicRevisionJSON, s.publicJSON)
	e.GET(paths.PublicRevisionDOCX, s.publicDOCX)
	e.GET(paths.PublicRevisionXLSX, s.publicXLSX)
	e.GET(paths.PublicRevisionCSV, s.publicCSV)
	e.GET(paths.PublicRevisionEmbed, s.publicEmbed)
	e.GET(paths.PublicData, s.publicData)
	e.GET(paths.PublicDataCSV, s.publicDataCSV)
	e.GET(paths.PublicDataBulkCSV, s.publicBulkCSV)
	e.GET(paths.PublicDataBulkJSON, s.publicBulkJSON)

	login := requireLogin
	e.GET(paths.AccountPassword, s.passwordForm, login)
	e.POST(paths.AccountPassword, s.passwordChange, login)

	e.GET(paths.AdminBodies, s.adminBodies, login)
	e.POST(paths.AdminBodies, s.adminBodyCreate, login)
	e.GET(paths.AdminBody, s.adminBody, login)
	e.POST(paths.AdminBody, s.adminBodyUpdate, login)

	e.GET(paths.AdminUsers, s.adminUsers, login)
	e.POST(paths.AdminUsers, s.adminUserCreate, login)
	e.GET(paths.AdminUser, s.adminUser, login)
	e.POST(paths.AdminUserRoles, s.adminUserRoleAdd, login)
	e.POST(paths.AdminUserUnrole, s.adminUserRoleRemove, login)
	e.POST(paths.AdminUserPasswd, s.adminUserPassword, login)
	e.POST(paths.AdminUserDisable, s.adminUserDisable, login)

	e.POST(paths.BodyReports, s.reportCreate, login)
	e.GET(paths.Board, s.board, login)

	e.GET(paths.ReportViewPattern, s.reportView, login)
	e.POST(paths.ReportStatePattern, s.reportState, login)
	e.POST(paths.ReportCommentsPattern, s.reportComment, login)
	e.POST(paths.ReportResolvePattern, s.reportResolve, login)
	e.GET(paths.ReportHistoryPattern, s.reportHistory, login)
	e.GET(paths.ReportEditPattern, s.reportEdit, login)
	e.POST(paths.ReportCheckPattern, s.reportCheck, login)
	e.POST(paths.ReportSave, s.reportSave, login)
	e.GET(paths.ReportDOCXPattern, s.reportDOCX, login)
	e.GET(paths.ReportPreviewPattern, s.reportPreviewPDF, login)
	e.GET(paths.ReportPortalPattern, s.reportPortal, login)
	e.POST(paths.ReportPortalPattern, s.reportPortalSave, login)

	e.GET(paths.BodyReference, s.referenceForm, login)
	e.POST(paths.BodyReferencePreview, s.referencePreview, login)
	e.POST(paths.BodyReference, s.referenceSave, login)
	e.GET(paths.CheckText, s.checkForm, login)
	e.POST(paths.CheckText, s.checkText, login)

	e.GET(paths.ReportRollupPattern, s.rollupPage, login)
	e.POST(paths.ReportRollupRefresh, s.rollupRefresh, login)
	e.POST(paths.ReportRollupOverride, s.rollupOverride, login)
	e.GET(paths.ReportRollupXLSX, s.rollupXLSX, login)
	e.GET(paths.BoardRollupXLSX, s.boardRollupXLSX, login)
}
