package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"nianbao/internal/docx"
	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/sheet"
	"nianbao/views/document"
)

var renderCommand = command{
	name:  "render",
	usage: "--format pdf|html|docx|xlsx|csv 报告.json [-o 输出文件]",
	zh: "把一份报告（JSON）排成可发布的PDF，或一个不依赖其他文件的HTML页面，与网站发布的相同；" +
		"或官方版式的Word文档（docx），表格的Excel工作簿（xlsx）或CSV（每个单元格一行）。" +
		"不给 -o 时写到标准输出。参数有误或报告无法读取时退出码为2，无法排版或写入时为1。",
	en: "Typeset a report (JSON) as the publishable PDF, or as an HTML page that needs no other file, " +
		"the same as the app publishes; or as a Word document (docx) in the official layout, " +
		"its tables as an Excel workbook (xlsx) or as CSV (a line per cell). Without -o it writes to standard output. " +
		"Exit 2 for bad arguments or an unreadable report, 1 if it cannot be typeset or written.",
	run: runRender,
}

// exitFailed: render could not make or write its output.
const exitFailed = 1

func runRender(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	format := fs.String("format", "pdf", "输出格式：pdf、html、docx、xlsx 或 csv / output format: pdf, html, docx, xlsx or csv")
	out := fs.String("o", "", "输出文件，省略或为 - 时写到标准输出 / output file; standard output if omitted or -")
	files, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(files) != 1 {
		fmt.Fprintln(e.stderr, "nianbao render：需要且只需要一个报告文件 / exactly one report file is needed")
		fs.Usage()
		return exitUsage
	}
	if _, ok := writers[*format]; !ok {
		fmt.Fprintf(e.stderr, "nianbao render：不支持的格式“%s”，应为 pdf、html、docx、xlsx 或 csv / unknown format %q\n", *format, *format)
		return exitUsage
	}
	r, err := readReport(files[0])
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao render：", err)
		return exitUsage
	}
	doc, err := typeset(ctx, r, *format)
	if err != nil {
		fmt.Fprintf(e.stderr, "nianbao render：无法排版 %s：%v\n", files[0], err)
		return exitFailed
	}
	if *out == "" || *out == "-" {
		_, err = e.stdout.Write(doc)
	} else {
		err = writeFileAtomic(*out, doc)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "nianbao render：无法写入 %s：%v\n", *out, err)
		return exitFailed
	}
	return exitOK
}

// writers make each format, the same as the app offers for download.
var writers = map[string]func(context.Context, io.Writer, *report.Report) error{
	"pdf":  func(_ context.Context, w io.Writer, r *report.Report) error { return pdf.Render(r, w) },
	"html": document.WriteStandalone,
	"docx": func(_ context.Context, w io.Writer, r *report.Report) error { return docx.Write(w, r) },
	"xlsx": func(_ context.Context, w io.Writer, r *report.Report) error { return sheet.WriteReportXLSX(w, r) },
	"csv":  func(_ context.Context, w io.Writer, r *report.Report) error { return sheet.WriteReportCSV(w, r) },
}

// typeset makes the document the app publishes for the report.
func typeset(ctx context.Context, r *report.Report, format string) ([]byte, error) {
	var buf bytes.Buffer
	err := writers[format](ctx, &buf, r)
	return buf.Bytes(), err
}

// parseInterspersed parses flags before and after the positional
// arguments (nianbao render 报告.json -o 报告.pdf), which flag.Parse alone
// stops at; it returns the positional arguments.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, int, bool) {
	var pos []string
	for {
		if code, ok := parseFlags(fs, args); !ok {
			return nil, code, false
		}
		if fs.NArg() == 0 {
			return pos, exitOK, true
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// writeFileAtomic writes data to a temporary file beside path and renames
// it into place, so that a failure never leaves half a document.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".nianbao-render-*")
	if err != nil {
		return fmt.Errorf("目录 %s 不存在或不可写：%w", filepath.Dir(path), err)
	}
	defer os.Remove(tmp.Name()) // after the rename there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
