package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestBoardCountsFollowSettings: the supervisor's board counts a body's
// open warnings by its kind and the rules that hold for it as they are
// now, not as they were at the report's last save. Seed 002 with its 规章
// row 不适用 and no more saves: right for a department (0 warnings); when
// the administrator makes the body a local government, one W12; when the
// city sets a limit of 900 characters for 第一部分 (seed 002 has 906) and
// an item it does not mention, W13 and W14 too; taking both back brings
// the count back to 0.
func TestBoardCountsFollowSettings(t *testing.T) {
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	bureau := app.Body(t, city, "瑞安市人民政府办公室", org.Department)
	app.User(t, "admin", auth.Grant{Body: city, Role: auth.Admin})
	app.User(t, "sup", auth.Grant{Body: city, Role: auth.Supervisor})
	admin, sup := app.Client(t, "admin"), app.Client(t, "sup")
	r := seedReport(t, "002")
	for _, p := range []string{"active.rules.issued", "active.rules.repealed", "active.rules.in_force"} {
		r.Values[r.Template().Lookup(p)] = report.Value{State: report.NotApplicable}
	}
	rec, err := app.Store.CreateReport(t.Context(), bureau, 2024, r, 0)
	if err != nil {
		t.Fatal(err)
	}
	open := func() string {
		t.Helper()
		row := sup.Get(t, paths.BoardYear(2024)).Doc(t).Find(".board-table tbody tr").FilterFunction(func(_ int, tr *goquery.Selection) bool {
			return tr.Find("th").Text() != "" && tr.Find("th a").AttrOr("href", "") == paths.ReportView(rec.ID)
		})
		if row.Length() != 1 {
			t.Fatalf("the board has %d rows of the bureau's report", row.Length())
		}
		return row.Find("td.open-warnings").Text()
	}
	setKind := func(k org.Kind) {
		t.Helper()
		res := admin.PostForm(t, paths.AdminBodyURL(bureau), url.Values{"name": {"瑞安市人民政府办公室"},
			"parent": {strconv.FormatInt(city, 10)}, "kind": {string(k)}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("setting the kind %s: status %d %.300s", k, res.Status, res.Body)
		}
	}
	setRules := func(max, items string) {
		t.Helper()
		res := admin.PostForm(t, paths.AdminBodyRulesURL(city), url.Values{"overview_max": {max}, "overview_items": {items}})
		if res.Status != http.StatusSeeOther {
			t.Fatalf("setting the rules: status %d %.300s", res.Status, res.Body)
		}
	}

	steps := []struct {
		name string
		do   func()
		want string
	}{
		{"as created, a department", func() {}, "0"},
		{"made a local government", func() { setKind(org.LocalGovernment) }, "1"},
		{"the city's rules set", func() { setRules("900", "政策解读\n政务公开专区/公开专栏") }, "3"},
		{"the city's rules removed", func() { setRules("", "") }, "1"},
		{"a department again", func() { setKind(org.Department) }, "0"},
	}
	for _, st := range steps {
		st.do()
		if got := open(); got != st.want {
			t.Errorf("%s: the board counts %s open warnings, want %s", st.name, got, st.want)
		}
	}
	if after, err := app.Store.Report(t.Context(), rec.ID); err != nil || after.Version != rec.Version {
		t.Errorf("recounting made a version: %v, %v", after, err)
	}
}
