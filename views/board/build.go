// Package board is the supervising office's status board: every body below
// it with the state of its report for a year, its errors, its last activity
// and its legal deadline, filtered, sorted and paged.
package board

import (
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"nianbao/internal/workflow"
	"nianbao/views/layout"
	"nianbao/web/paths"
)

// RowIn is one body as the board is built from it.
type RowIn struct {
	BodyID    int64
	Name      string
	Depth     int
	State     workflow.State // NotStarted when there is no report
	ReportURL string         // "" when there is no report
	Errors    int
	Warnings  int
	// Confirmed counts the warnings a reviewer marked 已核实, of Warnings.
	Confirmed int
	Activity  time.Time // zero when none
	Deadline  time.Time
	Published time.Time // zero until published
	// PortalURL is where the body posted its published report on a portal
	// (回填); empty until recorded.
	PortalURL string
}

// Query is what the reader asked for: filters, sort order, page.
type Query struct {
	Year    int
	State   string // "" all, or a workflow state, or "none" (not started)
	Overdue bool
	Errors  bool
	Search  string
	Sort    string // "" tree order, name, state, errors, activity, deadline
	Desc    bool
	Page    int // from 1
}

// PageSize is how many bodies a page of the board shows.
const PageSize = 100

// Page is the board as shown.
type Page struct {
	Frame    layout.Page
	Query    Query
	Years    []int
	Total    int
	Counts   []Count
	Overdue  int
	Rows     []Row
	Pages    int
	PrevURL  string
	NextURL  string
	SortURLs map[string]string // column → URL sorting by it (toggling direction)
	// Rollups are the workbooks of the year's roll-up, one per body the
	// board starts from.
	Rollups []Download
}

// Download is a file the page offers.
type Download struct {
	Label, URL string
}

// Count is how many bodies are in a state.
type Count struct {
	State workflow.State
	Label string
	N     int
	URL   string
}

// Row is one body on the board.
type Row struct {
	Name, Indent string
	State        string
	StateClass   string
	Errors       int
	// Open and Confirmed are the warnings still to be looked at and those
	// a reviewer marked 已核实 (blank where there is no report).
	Open, Confirmed string
	Activity        string
	Deadline        string
	Due             string // 还有12天 / 逾期3天 / 按期发布 / 逾期5天发布
	Late            bool
	URL             string
	PortalURL       string
}

var states = []workflow.State{workflow.NotStarted, workflow.Draft, workflow.Submitted, workflow.Returned,
	workflow.Approved, workflow.Published}

// Build filters, sorts and pages the rows.
func Build(frame layout.Page, rows []RowIn, q Query, now time.Time) *Page {
	p := &Page{Frame: frame, Query: q, Total: len(rows), SortURLs: map[string]string{}}
	counts := map[workflow.State]int{}
	var kept []RowIn
	for _, r := range rows {
		counts[r.State]++
		if overdue(r, now) {
			p.Overdue++
		}
		if q.keeps(r, now) {
			kept = append(kept, r)
		}
	}
	for _, s := range states {
		p.Counts = append(p.Counts, Count{State: s, Label: s.Label(), N: counts[s], URL: q.with(func(q *Query) { q.State = stateParam(s); q.Page = 1 })})
	}
	q.sort(kept)
	p.Pages = max(1, (len(kept)+PageSize-1)/PageSize)
	page := min(max(q.Page, 1), p.Pages)
	for _, r := range kept[min((page-1)*PageSize, len(kept)):min(page*PageSize, len(kept))] {
		p.Rows = append(p.Rows, row(r, now, q.Sort == ""))
	}
	if page > 1 {
		p.PrevURL = q.with(func(q *Query) { q.Page = page - 1 })
	}
	if page < p.Pages {
		p.NextURL = q.with(func(q *Query) { q.Page = page + 1 })
	}
	p.Query.Page = page
	for _, col := range []string{"name", "state", "errors", "activity", "deadline"} {
		p.SortURLs[col] = q.with(func(n *Query) { n.Sort, n.Desc, n.Page = col, q.Sort == col && !q.Desc, 1 })
	}
	return p
}

func stateParam(s workflow.State) string {
	if s == workflow.NotStarted {
		return "none"
	}
	return string(s)
}

