package importer_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/extract"
	"nianbao/internal/importer"
	"nianbao/internal/report"
)

// importFile reads a file of testdata/real as the app does: extract, then
// import.
func importFile(t *testing.T, name string) (*extract.Document, *importer.Result) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "real", name))
	if err != nil {
		t.Fatal(err)
	}
	return readDoc(t, data)
}

// readDoc extracts and imports a file's bytes.
func readDoc(t *testing.T, data []byte) (*extract.Document, *importer.Result) {
	t.Helper()
	d, err := extract.Read(data)
	if err != nil {
		t.Fatal(err)
	}
	res, err := importer.ImportDocument(d)
	if err != nil {
		t.Fatal(err)
	}
	return d, res
}

// wantCells checks every cell of the report: the listed ones hold the
// value, every other one is blank (printed blank, or &nbsp;).
func wantCells(t *testing.T, r *report.Report, want map[string]int64) {
	t.Helper()
	tmpl := r.Template()
	for path := range want {
		if tmpl.Lookup(path) == report.NoCell {
			t.Fatalf("no cell %s", path)
		}
	}
	for id, def := range tmpl.Cells {
		got := r.Values[id]
		if n, ok := want[def.Path]; ok {
			if got != report.Num(n) {
				t.Errorf("%s = %s, want %d", def.Path, report.FormatValue(def.Kind, got), n)
			}
		} else if got.State != report.Blank {
			t.Errorf("%s = %s, want blank", def.Path, report.FormatValue(def.Kind, got))
		}
	}
}

// TestRealShanghai2019: the report inside a JavaScript string, 2019
// format, blank cells printed as &nbsp; (also a blank 总计 in a row with
// values: kept blank, the checker says so).
func TestRealShanghai2019(t *testing.T) {
	d, res := importFile(t, "shanghai-2019.js")
	sameLines(t, d, extract.ReadString(d.HTML()))
	r := res.Report
	if res.Format != report.Format2019 || r.Year != 2019 || r.Org != "上海市人民政府办公厅" {
		t.Errorf("format %s year %d org %q", res.Format, r.Year, r.Org)
	}
	for j, at := range res.Headings {
		if at == 0 {
			t.Errorf("heading %d not found", j+1)
		}
	}
	q := "requests."
	wantCells(t, r, map[string]int64{
		q + "new_received.natural_person": 821, q + "new_received.commercial": 35, q + "new_received.legal_services": 2, q + "new_received.other": 1, q + "new_received.total": 859,
		q + "carried_over.natural_person": 18, q + "carried_over.total": 18,
		q + "granted.natural_person": 258, q + "granted.commercial": 12, q + "granted.legal_services": 1, q + "granted.other": 1,
		q + "partly_granted.natural_person":            3,
		q + "withheld_state_secret.natural_person":     14,
		q + "withheld_internal_affairs.natural_person": 5,
		q + "withheld_process_info.natural_person":     3, q + "withheld_process_info.commercial": 1,
		q + "withheld_inquiry.natural_person": 10, q + "withheld_inquiry.commercial": 2,
		q + "unavailable_not_held.natural_person": 252, q + "unavailable_not_held.commercial": 12, q + "unavailable_not_held.legal_services": 1,
		q + "unavailable_needs_creation.natural_person": 44, q + "unavailable_needs_creation.commercial": 3,
		q + "unavailable_unclear.natural_person":    25,
		q + "not_processed_petition.natural_person": 148, q + "not_processed_petition.commercial": 1,
		q + "not_processed_duplicate.natural_person": 5, q + "not_processed_duplicate.commercial": 4,
		q + "handled_total.natural_person": 767, q + "handled_total.commercial": 35, q + "handled_total.legal_services": 2, q + "handled_total.other": 1, q + "handled_total.total": 805,
		q + "carried_forward.natural_person": 72, q + "carried_forward.total": 72,
		"reviews.review.upheld": 5, "reviews.review.pending": 2, "reviews.review.total": 7,
		"reviews.litigation_direct.upheld": 8, "reviews.litigation_direct.pending": 1, "reviews.litigation_direct.total": 9,
	})
	for _, n := range res.Notes {
		if n.Kind == importer.Unreadable || n.Kind == importer.Unsure {
			t.Errorf("note %s", n)
		}
	}
	if r.Legacy2019 == nil {
		t.Errorf("section 二 of the 2019 format not kept aside")
	}
}

