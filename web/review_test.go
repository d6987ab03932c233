package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// reviewApp is a city office with one subordinate bureau: the bureau's
// clerk and reviewer, the city's supervisor and administrator.
type reviewApp struct {
	app                                *webtest.App
	clerk, reviewer, supervisor, admin *webtest.Client
	city, bureau, report               int64
}

func newReviewApp(t *testing.T) *reviewApp {
	t.Helper()
	a := &reviewApp{app: webtest.Start(t)}
	a.city = a.app.Body(t, 0, "某市人民政府办公室", org.LocalGovernment)
	a.bureau = a.app.Body(t, a.city, "瑞安市人民政府办公室", org.Department)
	a.app.User(t, "clerk", auth.Grant{Body: a.bureau, Role: auth.Clerk})
	a.app.User(t, "reviewer", auth.Grant{Body: a.bureau, Role: auth.Reviewer})
	a.app.User(t, "supervisor", auth.Grant{Body: a.city, Role: auth.Supervisor})
	a.app.User(t, "admin", auth.Grant{Body: a.city, Role: auth.Admin})
	a.clerk, a.reviewer = a.app.Client(t, "clerk"), a.app.Client(t, "reviewer")
	a.supervisor, a.admin = a.app.Client(t, "supervisor"), a.app.Client(t, "admin")
	a.report = a.app.Report(t, a.bureau, 2024)
	return a
}

// version is the report's current version, as a form's base_version.
func (a *reviewApp) version(t *testing.T) string {
	t.Helper()
	rec, err := a.app.Store.Report(t.Context(), a.report)
	if err != nil {
		t.Fatal(err)
	}
	return strconv.Itoa(rec.Version)
}

func (a *reviewApp) state(t *testing.T) (string, int) {
	t.Helper()
	rec, _ := a.app.Store.Report(t.Context(), a.report)
	return string(rec.State), rec.Revision
}

// save posts fields through the editor's plain save.
func (a *reviewApp) save(t *testing.T, f url.Values) {
	t.Helper()
	f.Set("base_version", a.version(t))
	if res := a.clerk.PostForm(t, paths.ReportSaveURL(a.report), f); res.Status != http.StatusSeeOther {
		t.Fatalf("save: %d %.300s", res.Status, res.Body)
	}
}

// act takes a workflow action on the report as it stands (the version the
// page shows).
func act(t *testing.T, c *webtest.Client, id int64, action string, extra url.Values) *webtest.Response {
	t.Helper()
	return actOn(t, c, id, action, currentVersion(t, c, id), extra)
}

// currentVersion is the version the report's page shows to this client.
func currentVersion(t *testing.T, c *webtest.Client, id int64) string {
	t.Helper()
	v, _ := c.Get(t, paths.ReportView(id)).Doc(t).Find(`form.action-form input[name=version]`).Attr("value")
	return v
}

// actOn takes a workflow action on a given version, confirmed (as the
// dialog's button does).
func actOn(t *testing.T, c *webtest.Client, id int64, action, version string, extra url.Values) *webtest.Response {
	t.Helper()
	f := url.Values{"action": {action}, "version": {version}, "confirmed": {"1"}}
	for k, v := range extra {
		f[k] = v
	}
	return c.PostForm(t, paths.ReportStateURL(id), f)
}

