package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestRoleChangesCountAtNextRequest: the session's user and roles are read
// afresh for every request, so a role taken away elsewhere (another
// server, the command line: here the store directly) refuses the clerk's
// very next live check, and a role given back lets the one after through.
func TestRoleChangesCountAtNextRequest(t *testing.T) {
	app := webtest.Start(t)
	body := app.Body(t, 0, "某县人民政府办公室", org.LocalGovernment)
	other := app.Body(t, 0, "另一县人民政府办公室", org.LocalGovernment)
	clerk := app.User(t, "clerk", auth.Grant{Body: body, Role: auth.Clerk}, auth.Grant{Body: other, Role: auth.Reviewer})
	c := app.Client(t, "clerk")
	id := app.Report(t, body, 2024)
	base := 1
	post := func() int {
		form := url.Values{"base_version": {strconv.Itoa(base)}, "_csrf": {c.Token(t)},
			"reviews.review.pending": {strconv.Itoa(base)}}
		h := http.Header{"Content-Type": {"application/x-www-form-urlencoded"}, "HX-Request": {"true"}}
		res := c.Do(t, http.MethodPost, paths.ReportCheckURL(id), strings.NewReader(form.Encode()), h)
		if res.Status == http.StatusOK {
			base++
		}
		return res.Status
	}
	grant := auth.Grant{Body: body, Role: auth.Clerk}
	steps := []struct {
		name   string
		change func() error
		want   int
	}{
		{"a clerk of the body", func() error { return nil }, http.StatusOK},
		{"the clerk role taken away", func() error { return app.Store.RemoveRole(t.Context(), clerk, grant, 0) }, http.StatusNotFound},
		{"given back", func() error { return app.Store.AddRole(t.Context(), clerk, grant, 0) }, http.StatusOK},
		{"as a reviewer only", func() error {
			if err := app.Store.RemoveRole(t.Context(), clerk, grant, 0); err != nil {
				return err
			}
			return app.Store.AddRole(t.Context(), clerk, auth.Grant{Body: body, Role: auth.Reviewer}, 0)
		}, http.StatusForbidden},
	}
	for _, step := range steps {
		if err := step.change(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		if got := post(); got != step.want {
			t.Errorf("%s: the live check answered %d, want %d", step.name, got, step.want)
		}
	}
}