// zeros lists the cells of rows of a table as 0, for expectations.
func zeros(table string, cols []string, rows ...string) map[string]int64 {
	m := map[string]int64{}
	for _, r := range rows {
		for _, c := range cols {
			m[table+"."+r+"."+c] = 0
		}
	}
	return m
}

var requestCols = []string{"natural_person", "commercial", "research", "public_interest", "legal_services", "other", "total"}

func merge(ms ...map[string]int64) map[string]int64 {
	out := map[string]int64{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

// activeZeros are section 二 of a 2021 report all 0 (规章 excepted when
// given).
func activeZeros(rules bool) map[string]int64 {
	m := map[string]int64{"active.normative_docs.issued": 0, "active.normative_docs.repealed": 0, "active.normative_docs.in_force": 0,
		"active.licensing.decisions": 0, "active.punishment.decisions": 0, "active.enforcement.decisions": 0, "active.fees.amount_wan": 0}
	if rules {
		m["active.rules.issued"], m["active.rules.repealed"], m["active.rules.in_force"] = 0, 0, 0
	}
	return m
}

// TestRealCrawledPages: the beginnings of four real published pages as a
// crawler keeps their text (each cut where the stored copy ends, inside
// section 三). Every cell they print is read as printed — blank cells
// blank, / as 不适用 — and what they do not print is not made up.
func TestRealCrawledPages(t *testing.T) {
	na := func(r *report.Report, path string) bool {
		return r.Values[r.Template().Lookup(path)].State == report.NotApplicable
	}
	t.Run("xian-tongji-2023: a cell a line, blank cells as lone |", func(t *testing.T) {
		_, res := importFile(t, "xian-tongji-2023.txt")
		r := res.Report
		for _, p := range []string{"active.rules.issued", "active.rules.repealed", "active.rules.in_force"} {
			if !na(r, p) {
				t.Errorf("%s not 不适用", p)
			}
		}
		want := merge(activeZeros(false), map[string]int64{"requests.new_received.total": 0, "requests.carried_over.total": 0})
		for id, def := range r.Template().Cells {
			if strings.HasPrefix(def.Path, "active.rules.") {
				continue
			}
			n, ok := want[def.Path]
			if got := r.Values[id]; ok && got != report.Num(n) || !ok && got.State != report.Blank {
				t.Errorf("%s = %s", def.Path, report.FormatValue(def.Kind, got))
			}
		}
	})
	t.Run("xuwen-2023: cells between |, blank cells empty", func(t *testing.T) {
		_, res := importFile(t, "xuwen-2023.txt")
		want := merge(activeZeros(true), map[string]int64{"active.normative_docs.issued": 3, "active.normative_docs.in_force": 101,
			"requests.new_received.natural_person": 0})
		for _, row := range []string{"new_received", "carried_over", "granted", "partly_granted", "withheld_state_secret", "withheld_law_prohibited",
			"withheld_security_stability", "withheld_third_party", "withheld_internal_affairs"} {
			want["requests."+row+".total"] = 0
		}
		wantCells(t, res.Report, want)
	})
	t.Run("changchun-tiyu-2023: markdown rows with padding cells", func(t *testing.T) {
		_, res := importFile(t, "changchun-tiyu-2023.txt")
		want := merge(activeZeros(true), zeros("requests", requestCols, "new_received", "carried_over"))
		want["requests.new_received.natural_person"], want["requests.new_received.total"] = 3, 3
		wantCells(t, res.Report, want)
	})
	t.Run("owenbabies-2019: 2019 format, the rows of （三） without labels", func(t *testing.T) {
		_, res := importFile(t, "owenbabies-2019.txt")
		if res.Format != report.Format2019 || res.Report.Legacy2019 == nil || !strings.Contains(string(res.Report.Legacy2019), "减4") {
			t.Errorf("format %s, legacy %s", res.Format, res.Report.Legacy2019)
		}
		wantCells(t, res.Report, zeros("requests", requestCols, "new_received", "carried_over", "granted", "partly_granted"))
		found := false
		for _, n := range res.Notes {
			found = found || n.Kind == importer.Unreadable && strings.Contains(n.Msg, "读到64个数")
		}
		if !found {
			t.Errorf("the 64 numbers after （三）不予公开 (8 rows have 56 cells) were not refused: %v", res.Notes)
		}
	})
}