func overdue(r RowIn, now time.Time) bool {
	return r.Published.IsZero() && workflow.DaysLeft(r.Deadline, now) < 0
}

func (q Query) keeps(r RowIn, now time.Time) bool {
	switch {
	case q.State != "" && stateParam(r.State) != q.State:
		return false
	case q.Overdue && !overdue(r, now):
		return false
	case q.Errors && r.Errors == 0:
		return false
	case q.Search != "" && !strings.Contains(r.Name, q.Search):
		return false
	}
	return true
}

func (q Query) sort(rows []RowIn) {
	if q.Sort == "" {
		return // tree order, as the store gives it
	}
	key := func(a, b RowIn) int {
		switch q.Sort {
		case "state":
			return cmp.Compare(slices.Index(states, a.State), slices.Index(states, b.State))
		case "errors":
			return cmp.Compare(a.Errors, b.Errors)
		case "activity":
			return a.Activity.Compare(b.Activity)
		case "deadline":
			return a.Deadline.Compare(b.Deadline)
		}
		return strings.Compare(a.Name, b.Name)
	}
	slices.SortStableFunc(rows, func(a, b RowIn) int {
		if q.Desc {
			return key(b, a)
		}
		return key(a, b)
	})
}

func row(r RowIn, now time.Time, tree bool) Row {
	out := Row{Name: r.Name, State: r.State.Label(), StateClass: "state-" + stateParam(r.State), Errors: r.Errors,
		Deadline: r.Deadline.Format("2006-01-02"), URL: r.ReportURL, PortalURL: r.PortalURL}
	if tree {
		out.Indent = strings.Repeat("　", r.Depth)
	}
	if !r.Activity.IsZero() {
		out.Activity = r.Activity.In(workflow.ChinaTime).Format("2006-01-02 15:04")
	}
	if r.ReportURL != "" {
		out.Open, out.Confirmed = strconv.Itoa(r.Warnings-r.Confirmed), strconv.Itoa(r.Confirmed)
	}
	out.Due, out.Late = due(r, now)
	return out
}

// due says where a body stands against its deadline.
func due(r RowIn, now time.Time) (string, bool) {
	if !r.Published.IsZero() {
		late := -workflow.DaysLeft(r.Deadline, r.Published)
		if late > 0 {
			return fmt.Sprintf("逾期%d天发布", late), true
		}
		return "按期发布", false
	}
	days := workflow.DaysLeft(r.Deadline, now)
	switch {
	case days > 0:
		return fmt.Sprintf("还有%d天", days), false
	case days == 0:
		return "今天截止", false
	}
	return fmt.Sprintf("逾期%d天", -days), true
}

// with is the board's URL for q changed by f.
func (q Query) with(f func(*Query)) string {
	f(&q)
	v := url.Values{"year": {strconv.Itoa(q.Year)}}
	set := func(k, val string) {
		if val != "" {
			v.Set(k, val)
		}
	}
	set("state", q.State)
	set("q", q.Search)
	set("sort", q.Sort)
	if q.Desc {
		v.Set("desc", "1")
	}
	if q.Overdue {
		v.Set("overdue", "1")
	}
	if q.Errors {
		v.Set("errors", "1")
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	return paths.Board + "?" + v.Encode()
}

// ParseQuery reads the board's query string; defaultYear when absent.
func ParseQuery(v url.Values, defaultYear int) Query {
	q := Query{Year: defaultYear, State: v.Get("state"), Search: strings.TrimSpace(v.Get("q")), Sort: v.Get("sort"),
		Desc: v.Get("desc") == "1", Overdue: v.Get("overdue") == "1", Errors: v.Get("errors") == "1"}
	if y, err := strconv.Atoi(v.Get("year")); err == nil && y >= 2000 && y <= 2200 {
		q.Year = y
	}
	q.Page, _ = strconv.Atoi(v.Get("page"))
	if !slices.Contains([]string{"", "name", "state", "errors", "activity", "deadline"}, q.Sort) {
		q.Sort = ""
	}
	return q
}

// ariaSort is a column header's aria-sort.
func ariaSort(q Query, col string) string {
	switch {
	case q.Sort != col:
		return "none"
	case q.Desc:
		return "descending"
	}
	return "ascending"
}
