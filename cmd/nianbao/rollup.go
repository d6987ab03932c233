package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"nianbao/internal/auth"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/sheet"
	"nianbao/internal/store"
)

var rollupCommand = command{
	name: "rollup",
	usage: "[--scope level|region] [--org 名称] [--year 年度] [-o 汇总.json] 报告1.json 报告2.json …\n" +
		"       nianbao rollup --body 机关编号或名称 --year 年度 [--db data/nianbao.db] [--scope level|region] [-o 汇总.json] [--xlsx 汇总.xlsx]",
	zh: "把几份报告（JSON）逐格相加，写出汇总报告的JSON（不给 -o 时写到标准输出），供还没有在系统中填报的单位离线汇总；" +
		"或用 --body 从数据库汇总一个机关本级（level）或本行政区域（region）内已审核、已发布的报告，并列出未计入的单位。" +
		"空白不按0计：某份报告空白的单元格，汇总后也是空白，标准错误输出逐格说明是哪份报告未填；“不适用”按0计入。" +
		"--xlsx 另写一个电子表格：每张表一页（官方格式），另有“各单位”一页逐个单位列出状态、是否计入和各格数字。" +
		"有无法汇总的单元格时退出码为1，参数有误或报告无法读取时为2。",
	en: "Add reports (JSON) cell by cell and write the summary's JSON (to standard output without -o), for offices whose " +
		"bodies are not yet in nianbao; or, with --body, sum the approved and published reports of a body's level (本级) or " +
		"region (本行政区域) from the database and list the bodies not counted. A blank is not 0: a cell blank in any report " +
		"is blank in the sum, and stderr says which report left it blank; 不适用 counts as 0. Exit 1 if some cells could not be " +
		"summed; --xlsx also writes a workbook (a sheet per table in the official layout, and a sheet with a row per body: its " +
		"state, whether it counts, its numbers). Exit 1 if some cells could not be summed, 2 for bad arguments or an unreadable report.",
	run: runRollup,
}

type rollupFlags struct {
	scope, org, out, body, db, xlsx *string
	year                            *int
}

func runRollup(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	f := rollupFlags{
		scope: fs.String("scope", "", "汇总范围：level（本级）或 region（本行政区域，默认）/ scope: level or region (default)"),
		org:   fs.String("org", "", "汇总报告的机关名称 / the summarising body's name"),
		year:  fs.Int("year", 0, "年度（离线时默认取各报告的年度）/ the year (offline: the reports' year)"),
		out:   fs.String("o", "", "输出文件，省略或为 - 时写到标准输出 / output file; standard output if omitted or -"),
		body:  fs.String("body", "", "从数据库汇总：机关编号或名称 / sum from the database: the body's id or name"),
		db:    fs.String("db", envOr(e, "NIANBAO_DB", defaultDB), "数据库文件（与 --body 一起用）/ database file (with --body)"),
		xlsx:  fs.String("xlsx", "", "另写电子表格（与 --body 一起用）/ also write the workbook (with --body)"),
	}
	files, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	scope, ok := report.ParseScope(*f.scope)
	if *f.scope == "" {
		scope, ok = report.ScopeRegion, true
	}
	if !ok || !scope.IsSummary() {
		fmt.Fprintf(e.stderr, "nianbao rollup：汇总范围应为 level（本级）或 region（本行政区域），不是“%s” / --scope is level or region\n", *f.scope)
		return exitUsage
	}
	var res *rollupResult
	var err error
	switch {
	case *f.body != "" && len(files) == 0:
		res, err = rollupFromDB(ctx, f, scope, *f.scope != "")
	case *f.body == "" && len(files) > 0:
		res, err = rollupFiles(files, f, scope)
	default:
		fmt.Fprintln(e.stderr, "nianbao rollup：请给出要汇总的报告文件，或用 --body 从数据库汇总（二者不能同时） / give report files, or --body, not both")
		fs.Usage()
		return exitUsage
	}
	if err == nil && *f.xlsx != "" && res.matrix == nil {
		err = errors.New("--xlsx 需要 --body：逐个单位的状态和计入情况只有数据库里才有 / --xlsx needs --body")
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao rollup：", err)
		return exitUsage
	}
	return writeRollup(e, res, *f.out, *f.xlsx)
}

// rollupResult is a summary made on the command line: the report with the
// sums, what they are made of, and who is not counted.
type rollupResult struct {
	summary *report.Report
	sum     *rollup.Sum
	missing []rollup.Entry
	inScope int
	// matrix is the row per body of a roll-up from the database (nil for files).
	matrix *rollup.Matrix
}

