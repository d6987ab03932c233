package web_test

import (
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
)

// TestEditorTwoTabsOnTwoServers is TestEditorTwoTabs with each tab on its
// own app server, the two sharing one PostgreSQL database as behind a load
// balancer: tab B, logged in only through server A (the session is in the
// database), is served by server B; each server's live check finds the
// other's slip; B merges A's save, and where both changed the same text B
// is shown both and the clerk's choice is saved — exactly as on one server.
func TestEditorTwoTabsOnTwoServers(t *testing.T) {
	ctx := testenv.Browser(t)
	db := testenv.Postgres(t)
	a, b := webtest.StartOn(t, db), webtest.StartOn(t, db)
	body := a.Body(t, 0, "瑞安市人民政府办公室", org.LocalGovernment)
	a.User(t, "clerk", auth.Grant{Body: body, Role: auth.Clerk})
	id := a.Report(t, body, 2024)
	tabA := tab{t, ctx}
	tabA.login(a.URL, "clerk")
	editInTwoTabs(t, tabA, a.URL, b.URL, id, b.Store)
}
