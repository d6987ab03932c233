package demo

import (
	"bytes"
	"context"
	"fmt"
	"time"

	"nianbao/internal/org"
	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
)

// The region of the demo: 示范市人民政府's office can build the city's 汇总
// report of ReportYear at once. Its bodies' reports are in every state a summary
// meets: published (the office, the police, the town), approved (market
// regulation), a draft (education: not counted), none at all (housing, a
// late body; the county). The police and market regulation each counted
// one 行政规范性文件 they issued jointly: the summary counts it once, with
// the reason (the joint-document case).
const (
	Police  = "示范市公安局"
	Market  = "示范市市场监督管理局"
	Housing = "示范市住房和城乡建设局"
)

// regionBody is one body of the region and its report of ReportYear.
type regionBody struct {
	name, parent string
	kind         org.Kind
	// state is how far its report has come (NotStarted: none); size
	// scales its numbers.
	state workflow.State
	size  int64
}

var region = []regionBody{
	{Office, City, org.Department, workflow.Published, 3},
	{Police, City, org.Department, workflow.Published, 5},
	{Market, City, org.Department, workflow.Approved, 4},
	{Housing, City, org.Department, workflow.NotStarted, 0},
	{Town, County, org.Other, workflow.Published, 1},
}

// JointDocs is how many 行政规范性文件 the police and market regulation
// issued jointly (each report counts them).
const JointDocs = 1

func seedRegion(ctx context.Context, st *store.Store, ids map[string]int64) error {
	for _, b := range region {
		if _, ok := ids[b.name]; !ok {
			created, err := st.CreateBody(ctx, store.Body{Name: b.name, ParentID: ids[b.parent], Kind: b.kind}, 0)
			if err != nil {
				return fmt.Errorf("demo region: %w", err)
			}
			ids[b.name] = created.ID
		}
		if b.state == workflow.NotStarted {
			continue
		}
		rec, err := st.CreateReport(ctx, ids[b.name], ReportYear, RegionReport(b.name, b.size), 0)
		if err != nil {
			return fmt.Errorf("demo region: %w", err)
		}
		if err := Advance(ctx, st, rec.ID, b.state); err != nil {
			return fmt.Errorf("demo region: %s: %w", b.name, err)
		}
	}
	return nil
}

// Counted are the bodies of the region whose reports a summary counts
// (approved or published).
var Counted = []string{Office, Police, Market, Town}

// RegionReportOf is the report the demo gives a body of the region.
func RegionReportOf(name string) *report.Report {
	for _, b := range region {
		if b.name == name {
			return RegionReport(name, b.size)
		}
	}
	return nil
}

// RegionReport is a complete, consistent report of a body of the demo
// region, its numbers scaled by size; the police's and market
// regulation's each count the documents issued jointly.
func RegionReport(org string, size int64) *report.Report {
	r := report.New(report.T2021)
	r.Org, r.Year, r.Title = org, ReportYear, report.DefaultTitle(org, ReportYear)
	r.Preface = "本报告依据《中华人民共和国政府信息公开条例》编制（演示数据）。"
	r.Narrative = report.Narrative{
		Overview: fmt.Sprintf("%s%d年坚持以公开为常态、不公开为例外，主动公开政府信息%d条。（演示数据）", org, ReportYear, 120*size),
		Problems: fmt.Sprintf("政策解读形式还不够丰富。%d年将加强图解、视频等多种形式的解读。（演示数据）", ReportYear+1),
		Other:    "本年度未收取信息处理费。",
	}
	set := func(path string, n int64) { r.Values[report.T2021.Lookup(path)] = report.Num(n) }
	docs := 1 + size
	if org == Police || org == Market {
		docs += JointDocs
	}
	for _, c := range []struct {
		path string
		n    int64
	}{
		{"active.rules.issued", 0}, {"active.rules.repealed", 0}, {"active.rules.in_force", 0},
		{"active.normative_docs.issued", docs}, {"active.normative_docs.repealed", 1}, {"active.normative_docs.in_force", 10 + docs},
		{"active.licensing.decisions", 100 * size}, {"active.punishment.decisions", 20 * size},
		{"active.enforcement.decisions", 3 * size}, {"active.fees.amount_wan", 0},
	} {
		set(c.path, c.n)
	}
	req := report.T2021.Table("requests")
	for ci := range 6 {
		col := req.Row("granted").Cells[ci]
		key := report.T2021.Cell(col).ColKey
		scale := size
		if ci > 0 {
			scale = size / 3
		}
		leaves := map[string]int64{"granted": 6 * scale, "partly_granted": 2 * scale, "withheld_third_party": scale,
			"unavailable_not_held": 2 * scale, "not_processed_duplicate": scale / 2, "other_misc": scale / 2}
		var handled int64
		for _, row := range req.Rows {
			if row.Leaf {
				set("requests."+row.Key+"."+key, leaves[row.Key])
				handled += leaves[row.Key]
			}
		}
		carried, forward := scale/2, scale/3
		set("requests.carried_over."+key, carried)
		set("requests.carried_forward."+key, forward)
		set("requests.new_received."+key, handled+forward-carried)
	}
	for _, g := range []string{"review", "litigation_direct", "litigation_after_review"} {
		set("reviews."+g+".upheld", size/2)
		set("reviews."+g+".corrected", size/4)
		set("reviews."+g+".other", 0)
		set("reviews."+g+".pending", size/5)
	}
	report.FillTotals(r)
	return r
}

// Advance takes a draft through review to the state to (submitted,
// approved or published, with its PDF), as its reviewer would.
func Advance(ctx context.Context, st *store.Store, id int64, to workflow.State) error {
	rec, err := st.Report(ctx, id)
	if err != nil {
		return err
	}
	steps := []store.StateChange{
		{From: rec.State, To: workflow.Submitted, Action: string(workflow.Submit), Submitted: true},
		{From: workflow.Submitted, To: workflow.Approved, Action: string(workflow.Approve), Reviewed: true},
		{From: workflow.Approved, To: workflow.Published, Action: string(workflow.Publish)},
	}
	for _, ch := range steps {
		ch.ReportID, ch.Version = id, rec.Version
		if ch.To == workflow.Published {
			if ch.Publication, err = freeze(rec, st.Now()); err != nil {
				return err
			}
		}
		if err := st.ChangeState(ctx, ch); err != nil {
			return err
		}
		if ch.To == to {
			return nil
		}
	}
	return fmt.Errorf("demo: cannot advance a report to %q", to)
}

// freeze is the report as published: its JSON with the publication block,
// and its PDF.
func freeze(rec *store.ReportRecord, now time.Time) (*store.Publication, error) {
	r := rec.Report.Clone()
	date := now.In(workflow.ChinaTime)
	r.Publication = &report.Publication{Revision: rec.Revision, Date: date.Format(time.DateOnly), Correction: rec.Correction}
	data, err := r.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := pdf.Render(r, &buf); err != nil {
		return nil, err
	}
	return &store.Publication{Data: data, PDF: buf.Bytes(), Correction: rec.Correction, PublishedAt: date.UTC()}, nil
}
