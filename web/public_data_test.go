package web_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/testenv"
	"nianbao/internal/webtest"
	"nianbao/internal/workflow"
	"nianbao/web/paths"
)

// publishDirect stores r as the body's published report of year (through
// the store, as the workflow would leave it), or, when the report is
// published already, as its next revision with a correction.
func publishDirect(t testing.TB, st *store.Store, bodyID int64, year int, r *report.Report) {
	t.Helper()
	ctx := context.Background()
	r = r.Clone()
	r.Year = year
	rec, err := st.ReportByBodyYear(ctx, bodyID, year)
	revision := 1
	if err == nil {
		revision = rec.Revision + 1
		ch := store.StateChange{ReportID: rec.ID, From: workflow.Published, To: workflow.Draft, Version: rec.Version, Action: "correct", Correction: "更正"}
		if err := st.ChangeState(ctx, ch); err != nil {
			t.Fatal(err)
		}
		if _, err := st.SaveDraft(ctx, rec.ID, rec.Version, r, report.Tally{}, 0); err != nil {
			t.Fatal(err)
		}
	} else if rec, err = st.CreateReport(ctx, bodyID, year, r, 0); err != nil {
		t.Fatal(err)
	}
	rec, err = st.Report(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	r.Publication = &report.Publication{Revision: revision, Date: fmt.Sprintf("%d-03-0%d", year+1, revision)}
	data, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	ch := store.StateChange{ReportID: rec.ID, From: workflow.Draft, To: workflow.Published, Version: rec.Version, Action: "publish",
		Publication: &store.Publication{Data: data, PDF: []byte("%PDF-1.4 test")}}
	if err := st.ChangeState(ctx, ch); err != nil {
		t.Fatal(err)
	}
}

// openDataApp: a city with two bodies below it and one body elsewhere,
// each with published reports of 2023 and 2024 (bureau A's 2024 corrected
// once, with a blank and a 不适用 cell in it).
type openDataApp struct {
	app           *webtest.App
	city, a, b, c int64
}

func newOpenDataApp(t *testing.T) *openDataApp {
	app := webtest.Start(t)
	o := &openDataApp{app: app}
	o.city = app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	o.a = app.Body(t, o.city, "甲局", org.Department)
	o.b = app.Body(t, o.city, "乙局", org.Department)
	o.c = app.Body(t, 0, "丙县人民政府", org.LocalGovernment)
	seeds := map[int64][2]string{o.a: {"002", "003"}, o.b: {"004", "000"}, o.c: {"003", "002"}}
	for body, s := range seeds {
		for i, year := range []int{2023, 2024} {
			publishDirect(t, app.Store, body, year, testenv.Seed(t, s[i]))
		}
	}
	r := testenv.Seed(t, "003")
	tp := r.Template()
	r.Values[tp.Lookup("requests.granted.research")] = report.Value{}
	r.Values[tp.Lookup("requests.carried_over.other")] = report.Value{State: report.NotApplicable}
	publishDirect(t, app.Store, o.a, 2024, r)
	return o
}

// publishedJSON is the latest published JSON of a body's year, as the
// public reads it.
func publishedJSON(t *testing.T, c *webtest.Client, body int64, year int) *report.Report {
	t.Helper()
	res := c.Get(t, paths.PublicYearURL(body, year))
	href, ok := res.Doc(t).Find(`.downloads a[href$="report.json"]`).Attr("href")
	if !ok {
		t.Fatalf("no JSON link on %s", paths.PublicYearURL(body, year))
	}
	r, err := report.Decode([]byte(c.Get(t, href).Body))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func readCSVBody(t *testing.T, body string) [][]string {
	t.Helper()
	if !strings.HasPrefix(body, "\ufeff") {
		t.Error("the CSV has no byte-order mark")
	}
	lines, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return lines
}

// checkCSVAgainstJSON: every line of an open-data CSV holds, under each
// path of the header, the value of the report the public JSON has for
// that body and year — blank, 0 and 不适用 as they are — and its rates.
func checkCSVAgainstJSON(t *testing.T, c *webtest.Client, lines [][]string, want [][2]int64) {
	t.Helper()
	head := lines[0]
	if len(lines)-1 != len(want) {
		t.Fatalf("%d reports, want %d", len(lines)-1, len(want))
	}
	for i, line := range lines[1:] {
		body, _ := strconv.ParseInt(line[0], 10, 64)
		year, _ := strconv.Atoi(line[2])
		if body != want[i][0] || int64(year) != want[i][1] {
			t.Errorf("line %d is body %d year %d, want %v", i+1, body, year, want[i])
			continue
		}
		r := publishedJSON(t, c, body, year)
		if line[3] != strconv.Itoa(r.Publication.Revision) {
			t.Errorf("line %d: revision %s, want the latest %d", i+1, line[3], r.Publication.Revision)
		}
		cells := 0
		for j, key := range head {
			if id := r.Template().Lookup(key); id != report.NoCell {
				cells++
				if want := report.FormatValue(r.Template().Cell(id).Kind, r.Values[id]); line[j] != want {
					t.Errorf("body %d %d %s: %q, want %q", body, year, key, line[j], want)
				}
			}
		}
		if cells != len(r.Template().Cells) {
			t.Errorf("line %d has %d cells of the report, want %d", i+1, cells, len(r.Template().Cells))
		}
		for k, q := range r.Rates() {
			if j := slices.Index(head, report.RateNames[k]); j < 0 || line[j] != q.Decimal() {
				t.Errorf("body %d %d: %s %q, want %q", body, year, report.RateNames[k], line[max(j, 0)], q.Decimal())
			}
		}
	}
}

// TestOpenDataCSV: the CSV of several bodies and years equals the
// published JSONs, cell for cell, for bodies chosen one by one and for
// all under a body; only the latest revision of each report is in it.
func TestOpenDataCSV(t *testing.T) {
	o := newOpenDataApp(t)
	anon := o.app.Anonymous(t)
	q := fmt.Sprintf("?body=%d&body=%d&year=2023&year=2024", o.a, o.b)
	res := anon.Get(t, paths.PublicDataCSV+q)
	if res.Status != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV: %d %s", res.Status, res.Header.Get("Content-Type"))
	}
	lines := readCSVBody(t, res.Body)
	// By body name in character order (乙 U+4E59 before 甲 U+7532), then year.
	checkCSVAgainstJSON(t, anon, lines, [][2]int64{{o.b, 2023}, {o.b, 2024}, {o.a, 2023}, {o.a, 2024}})
	if !slices.Contains(lines[4], "") || !slices.Contains(lines[4], report.NotApplicableJSON) {
		t.Error("the corrected report's blank and 不适用 are not in the CSV")
	}

	under := readCSVBody(t, anon.Get(t, fmt.Sprintf("%s?under=%d&year=2024", paths.PublicDataCSV, o.city)).Body)
	checkCSVAgainstJSON(t, anon, under, [][2]int64{{o.b, 2024}, {o.a, 2024}})

	tables := readCSVBody(t, anon.Get(t, fmt.Sprintf("%s?body=%d&year=2024&table=reviews", paths.PublicDataCSV, o.c)).Body)
	for _, key := range tables[0][8:] {
		if !strings.HasPrefix(key, "reviews.") {
			t.Errorf("a table not chosen is in the CSV: %s", key)
		}
	}
}

// TestOpenDataBulk: the year's bulk files hold every body's latest
// report of the year; the JSON's reports are the published JSONs.
func TestOpenDataBulk(t *testing.T) {
	o := newOpenDataApp(t)
	anon := o.app.Anonymous(t)
	lines := readCSVBody(t, anon.Get(t, paths.PublicDataBulkCSVURL(2024)).Body)
	// 丙县 before 乙局 before 甲局? By name as the database orders them.
	var want [][2]int64
	for _, l := range lines[1:] {
		id, _ := strconv.ParseInt(l[0], 10, 64)
		want = append(want, [2]int64{id, 2024})
	}
	if len(want) != 3 {
		t.Fatalf("%d reports in the 2024 bulk file, want 3", len(want))
	}
	checkCSVAgainstJSON(t, anon, lines, want)

	res := anon.Get(t, paths.PublicDataBulkJSONURL(2024))
	var bulk []struct {
		BodyID   int64           `json:"body_id"`
		Body     string          `json:"body"`
		Year     int             `json:"year"`
		Revision int             `json:"revision"`
		URL      string          `json:"url"`
		Report   json.RawMessage `json:"report"`
	}
	if err := json.Unmarshal([]byte(res.Body), &bulk); err != nil {
		t.Fatalf("bulk JSON: %v", err)
	}
	if len(bulk) != 3 {
		t.Fatalf("%d reports in the bulk JSON", len(bulk))
	}
	for _, b := range bulk {
		got, err := report.Decode(b.Report)
		if err != nil {
			t.Fatal(err)
		}
		want := publishedJSON(t, anon, b.BodyID, b.Year)
		gj, _ := got.MarshalJSON()
		wj, _ := want.MarshalJSON()
		if !bytes.Equal(gj, wj) || b.Revision != want.Publication.Revision || !strings.HasSuffix(b.URL, paths.PublicRevisionURL(b.BodyID, 2024, b.Revision)) {
			t.Errorf("%s: the bulk report differs from the published one", b.Body)
		}
	}
	if res := anon.Get(t, paths.PublicDataBulkJSONURL(1999)); res.Status != http.StatusOK || strings.TrimSpace(res.Body) != "[]" {
		t.Errorf("a year without reports: %d %q", res.Status, res.Body)
	}
	if res := anon.Get(t, "/public/data/abc/reports.json"); res.Status != http.StatusNotFound {
		t.Errorf("a year that is no year: %d", res.Status)
	}
}

// TestOpenDataPage: one body year on year, bodies against each other for
// one year, the rates, blank shown apart from 0 and 不适用, a stable
// address for the choice, and pages of columns.
func TestOpenDataPage(t *testing.T) {
	o := newOpenDataApp(t)
	anon := o.app.Anonymous(t)
	page := anon.Get(t, fmt.Sprintf("%s?body=%d", paths.PublicData, o.a)).Doc(t)
	heads := page.Find(".data-table thead th a").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if !slices.Equal(heads, []string{"2023年度", "2024年度"}) {
		t.Errorf("year on year heads %q", heads)
	}
	rate := page.Find(".data-table tr.rate").First()
	if rate.Find("th").Text() != report.RateDisclosure {
		t.Errorf("first rate %q", rate.Find("th").Text())
	}
	r2023 := publishedJSON(t, anon, o.a, 2023)
	if got := rate.Find("td.num").First().Text(); got != r2023.Rates()[0].Percent() || got == "" {
		t.Errorf("公开率 2023 %q, want %q", got, r2023.Rates()[0].Percent())
	}
	if page.Find("td.blank").Length() == 0 || !strings.Contains(page.Find(".data-table").Text(), report.NotApplicableJSON) {
		t.Error("blank and 不适用 are not shown apart")
	}
	perm, _ := page.Find(`a:contains("固定地址")`).Attr("href")
	if perm != fmt.Sprintf("%s?body=%d", paths.PublicData, o.a) {
		t.Errorf("permanent address %q", perm)
	}

	shuffled := anon.Get(t, fmt.Sprintf("%s?year=2024&body=%d&body=%d&body=%d&table=requests&body=%d", paths.PublicData, o.c, o.b, o.a, o.a))
	canonical := fmt.Sprintf("%s?body=%d&body=%d&body=%d&table=requests&year=2024", paths.PublicData, o.a, o.b, o.c)
	if shuffled.Status != http.StatusFound || shuffled.Location() != canonical {
		t.Errorf("a choice in another order: %d → %q, want the canonical %q", shuffled.Status, shuffled.Location(), canonical)
	}
	vs := anon.Get(t, canonical).Doc(t)
	heads = vs.Find(".data-table thead th a").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if len(heads) != 3 || !slices.Contains(heads, "甲局") || !slices.Contains(heads, "丙县人民政府") {
		t.Errorf("body against body heads %q", heads)
	}
	if vs.Find(`.data-table td:contains("第四部分")`).Length() != 0 || vs.Find(`.data-table td:contains("第三部分")`).Length() == 0 {
		t.Error("a table not chosen is shown")
	}
	if perm, _ = vs.Find(`a:contains("固定地址")`).Attr("href"); perm != canonical {
		t.Errorf("the address of a choice is not canonical: %q, want %q", perm, canonical)
	}

	none := anon.Get(t, paths.PublicData+"?body=x&year=abc").Doc(t)
	if !strings.Contains(none.Find(".notice").Text(), "已忽略") {
		t.Errorf("bad choices are not reported: %q", none.Find(".notice").Text())
	}
}

// TestOpenDataPages: a choice of more reports than a page shows goes on
// over pages of columns, each at its own address; the CSV has them all.
func TestOpenDataPages(t *testing.T) {
	app := webtest.Start(t)
	root := app.Body(t, 0, "某省人民政府", org.LocalGovernment)
	for i := range 13 {
		body := app.Body(t, root, fmt.Sprintf("单位%02d", i), org.Department)
		publishDirect(t, app.Store, body, 2024, testenv.Seed(t, "002"))
	}
	anon := app.Anonymous(t)
	first := anon.Get(t, fmt.Sprintf("%s?under=%d", paths.PublicData, root)).Doc(t)
	if n := first.Find(".data-table thead th a").Length(); n != 10 {
		t.Errorf("the first page shows %d reports", n)
	}
	next, _ := first.Find(`a[rel=next]`).Attr("href")
	if want := fmt.Sprintf("%s?page=2&under=%d", paths.PublicData, root); next != want {
		t.Fatalf("next page %q, want %q", next, want)
	}
	second := anon.Get(t, next).Doc(t)
	heads := second.Find(".data-table thead th a").Map(func(_ int, s *goquery.Selection) string { return s.Text() })
	if !slices.Equal(heads, []string{"单位10", "单位11", "单位12"}) || !strings.Contains(second.Text(), "第11–13份") {
		t.Errorf("the second page shows %q", heads)
	}
	if second.Find(`a[rel=next]`).Length() != 0 || second.Find(`a[rel=prev]`).Length() != 1 {
		t.Error("the last page's links")
	}
	if lines := readCSVBody(t, anon.Get(t, fmt.Sprintf("%s?under=%d", paths.PublicDataCSV, root)).Body); len(lines) != 14 {
		t.Errorf("the CSV has %d reports, want 13", len(lines)-1)
	}
}
