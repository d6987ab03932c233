package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"nianbao/internal/importer"
	"nianbao/internal/org"
	"nianbao/internal/report"
)

var checkCommand = command{
	name:  "check",
	usage: "[--json] [--last-year 上年报告.json|上年报告.txt] [--draft] [--kind department|local_government|other] 报告.json|报告.txt",
	zh: "检查一份报告的勾稽关系和完整性，每行输出一条问题（级别、规则、说明）；有错误时退出码为1，没有为0，文件无法读取为2。" +
		"数字按报告所印检查，不重新计算合计。报告也可以是已发布报告的纯文本（.txt，或内容不以 { 开头）：先按 nianbao import 读入，" +
		"在标准错误输出识别出的格式和读取说明。给出上年报告（JSON或纯文本）时另作跨年度核对，包括正文是否照搬上年（W10）。" +
		"机关类别（--kind）决定“规章”一行可否填“不适用”（W12），不给时按报告的机关名称推断。",
	en: "Check a report's arithmetic and completeness, one finding per line (severity, rule, message); " +
		"exit 1 if there is any error, 0 if none, 2 if the file cannot be read. Totals are checked as printed. " +
		"The report may also be a published report's plain text (.txt, or content not starting with {): it is read as by " +
		"nianbao import first, with the format recognised and the reading notes on stderr. With last year's report (JSON or text) " +
		"the cross-year checks run too, among them text copied from last year (W10). The body's kind (--kind) decides whether " +
		"the 规章 row may be 不适用 (W12); without it the kind is guessed from the body's name in the report.",
	run: runCheck,
}

func runCheck(_ context.Context, e *env, fs *flag.FlagSet, args []string) int {
	asJSON := fs.Bool("json", false, "以JSON数组输出问题 / print the findings as a JSON array")
	lastYear := fs.String("last-year", "", "上年报告（JSON，或已发布报告的文本、网页、PDF、Word文件），用于跨年度核对和正文照搬上年的检查 / last year's report (JSON, or a published report's text, web page, PDF or Word file) for the cross-year warnings and W10")
	draft := fs.Bool("draft", false, "按草稿检查：未填写的单元格只作提醒 / check as a draft: blank cells are warnings, not errors")
	kindName := fs.String("kind", "", "机关类别：department（部门）、local_government（地方人民政府）、other（乡镇、街道等）；不给时按机关名称推断 / the body's kind; guessed from its name if not given")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	kind, known := org.ParseKind(*kindName)
	if *kindName != "" && !known {
		fmt.Fprintf(e.stderr, "nianbao check：机关类别“%s”不对，应为 department、local_government 或 other\n", *kindName)
		return exitUsage
	}
	r, res, err := readChecked(e, fs.Arg(0))
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao check：", err)
		return exitUsage
	}
	var last *report.Report
	if *lastYear != "" {
		if last, _, err = readChecked(e, *lastYear); err != nil {
			fmt.Fprintln(e.stderr, "nianbao check：", err)
			return exitUsage
		}
	}
	if problem := importer.LastYearMismatch(r, last); problem != "" {
		fmt.Fprintln(e.stderr, "nianbao check：", problem)
	}
	opt := importer.CheckOptions(r, res, !*draft, kind, last)
	findings := report.Check(r, opt)
	if *asJSON {
		printFindingsJSON(e, findings)
	} else {
		printFindings(e, findings)
	}
	if report.HasErrors(findings) {
		return exitFindings
	}
	return exitOK
}

// readReport reads a report file, naming the file in any error.
func readReport(path string) (*report.Report, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s：%w", path, err)
	}
	r, err := report.Decode(data)
	if err != nil {
		return nil, fmt.Errorf("%s %w", path, err)
	}
	return r, nil
}

// readChecked reads the report to check, or last year's: its JSON, or a
// published report's text, web page, PDF or Word file (importer.ReadGiven,
// as /check reads them), which is imported first with the recognised
// format and the reading notes written to stderr; res is nil for JSON.
func readChecked(e *env, path string) (*report.Report, *importer.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, fmt.Errorf("无法读取 %s：%w", path, err)
	}
	r, res, err := importer.ReadGiven(path, data)
	if err != nil {
		return nil, nil, fmt.Errorf("%s：%w", path, err)
	}
	if res != nil {
		printImportLog(e.stderr, res)
	}
	return r, res, nil
}

var severityZh = map[report.Severity]string{report.Error: "错误", report.Warning: "警告"}

func printFindings(e *env, fs []report.Finding) {
	errs, warns := 0, 0
	for _, f := range fs {
		fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", severityZh[f.Severity], f.Rule, f.Message)
		if f.Severity == report.Error {
			errs++
		} else {
			warns++
		}
	}
	if errs+warns == 0 {
		fmt.Fprintln(e.stderr, "未发现问题 / no findings")
		return
	}
	fmt.Fprintf(e.stderr, "共%d个错误、%d个警告 / %d errors, %d warnings\n", errs, warns, errs, warns)
}

func printFindingsJSON(e *env, fs []report.Finding) {
	if fs == nil {
		fs = []report.Finding{}
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(fs) // writing to stdout; nothing to do on failure
}