// rollupFiles sums report files; each part is named by its body (org) and
// file.
func rollupFiles(files []string, f rollupFlags, scope report.Scope) (*rollupResult, error) {
	var parts []rollup.Part
	year := *f.year
	for _, path := range files {
		r, err := readReport(path)
		if err != nil {
			return nil, err
		}
		if r.Format != report.Format2021 {
			return nil, fmt.Errorf("%s 是%s年格式的报告，不能与2021年格式的报告逐格汇总", path, r.Format)
		}
		if *f.year == 0 && year != 0 && r.Year != year {
			return nil, fmt.Errorf("%s 是%d年度的报告，其他报告是%d年度的；请用 --year 指定年度", path, r.Year, year)
		}
		if year == 0 {
			year = r.Year
		}
		name := filepath.Base(path)
		if r.Org != "" {
			name += "（" + r.Org + "）"
		}
		parts = append(parts, rollup.Part{Name: name, Cells: rollup.Encode(r.Values)})
	}
	sum, err := rollup.Add(report.T2021, parts)
	if err != nil {
		return nil, err
	}
	org := *f.org
	if org == "" {
		org = "汇总"
	}
	return &rollupResult{summary: rollup.Summary(org, year, scope, sum), sum: sum, inScope: len(parts)}, nil
}

// rollupFromDB sums a body's scope from the database; without --scope, the
// scope of the body's own 汇总 report of the year, if it has one.
func rollupFromDB(ctx context.Context, f rollupFlags, scope report.Scope, scopeGiven bool) (*rollupResult, error) {
	if *f.year == 0 {
		return nil, errors.New("从数据库汇总需要 --year / --body needs --year")
	}
	st, err := store.Open(ctx, *f.db)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	id, err := findBody(ctx, st, *f.body, auth.Clerk, "") // never creates a body
	if err != nil {
		return nil, err
	}
	b, err := st.Body(ctx, id)
	if err != nil {
		return nil, err
	}
	if own, err := st.ReportByBodyYear(ctx, b.ID, *f.year); err == nil && own.Report.Scope.IsSummary() && !scopeGiven {
		scope = own.Report.Scope
	}
	members, err := st.RegionMembers(ctx, b.ID, *f.year)
	if err != nil {
		return nil, err
	}
	cov, sum, err := rollup.Take(members, b.ID, scope)
	if err != nil {
		return nil, err
	}
	org := *f.org
	if org == "" {
		org = b.Name
	}
	m, err := rollup.NewMatrix(cov, sum)
	if err != nil {
		return nil, err
	}
	return &rollupResult{summary: rollup.Summary(org, *f.year, scope, sum), sum: sum, missing: cov.Missing(),
		inScope: len(cov.Entries), matrix: m}, nil
}

// writeRollup writes the summary and says on stderr what it is made of
// and which cells it could not sum, and why.
func writeRollup(e *env, res *rollupResult, out, xlsx string) int {
	data, err := res.summary.MarshalJSON()
	if err == nil {
		if out == "" || out == "-" {
			_, err = e.stdout.Write(data)
		} else {
			err = writeFileAtomic(out, data)
		}
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "nianbao rollup：无法写入 %s：%v\n", out, err)
		return exitFailed
	}
	if xlsx != "" {
		var buf bytes.Buffer
		err := sheet.WriteRollupXLSX(&buf, res.summary, res.matrix)
		if err == nil {
			err = writeFileAtomic(xlsx, buf.Bytes())
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "nianbao rollup：无法写入 %s：%v\n", xlsx, err)
			return exitFailed
		}
	}
	printCoverage(e.stderr, res)
	unsummed := res.sum.Unsummed()
	for _, u := range unsummed {
		fmt.Fprintf(e.stderr, "%s：无法汇总，%s未填（空白不按0计）/ cannot be summed: blank in %d report(s)\n",
			report.T2021.Cell(u.Cell).Name(), strings.Join(u.Blank, "、"), len(u.Blank))
	}
	for id := range res.sum.Values {
		if na := res.sum.NotApplicableIn(report.CellID(id)); len(na) > 0 {
			fmt.Fprintf(e.stderr, "%s：%s填的是“不适用”，按0计入 / 不适用 counted as 0\n", report.T2021.Cell(report.CellID(id)).Name(), strings.Join(na, "、"))
		}
	}
	if len(unsummed) > 0 {
		fmt.Fprintf(e.stderr, "共%d个单元格无法汇总 / %d cells could not be summed\n", len(unsummed), len(unsummed))
		return exitFindings
	}
	return exitOK
}

func printCoverage(w io.Writer, res *rollupResult) {
	fmt.Fprintf(w, "%s：汇总%d份报告（%s范围内%d个单位）/ %d reports summed\n", res.summary.Org, len(res.sum.Parts),
		res.summary.Scope.Label(), res.inScope, len(res.sum.Parts))
	for _, m := range res.missing {
		fmt.Fprintf(w, "未计入 / not counted：%s（%s）\n", m.Name, m.State.Label())
	}
}
