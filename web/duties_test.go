package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/web/paths"
)

// TestSeparationOfDuties: a person who is both clerk and reviewer of a
// body submits a version and cannot approve it (nor, once another
// approves, publish it); the page says why before they try. Another
// reviewer approves. An administrator's setting lets one person do both,
// and the review page says so on the body's reports.
func TestSeparationOfDuties(t *testing.T) {
	a := newReviewApp(t)
	a.app.User(t, "solo", auth.Grant{Body: a.bureau, Role: auth.Clerk}, auth.Grant{Body: a.bureau, Role: auth.Reviewer})
	solo := a.app.Client(t, "solo")
	f := seedForm(t, "002")
	f.Set("base_version", a.version(t))
	if res := solo.PostForm(t, paths.ReportSaveURL(a.report), f); res.Status != http.StatusSeeOther {
		t.Fatalf("save: %d", res.Status)
	}
	if res := act(t, solo, a.report, "submit", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d %.300s", res.Status, res.Body)
	}
	page := solo.Get(t, paths.ReportView(a.report)).Doc(t)
	if got := page.Find(".actions .duties").Text(); !strings.Contains(got, "您本人提交的") {
		t.Errorf("the page does not say who must review: %q", got)
	}
	res := act(t, solo, a.report, "approve", nil)
	if res.Status != http.StatusForbidden || !strings.Contains(res.Doc(t).Find(".actions .notice.error").Text(), "须由另一位审核人") {
		t.Errorf("approving one's own submission: %d %q", res.Status, res.Doc(t).Find(".actions .notice.error").Text())
	}
	if st, _ := a.state(t); st != "submitted" {
		t.Fatalf("state %s after a refused approval", st)
	}
	if res := act(t, a.reviewer, a.report, "approve", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("another reviewer approves: %d %.300s", res.Status, res.Body)
	}
	if res := act(t, solo, a.report, "publish", nil); res.Status != http.StatusForbidden {
		t.Errorf("publishing one's own submission: %d", res.Status)
	}

	// The administrator allows one person both: solo publishes what they
	// submitted, and the page says the body allows it.
	body, err := a.app.Store.Body(t.Context(), a.bureau)
	if err != nil {
		t.Fatal(err)
	}
	edit := a.admin.Get(t, paths.AdminBodyURL(a.bureau)).Doc(t)
	if edit.Find(`input[name=self_review]`).Length() != 1 {
		t.Fatal("the body's page has no separation-of-duties setting")
	}
	form := url.Values{"name": {body.Name}, "parent": {id(body.ParentID)}, "kind": {string(body.Kind)}, "self_review": {"1"}}
	if res := a.admin.PostForm(t, paths.AdminBodyURL(a.bureau), form); res.Status != http.StatusSeeOther {
		t.Fatalf("set self review: %d %.300s", res.Status, res.Body)
	}
	if _, ok := a.admin.Get(t, paths.AdminBodyURL(a.bureau)).Doc(t).Find(`input[name=self_review]`).Attr("checked"); !ok {
		t.Error("the setting is not shown as set")
	}
	if res := act(t, solo, a.report, "publish", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("publishing with the body's permission: %d %.300s", res.Status, res.Body)
	}
	if got := solo.Get(t, paths.ReportView(a.report)).Doc(t).Find(".actions .duties").Text(); !strings.Contains(got, "允许同一人提交和审核") {
		t.Errorf("the page does not say the body allows one person both: %q", got)
	}
}

// TestLongReasonRefusedAndKept: a return's reason over 2000 characters is
// refused in words at the actions, and the text comes back in its box.
func TestLongReasonRefusedAndKept(t *testing.T) {
	a := newReviewApp(t)
	a.save(t, seedForm(t, "002"))
	if res := act(t, a.clerk, a.report, "submit", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d", res.Status)
	}
	long := strings.Repeat("第三部分数字有误。", 230) // 2070 characters
	res := act(t, a.reviewer, a.report, "return", url.Values{"reason": {long}})
	doc := res.Doc(t)
	if res.Status != http.StatusConflict || !strings.Contains(doc.Find(".actions .notice.error").Text(), "最多2000个字") {
		t.Errorf("a long reason: %d %q", res.Status, doc.Find(".actions .notice.error").Text())
	}
	if got := doc.Find(`textarea[name=reason]`).First().Text(); got != long {
		t.Errorf("the reason box holds %d characters, want the %d typed", len([]rune(got)), len([]rune(long)))
	}
	if st, _ := a.state(t); st != "submitted" {
		t.Errorf("state %s", st)
	}
}
