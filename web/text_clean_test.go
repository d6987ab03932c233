package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestInvisibleBytesCleaned: a NUL byte or bytes that are not UTF-8 in a
// posted text (PostgreSQL refuses both in a text column; SQLite would keep
// them unseen) are taken out when the form is read: the NUL is dropped,
// a run of bad bytes becomes "�". The rest of what was typed is saved as
// typed, the editor says at the field what was taken out (after a plain
// save, on the page it redirects to), and no form —
// the editor's live check and plain save, a comment, a login — answers
// 500. Run with NIANBAO_TEST_DB=postgres for PostgreSQL.
func TestInvisibleBytesCleaned(t *testing.T) {
	a := newReviewApp(t)
	c, id := a.clerk, a.report
	stored := func() (version int, overview, preface string) {
		rec, err := a.app.Store.Report(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		return rec.Version, rec.Report.Text("narrative.overview"), rec.Report.Text("preface")
	}

	v0, _, _ := stored()
	res, doc := check(t, c, id, v0, url.Values{
		"narrative.overview":              {"本机关依法公开\x00政府信息\xff\xfe，全年主动公开1条。"},
		"requests.granted.natural_person": {"3\x00"},
	})
	v1, overview, _ := stored()
	if want := "本机关依法公开政府信息\uFFFD，全年主动公开1条。"; overview != want || v1 != v0+1 || res.Header.Get("Nianbao-Saved") != "true" {
		t.Errorf("live check: stored %q (want %q), version %d→%d, saved %q", overview, want, v0, v1, res.Header.Get("Nianbao-Saved"))
	}
	note := doc.Find("#limit-f-narrative-overview").Text()
	for _, want := range []string{"已删去1个看不见的空字符", "1处无法识别的编码已换成“\uFFFD”", "其余文字已保存"} {
		if !strings.Contains(note, want) {
			t.Errorf("the note at the field %q lacks %q", note, want)
		}
	}
	if got := doc.Find("#limit-f-preface").Text(); got != "" {
		t.Errorf("a field without such bytes has a note: %q", got)
	}
	if cell := c.Get(t, paths.ReportEdit(id)).Doc(t).Find("#c-requests-granted-natural_person").AttrOr("value", ""); cell != "3" {
		t.Errorf("the cell typed as 3 followed by NUL reads %q, want 3", cell)
	}

	// The plain save: saved cleaned, and the page after it shows the text.
	form := url.Values{"base_version": {strconv.Itoa(v1)}, "preface": {"根据\x00《条例》\x80编制。"}}
	res = c.PostForm(t, paths.ReportSaveURL(id), form)
	if res.Status != http.StatusSeeOther {
		t.Fatalf("plain save: %d %.300s", res.Status, res.Body)
	}
	if _, _, preface := stored(); preface != "根据《条例》\uFFFD编制。" {
		t.Errorf("plain save stored the preface %q", preface)
	}
	// The page the save redirects to says at the field what was taken out,
	// once: reloading it shows no note.
	after := c.Get(t, res.Location()).Doc(t)
	if note := after.Find("#limit-f-preface").Text(); !strings.Contains(note, "已删去1个看不见的空字符") || !strings.Contains(note, "1处无法识别的编码") {
		t.Errorf("after the plain save's redirect the preface's note is %q", note)
	}
	if got := after.Find("#limit-f-narrative-overview").Text(); got != "" {
		t.Errorf("after the plain save a field it did not clean has a note: %q", got)
	}
	if again := c.Get(t, res.Location()).Doc(t).Find("#limit-f-preface").Text(); again != "" {
		t.Errorf("the note is shown again on reloading: %q", again)
	}

	// A comment and a login with such bytes are answered, not a 500.
	res = a.reviewer.PostForm(t, paths.ReportCommentsURL(id), url.Values{"at": {"cell:requests.granted.natural_person"}, "body": {"请核对\x00台账\xc3"}})
	if res.Status >= 500 {
		t.Errorf("comment: %d %.300s", res.Status, res.Body)
	}
	if page := a.reviewer.Get(t, paths.ReportView(id)).Body; res.Status == http.StatusSeeOther && !strings.Contains(page, "请核对台账\uFFFD") {
		t.Error("the comment is not shown cleaned on the report's page")
	}
	anon := a.app.Anonymous(t)
	res = anon.PostForm(t, paths.Login, url.Values{"username": {"clerk\x00"}, "password": {"wrong\xff"}})
	if res.Status >= 500 || !strings.Contains(res.Body, "用户名或密码") {
		t.Errorf("login with a NUL: %d %.300s", res.Status, res.Body)
	}
}

// TestLoginUsernameTooLong: a login with a username longer than any
// account's (64 characters) is refused at the field, with the text kept,
// and is neither counted nor logged — the store would otherwise keep up to
// 4 MB of it per request, twice, for anyone who posts the form.
func TestLoginUsernameTooLong(t *testing.T) {
	app := webtest.Start(t)
	app.User(t, "clerk")
	visitor := app.Anonymous(t)
	rows := func() (n int) {
		err := app.Store.DB.QueryRowContext(t.Context(),
			`SELECT (SELECT COUNT(*) FROM login_failures) + (SELECT COUNT(*) FROM audit_log)`).Scan(&n)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := rows()
	long := strings.Repeat("用", 65)
	res := visitor.PostForm(t, paths.Login, url.Values{"username": {long}, "password": {"wrong-password"}})
	doc := res.Doc(t)
	if msg := doc.Find("#username-error").Text(); res.Status != http.StatusUnprocessableEntity || !strings.Contains(msg, "用户名最多64个字符") {
		t.Errorf("status %d, message at the username %q", res.Status, msg)
	}
	if v, _ := doc.Find(`[name="username"]`).Attr("value"); v != long {
		t.Errorf("the field holds %q, want what was typed", v)
	}
	if after := rows(); after != before {
		t.Errorf("the refused login left %d rows in login_failures and audit_log", after-before)
	}
	// 64 characters is a possible name: a wrong password is counted.
	res = visitor.PostForm(t, paths.Login, url.Values{"username": {strings.Repeat("用", 64)}, "password": {"wrong-password"}})
	if res.Status != http.StatusUnprocessableEntity || !strings.Contains(res.Body, "用户名或密码不正确") || rows() == before {
		t.Errorf("a 64-character username: %d, counted %v", res.Status, rows() != before)
	}
}
