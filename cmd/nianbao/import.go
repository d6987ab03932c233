package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/report"
)

var importCommand = command{
	name:  "import",
	usage: "[--json-notes] 报告.txt|.html|.pdf|.docx|.doc|.wps",
	zh: "读入一份已发布报告的文件（纯文本、保存的网页（UTF-8或GBK）、网页脚本中的报告、PDF、Word（.docx或Word 97–2003的.doc）或WPS文字的.wps，按内容识别；PDF用pdftotext读取，扫描件无法读取），把报告的JSON写到标准输出；" +
		"在标准错误输出识别出的格式（2021或2019年格式，及依据）和每条读取说明（第几行：读不出、已修补或需核对的内容）。" +
		"数字按原文读入，不重新计算合计。全部单元格都读入时退出码为0，有单元格未能读入（留空）时为1，文件无法读取或不像年度报告时为2。",
	en: "Read a published report's file (plain text, a saved web page in UTF-8 or GBK, a page's script holding the report, a PDF read with pdftotext — not a scan — a Word .docx or Word 97–2003 .doc, or a WPS Writer .wps, told apart by content) and write the report's JSON " +
		"to stdout; on stderr, the format recognised (2021 or 2019, and why) and every note with its line (what could not be read, " +
		"was repaired or should be checked). Numbers are kept as printed; totals are not recomputed. Exit 0 when every cell was read, " +
		"1 when some cells were left blank, 2 when the file cannot be read or is not an annual report.",
	run: runImport,
}

func runImport(_ context.Context, e *env, fs *flag.FlagSet, args []string) int {
	fs.Bool("json", true, "报告以JSON写到标准输出（默认如此；为与 report-json.md 的写法一致而接受）/ the report goes to stdout as JSON (always; accepted as docs/report-json.md writes it)")
	jsonNotes := fs.Bool("json-notes", false, "在标准错误输出以JSON写出读取记录（格式、说明、每格来源）/ write the reading log (format, notes, each cell's source) to stderr as JSON")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	res, err := importFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao import：", err)
		return exitUsage
	}
	out, err := res.Report.MarshalJSON()
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao import：", err)
		return exitUsage
	}
	if *jsonNotes {
		err = writeLogJSON(e.stderr, res)
	} else {
		printImportLog(e.stderr, res)
	}
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao import：", err)
		return exitUsage
	}
	if _, err := e.stdout.Write(out); err != nil {
		fmt.Fprintln(e.stderr, "nianbao import：", err)
		return exitUsage
	}
	if blankCells(res.Report) > 0 {
		return exitFindings
	}
	return exitOK
}

// importFile reads and imports a report's text, naming the file in any error.
func importFile(path string) (*importer.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法读取 %s：%w", path, err)
	}
	return importText(path, data)
}

// importText reads a report file of any kind extract knows (decided by
// its content) and imports it.
func importText(path string, data []byte) (*importer.Result, error) {
	doc, err := extract.Read(data)
	if err != nil {
		return nil, fmt.Errorf("%s：%w", path, err)
	}
	res, err := importer.ImportDocument(doc)
	if err != nil {
		return nil, fmt.Errorf("%s（读作%s）：%w", path, doc.Kind.Name(), err)
	}
	return res, nil
}

// printImportLog writes the recognised format and every note, one a line.
func printImportLog(w io.Writer, res *importer.Result) {
	if ev := res.Evidence; ev.Line > 0 {
		fmt.Fprintf(w, "识别为%s年格式，依据第%d行“%s” / recognised the %s format by “%s” on line %d\n",
			res.Format, ev.Line, ev.Label, res.Format, ev.Label, ev.Line)
	} else {
		fmt.Fprintf(w, "识别为%s年格式（表头中没有能区分格式的文字）/ recognised the %s format (no header told)\n", res.Format, res.Format)
	}
	for _, n := range res.Notes {
		fmt.Fprintln(w, n.String())
	}
	fmt.Fprintf(w, "共%d条读取说明 / %d notes\n", len(res.Notes), len(res.Notes))
}

func writeLogJSON(w io.Writer, res *importer.Result) error {
	data, err := res.LogJSON()
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// blankCells counts the cells the import left blank.
func blankCells(r *report.Report) int {
	n := 0
	for _, v := range r.Values {
		if v.State == report.Blank {
			n++
		}
	}
	return n
}
