package web

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
	"nianbao/views/public"
	"nianbao/web/paths"
)

// The open data: anyone chooses bodies, years and tables and sees the
// figures of the published reports side by side, or downloads them.

// dataQuery is a choice of the open data. Its URL is canonical (sorted,
// each value once), so that one choice has one address.
type dataQuery struct {
	Bodies []int64 // chosen one by one
	Under  []int64 // these and every body below them
	Years  []int   // none: every year
	Tables []string
	Page   int
}

// dataColumns is how many reports a page of the comparison shows side by
// side; the CSV has them all.
const dataColumns = 10

func parseDataQuery(v url.Values) (q dataQuery, dropped bool) {
	ids := func(key string) []int64 {
		var out []int64
		for _, s := range v[key] {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n <= 0 {
				dropped = true
				continue
			}
			out = append(out, n)
		}
		slices.Sort(out)
		return slices.Compact(out)
	}
	q.Bodies, q.Under = ids("body"), ids("under")
	for _, s := range v["year"] {
		if y, err := strconv.Atoi(s); err == nil && y >= 1900 && y <= 9999 {
			q.Years = append(q.Years, y)
		} else {
			dropped = true
		}
	}
	slices.Sort(q.Years)
	q.Years = slices.Compact(q.Years)
	for _, s := range v["table"] {
		if report.T2021.Table(s) != nil {
			q.Tables = append(q.Tables, s)
		} else {
			dropped = true
		}
	}
	slices.Sort(q.Tables)
	q.Tables = slices.Compact(q.Tables)
	q.Page, _ = strconv.Atoi(v.Get("page"))
	q.Page = max(q.Page, 1)
	return q, dropped
}