// TestReviewLoop runs a report through the whole workflow over HTTP: a
// refused submission (an error), warnings that need a reason, a comment on
// a cell and a return, the clerk's fix, the reviewer's diff, approval,
// publication with its PDF, and a correction published as revision 2.
func TestReviewLoop(t *testing.T) {
	a := newReviewApp(t)
	f := seedForm(t, "002")
	f.Set("requests.carried_forward.natural_person", "21") // a slip
	f.Set("narrative.other", "无")                          // a warning (W6)
	a.save(t, f)

	// Refused: the slip is an error.
	res := act(t, a.clerk, a.report, "submit", nil)
	if res.Status != http.StatusConflict || !strings.Contains(res.Doc(t).Find(".actions .notice").Text(), "还有1个错误") {
		t.Fatalf("submit with errors: %d %q", res.Status, res.Doc(t).Find(".actions .notice").Text())
	}
	a.save(t, url.Values{"requests.carried_forward.natural_person": {"22"}})
	// Refused: the warning has no reason yet.
	res = act(t, a.clerk, a.report, "submit", nil)
	if res.Status != http.StatusConflict || !strings.Contains(res.Body, "1个提醒没有写明原因") {
		t.Fatalf("submit without reasons: %d", res.Status)
	}
	key := warningKey(t, res)
	res = act(t, a.clerk, a.report, "submit", url.Values{"reason." + key: {"本年度无信息处理费事项，已在六中写明“无”"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("submit: %d %.300s", res.Status, res.Body)
	}
	if st, _ := a.state(t); st != "submitted" {
		t.Fatalf("state %s", st)
	}
	if res := a.clerk.Get(t, paths.ReportEdit(a.report)); res.Status != http.StatusSeeOther || res.Location() != paths.ReportView(a.report) {
		t.Errorf("the editor of a submitted report: %d → %s", res.Status, res.Location())
	}

	// The reviewer sees the reason, comments on a cell, returns.
	page := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t)
	if !strings.Contains(page.Find(".finding .reason").Text(), "本年度无信息处理费事项") {
		t.Errorf("the reviewer does not see the reason: %q", page.Find(".review-side").Text())
	}
	if !strings.Contains(page.Find("#changes-h").Parent().Text(), "首次提交审核") {
		t.Error("the first review claims changes")
	}
	res = a.reviewer.PostForm(t, paths.ReportCommentsURL(a.report), url.Values{"at": {"cell:requests.granted.natural_person"}, "body": {"予以公开的件数请与台账核对"}})
	if res.Status != http.StatusSeeOther {
		t.Fatalf("comment: %d %.300s", res.Status, res.Body)
	}
	if res := act(t, a.reviewer, a.report, "return", nil); res.Status != http.StatusConflict {
		t.Errorf("return without a reason: %d", res.Status)
	}
	if res := act(t, a.reviewer, a.report, "return", url.Values{"reason": {"请核对第三部分"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("return: %d", res.Status)
	}

	// The clerk sees the comment at its cell, fixes, resolves, resubmits.
	edit := a.clerk.Get(t, paths.ReportEdit(a.report)).Doc(t)
	link := edit.Find("#comments .comment-where a")
	if link.AttrOr("href", "") != "#c-requests-granted-natural_person" || !strings.Contains(edit.Find("#comments").Text(), "予以公开的件数请与台账核对") {
		t.Errorf("comment in the editor: %q → %q", edit.Find("#comments").Text(), link.AttrOr("href", ""))
	}
	cell := edit.Find("td:has(#c-requests-granted-natural_person)")
	if !cell.HasClass("commented") || cell.Find(".cell-comment").AttrOr("title", "") != "予以公开的件数请与台账核对" {
		t.Error("the comment is not shown at its cell in the editor")
	}
	a.save(t, url.Values{"requests.granted.natural_person": {"38"}, "requests.partly_granted.natural_person": {"60"}})
	resolve, _ := edit.Find("#comments form").Attr("action")
	if res := a.clerk.PostForm(t, resolve, nil); res.Status != http.StatusSeeOther || !strings.HasPrefix(res.Location(), paths.ReportEdit(a.report)) {
		t.Errorf("resolve: %d → %s", res.Status, res.Location())
	}
	if res := act(t, a.clerk, a.report, "submit", url.Values{"reason." + key: {"同上次说明"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("resubmit: %d", res.Status)
	}

	// The reviewer sees what changed since the return, and approves.
	page = a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t)
	changes := page.Find(".changes").Text()
	for _, want := range []string{"（一）予以公开 × 自然人：39 → 38", "（二）部分公开（区分处理的，只计这一情形，不计其他情形） × 自然人：59 → 60"} {
		if !strings.Contains(strings.Join(strings.Fields(changes), ""), strings.Join(strings.Fields(want), "")) {
			t.Errorf("changes lack %q:\n%s", want, changes)
		}
	}
	if !page.Find(`td#v-requests-granted-natural_person`).HasClass("changed") || page.Find(".comment.resolved").Length() != 1 {
		t.Error("the changed cell or the resolved comment is not shown")
	}
	// An approval is of the version the reviewer read: approving a page
	// opened before the clerk's last change is refused.
	if res := actOn(t, a.reviewer, a.report, "approve", "1", nil); res.Status != http.StatusConflict ||
		!strings.Contains(res.Doc(t).Find(".actions .notice").Text(), "又有了修改") {
		t.Errorf("approving a stale version: %d", res.Status)
	}
	if res := act(t, a.reviewer, a.report, "approve", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("approve: %d", res.Status)
	}

	// The supervisor sees it on the board and may read it, not approve it.
	board := a.supervisor.Get(t, paths.BoardYear(2024)).Doc(t)
	if row := board.Find(`.board-table tr:has(a[href="` + paths.ReportView(a.report) + `"])`); !strings.Contains(row.Text(), "已审核") {
		t.Errorf("board row %q", row.Text())
	}
	if res := act(t, a.supervisor, a.report, "publish", nil); res.Status != http.StatusForbidden {
		t.Errorf("the supervisor published: %d", res.Status)
	}

	// The administrator publishes: the PDF is kept with its digest.
	if res := act(t, a.admin, a.report, "publish", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("publish: %d %.300s", res.Status, res.Body)
	}
	pub, err := a.app.Store.Publication(t.Context(), a.bureau, 2024, 0)
	if err != nil || pub.Revision != 1 {
		t.Fatalf("publication: %+v %v", pub, err)
	}
	pdfBytes, _ := a.app.Store.PublicationPDF(t.Context(), pub.ID)
	if !bytes.HasPrefix(pdfBytes, []byte("%PDF")) || len(pub.SHA256) != 64 {
		t.Errorf("published PDF %d bytes, digest %q", len(pdfBytes), pub.SHA256)
	}
	published, err := report.Decode(pub.Data)
	if err != nil || published.Publication == nil || published.Publication.Revision != 1 {
		t.Fatalf("published JSON: %v", err)
	}
	if v, _ := published.Get("requests.granted.natural_person"); v != report.Num(38) {
		t.Errorf("published value %v", v)
	}

	// A correction: needs its note, goes through review again, revision 2.
	if res := act(t, a.clerk, a.report, "correct", nil); res.Status != http.StatusConflict {
		t.Errorf("a correction without a note: %d", res.Status)
	}
	if res := act(t, a.clerk, a.report, "correct", url.Values{"reason": {"更正第二部分规范性文件件数"}}); res.Status != http.StatusSeeOther {
		t.Fatalf("correct: %d", res.Status)
	}
	a.save(t, url.Values{"active.normative_docs.issued": {"21"}, "active.normative_docs.in_force": {"232"},
		"narrative.overview": {correctedOverview(t)}})
	act(t, a.clerk, a.report, "submit", url.Values{"reason." + key: {"同上"}})
	act(t, a.reviewer, a.report, "approve", nil)
	if res := act(t, a.reviewer, a.report, "publish", nil); res.Status != http.StatusSeeOther {
		t.Fatalf("publish the correction: %d", res.Status)
	}
	if st, rev := a.state(t); st != "published" || rev != 2 {
		t.Errorf("after the correction: %s r%d", st, rev)
	}
	list, _ := a.app.Store.Publications(t.Context(), a.bureau)
	if len(list) != 2 || list[0].Revision != 2 || list[0].Correction != "更正第二部分规范性文件件数" || list[1].Revision != 1 {
		t.Errorf("publications %+v", list)
	}

	// The history names every step.
	hist := a.reviewer.Get(t, paths.ReportHistory(a.report)).Doc(t).Find("table.history").Text()
	for _, want := range []string{"提交审核，草稿→待审核", "提出审核意见", "退回修改，待审核→已退回：请核对第三部分", "将审核意见标记为已处理",
		"审核通过，待审核→已审核", "发布，已审核→已发布", "发起更正，已发布→草稿：更正第二部分规范性文件件数", "保存（第"} {
		if !strings.Contains(hist, want) {
			t.Errorf("history lacks %q", want)
		}
	}
	// The clerk reads it too (why the report came back, who changed what).
	if res := a.clerk.Get(t, paths.ReportHistory(a.report)); res.Status != http.StatusOK || !strings.Contains(res.Body, "请核对第三部分") {
		t.Errorf("the clerk's history: %d", res.Status)
	}
}

// warningKey finds the reason field of the one warning in a submit form.
func warningKey(t *testing.T, res *webtest.Response) string {
	t.Helper()
	name, ok := res.Doc(t).Find(`form.action-form textarea[name^="reason."]`).Attr("name")
	if !ok {
		t.Fatal("the submit form asks no reason")
	}
	return strings.TrimPrefix(name, "reason.")
}