// URL is the choice's address at base (the page or the CSV).
func (q dataQuery) URL(base string) string {
	v := url.Values{}
	for _, id := range q.Bodies {
		v.Add("body", strconv.FormatInt(id, 10))
	}
	for _, id := range q.Under {
		v.Add("under", strconv.FormatInt(id, 10))
	}
	for _, y := range q.Years {
		v.Add("year", strconv.Itoa(y))
	}
	for _, t := range q.Tables {
		v.Add("table", t)
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	if len(v) == 0 {
		return base
	}
	return base + "?" + v.Encode() // Encode sorts by key
}

func (q dataQuery) empty() bool { return len(q.Bodies) == 0 && len(q.Under) == 0 }

// openIndex is what the open data starts from, read in two queries: every
// body (for the tree), and the latest published revision of every body's
// report of every year (index columns only), in character order of the
// names — the same on every database — then by year.
type openIndex struct {
	bodies []store.Body
	pubs   []store.Publication
}

func (s *Server) openIndex(ctx context.Context) (*openIndex, error) {
	bodies, err := s.store.Bodies(ctx)
	if err != nil {
		return nil, err
	}
	pubs, err := s.store.LatestPublications(ctx, nil)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(pubs, func(x, y store.Publication) int {
		return cmp.Or(strings.Compare(x.BodyName, y.BodyName), cmp.Compare(x.BodyID, y.BodyID), cmp.Compare(x.Year, y.Year))
	})
	return &openIndex{bodies: bodies, pubs: pubs}, nil
}

// chosen returns the publications the choice names.
func (ix *openIndex) chosen(q dataQuery) []store.Publication {
	if q.empty() {
		return nil
	}
	parent := make(map[int64]int64, len(ix.bodies))
	for _, b := range ix.bodies {
		parent[b.ID] = b.ParentID
	}
	in := func(id int64) bool {
		if slices.Contains(q.Bodies, id) {
			return true
		}
		for depth := 0; id != 0 && depth <= len(ix.bodies); depth++ { // depth bounds a cycle
			if slices.Contains(q.Under, id) {
				return true
			}
			id = parent[id]
		}
		return false
	}
	var out []store.Publication
	for _, p := range ix.pubs {
		if (len(q.Years) == 0 || slices.Contains(q.Years, p.Year)) && in(p.BodyID) {
			out = append(out, p)
		}
	}
	return out
}

// years are the years with a published report, newest first.
func (ix *openIndex) years() []int {
	var out []int
	for _, p := range ix.pubs {
		out = append(out, p.Year)
	}
	slices.Sort(out)
	out = slices.Compact(out)
	slices.Reverse(out)
	return out
}

// publicData is the open data page.
func (s *Server) publicData(c echo.Context) error {
	ctx := c.Request().Context()
	q, dropped := parseDataQuery(c.QueryParams())
	if canon := q.URL(paths.PublicData); !dropped && canon != c.Request().URL.RequestURI() {
		// One choice, one address: the same choice in another order (as a
		// browser sends a form) goes to the canonical one.
		return c.Redirect(http.StatusFound, canon)
	}
	ix, err := s.openIndex(ctx)
	if err != nil {
		return err
	}
	pubs := ix.chosen(q)
	p := public.DataPage{Frame: s.publicFrame(c, "开放数据：政府信息公开工作年度报告"), Total: len(pubs),
		CSVURL: q.withPage(0).URL(paths.PublicDataCSV), PermalinkURL: q.withPage(0).URL(paths.PublicData),
		Formulas: report.RateFormulas(report.T2021)}
	dataChoices(&p, q, ix)
	switch {
	case dropped:
		p.Message = "地址中有无法识别的选择，已忽略。"
	case q.empty():
		p.Message = "请选择机关。"
	case len(pubs) == 0:
		p.Message = "所选机关和年度没有已发布的报告。"
	}
	if err := s.dataFigures(ctx, &p, q, pubs); err != nil {
		return err
	}
	return render(c, http.StatusOK, public.Data(p))
}

func (q dataQuery) withPage(n int) dataQuery { q.Page = n; return q }

// dataChoices fills the form's options: the bodies with published
// reports, the bodies above them, the years and the tables.
func dataChoices(p *public.DataPage, q dataQuery, ix *openIndex) {
	byID := make(map[int64]store.Body, len(ix.bodies))
	for _, b := range ix.bodies {
		byID[b.ID] = b
	}
	above := map[int64]bool{}
	for i, pub := range ix.pubs { // by name, each body's years together
		if i > 0 && ix.pubs[i-1].BodyID == pub.BodyID {
			continue
		}
		p.Bodies = append(p.Bodies, public.DataOption{Value: strconv.FormatInt(pub.BodyID, 10), Label: pub.BodyName, Selected: slices.Contains(q.Bodies, pub.BodyID)})
		for id, depth := byID[pub.BodyID].ParentID, 0; id != 0 && !above[id] && depth <= len(ix.bodies); id, depth = byID[id].ParentID, depth+1 {
			above[id] = true
		}
	}
	for _, b := range ix.bodies { // id order: the tree's top bodies first, as created
		if above[b.ID] {
			p.Under = append(p.Under, public.DataOption{Value: strconv.FormatInt(b.ID, 10), Label: b.Name, Selected: slices.Contains(q.Under, b.ID)})
		}
	}
	for _, y := range ix.years() {
		p.Years = append(p.Years, public.DataOption{Value: strconv.Itoa(y), Label: strconv.Itoa(y) + "年度", Selected: slices.Contains(q.Years, y)})
		p.BulkYears = append(p.BulkYears, public.BulkLink{Year: y, CSVURL: paths.PublicDataBulkCSVURL(y), JSONURL: paths.PublicDataBulkJSONURL(y)})
	}
	t := report.T2021
	for _, tb := range t.Tables {
		p.Tables = append(p.Tables, public.DataOption{Value: tb.Key, Label: "第" + tb.Section + "部分 " + t.Caption(tb), Selected: slices.Contains(q.Tables, tb.Key)})
	}
}

// dataFigures fills the comparison with the page's reports: the rates,
// then every cell of the chosen tables, a column per report.
func (s *Server) dataFigures(ctx context.Context, p *public.DataPage, q dataQuery, pubs []store.Publication) error {
	pages := (len(pubs) + dataColumns - 1) / dataColumns
	if len(pubs) == 0 {
		return nil
	}
	page := min(q.Page, pages)
	from, to := (page-1)*dataColumns, min(page*dataColumns, len(pubs))
	p.From, p.To = from+1, to
	if page > 1 {
		p.PrevURL = q.withPage(page - 1).URL(paths.PublicData)
	}
	if page < pages {
		p.NextURL = q.withPage(page + 1).URL(paths.PublicData)
	}
	shown := pubs[from:to]
	reports, err := s.decodePublications(ctx, shown)
	if err != nil {
		return err
	}
	oneBody, oneYear := sameBody(pubs), sameYear(pubs)
	for _, pub := range shown {
		label := fmt.Sprintf("%s %d年度", pub.BodyName, pub.Year)
		switch {
		case oneBody:
			label = strconv.Itoa(pub.Year) + "年度"
		case oneYear:
			label = pub.BodyName
		}
		p.Series = append(p.Series, public.SeriesHead{Label: label, URL: paths.PublicRevisionURL(pub.BodyID, pub.Year, pub.Revision)})
	}
	p.Rows = figureRows(report.T2021, q.Tables, reports)
	return nil
}

// figureRows are the rows of the comparison.
func figureRows(t *report.Template, tables []string, reports []*report.Report) []public.DataRow {
	var rows []public.DataRow
	for i, name := range report.RateNames {
		row := public.DataRow{Group: "比率", Label: name, Rate: true}
		for _, r := range reports {
			q := r.Rates()[i]
			row.Values = append(row.Values, public.DataValue{Text: q.Percent(), Blank: !q.OK})
		}
		rows = append(rows, row)
	}
	for j := range t.Cells {
		c := &t.Cells[j]
		if len(tables) > 0 && !slices.Contains(tables, c.Table.Key) {
			continue
		}
		row := public.DataRow{Group: "第" + c.Table.Section + "部分", Label: c.RowName() + " × " + c.ColName()}
		if c.Table.Key == "reviews" {
			row.Label = c.ColName()
		}
		for _, r := range reports {
			v, _ := r.Get(c.Path)
			row.Values = append(row.Values, public.DataValue{Text: report.FormatValue(c.Kind, v), Blank: v.State == report.Blank})
		}
		rows = append(rows, row)
	}
	return rows
}

func sameBody(pubs []store.Publication) bool {
	for _, p := range pubs {
		if p.BodyID != pubs[0].BodyID {
			return false
		}
	}
	return true
}

func sameYear(pubs []store.Publication) bool {
	for _, p := range pubs {
		if p.Year != pubs[0].Year {
			return false
		}
	}
	return true
}

// decodePublications loads and decodes the JSON of publications, in order.
func (s *Server) decodePublications(ctx context.Context, pubs []store.Publication) ([]*report.Report, error) {
	ids := make([]int64, len(pubs))
	for i, p := range pubs {
		ids[i] = p.ID
	}
	data, err := s.store.PublicationsData(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make([]*report.Report, len(pubs))
	for i, p := range pubs {
		if out[i], err = report.Decode(data[p.ID]); err != nil {
			return nil, fmt.Errorf("published report %d: %w", p.ID, err)
		}
	}
	return out, nil
}

// Leading columns of the open data's CSV files.
var dataLead = []string{"机关编号", "机关", "年度", "版本", "发布日期"}

func dataLeadOf(p *store.Publication) []string {
	return []string{strconv.FormatInt(p.BodyID, 10), p.BodyName, strconv.Itoa(p.Year), strconv.Itoa(p.Revision), p.PublishedAt.In(workflow.ChinaTime).Format("2006-01-02")}
}

// publicDataCSV sends the whole choice as CSV: a line per report.
func (s *Server) publicDataCSV(c echo.Context) error {
	ctx := c.Request().Context()
	q, _ := parseDataQuery(c.QueryParams())
	ix, err := s.openIndex(ctx)
	if err != nil {
		return err
	}
	pubs := ix.chosen(q)
	attachment(c, "政府信息公开工作年度报告数据.csv")
	c.Response().Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	mw, err := sheet.NewMatrixCSV(c.Response(), sheet.Matrix{Template: report.T2021, Lead: dataLead, Rates: true, Tables: q.Tables})
	if err != nil {
		return err
	}
	const chunk = 500
	for len(pubs) > 0 {
		part := pubs[:min(chunk, len(pubs))]
		pubs = pubs[len(part):]
		reports, err := s.decodePublications(ctx, part)
		if err != nil {
			return err
		}
		for i := range part {
			if err := mw.Write(sheet.MatrixRow{Lead: dataLeadOf(&part[i]), Report: reports[i]}); err != nil {
				return err
			}
		}
	}
	return mw.Flush()
}

// bulkYear reads the :year of a bulk file's address.
func bulkYear(c echo.Context) (int, error) {
	y, err := strconv.Atoi(c.Param("year"))
	if err != nil || y < 1900 || y > 9999 {
		return 0, errNotFound
	}
	return y, nil
}

// templateOfYear is the format a year's reports follow.
func templateOfYear(year int) *report.Template {
	if year < 2021 {
		return report.T2019
	}
	return report.T2021
}

// publicBulkCSV sends every published report of a year as CSV: the
// latest revision of each body's report, a line each.
func (s *Server) publicBulkCSV(c echo.Context) error {
	year, err := bulkYear(c)
	if err != nil {
		return err
	}
	attachment(c, fmt.Sprintf("%d年度政府信息公开工作年度报告.csv", year))
	c.Response().Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	c.Response().WriteHeader(http.StatusOK)
	mw, err := sheet.NewMatrixCSV(c.Response(), sheet.Matrix{Template: templateOfYear(year), Lead: dataLead, Rates: true})
	if err != nil {
		return err
	}
	err = s.store.EachLatestPublication(c.Request().Context(), year, func(p *store.Publication) error {
		r, err := report.Decode(p.Data)
		if err != nil {
			return fmt.Errorf("published report %d: %w", p.ID, err)
		}
		return mw.Write(sheet.MatrixRow{Lead: dataLeadOf(p), Report: r})
	})
	if err != nil {
		return err
	}
	return mw.Flush()
}

// publicBulkJSON sends every published report of a year as one JSON
// array: each body's latest revision with the body and revision, and the
// report's JSON exactly as published.
func (s *Server) publicBulkJSON(c echo.Context) error {
	year, err := bulkYear(c)
	if err != nil {
		return err
	}
	attachment(c, fmt.Sprintf("%d年度政府信息公开工作年度报告.json", year))
	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	base := siteURL(c)
	sep := "[\n"
	err = s.store.EachLatestPublication(c.Request().Context(), year, func(p *store.Publication) error {
		_, err := fmt.Fprintf(w, "%s{\"body_id\": %d, \"body\": %s, \"year\": %d, \"revision\": %d, \"published_at\": \"%s\", \"url\": %s,\n\"report\": %s}",
			sep, p.BodyID, jsonString(p.BodyName), p.Year, p.Revision, p.PublishedAt.UTC().Format("2006-01-02T15:04:05Z"),
			jsonString(base+paths.PublicRevisionURL(p.BodyID, p.Year, p.Revision)), trimNewline(p.Data))
		sep = ",\n"
		return err
	})
	if err != nil {
		return err
	}
	if sep == "[\n" {
		_, err = w.Write([]byte("[]\n"))
		return err
	}
	_, err = w.Write([]byte("\n]\n"))
	return err
}

// jsonString is s as a JSON string, characters unescaped.
func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return string(bytes.TrimRight(b.Bytes(), "\n"))
}

func trimNewline(b []byte) []byte { return bytes.TrimRight(b, "\n") }
