package editor_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"nianbao/internal/report"
	"nianbao/views/editor"
	"nianbao/views/layout"
)

func seed(t *testing.T, name string) *report.Report {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "internal", "report", "testdata", "seeds", name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	r, err := report.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func doc(t *testing.T, c templ.Component) *goquery.Document {
	t.Helper()
	var buf bytes.Buffer
	if err := c.Render(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	d, err := goquery.NewDocumentFromReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// brokenPage is seed 000 with one slip and one unreadable input.
func brokenPage(t *testing.T) *editor.Page {
	r := seed(t, "000")
	r.Values[report.T2021.Lookup("requests.granted.commercial")].N++
	r, refused := report.Apply(r, func(f string) (string, bool) {
		if f == "requests.granted.research" {
			return "abc", true
		}
		return "", false
	})
	return editor.NewPage(editor.Page{
		Frame: layout.Page{Title: "填报", CSRF: "tok"}, Org: r.Org, Year: r.Year, State: "草稿",
		SaveURL: "/reports/1/save", CheckURL: "/reports/1/check", BackURL: "/", Report: r, Version: 3,
		Refused: refused, Findings: report.Check(r, report.Options{}),
	})
}

// TestLiveCheckFragmentsTargetsExist: every out-of-band element of the live
// check's answer replaces an element of the page with the same id and tag.
func TestLiveCheckFragmentsTargetsExist(t *testing.T) {
	p := brokenPage(t)
	page := doc(t, editor.EditPage(p))
	resp := doc(t, editor.LiveCheckFragments(p))
	n := 0
	resp.Find("[hx-swap-oob]").Each(func(_ int, s *goquery.Selection) {
		n++
		id, _ := s.Attr("id")
		target := page.Find("#" + id)
		if target.Length() != 1 {
			t.Errorf("oob #%s: %d elements in the page", id, target.Length())
			return
		}
		if goquery.NodeName(target) != goquery.NodeName(s) {
			t.Errorf("oob #%s is a %s, the page has a %s", id, goquery.NodeName(s), goquery.NodeName(target))
		}
	})
	// base version, save state, notice, conflict, 34 totals, 166 marks,
	// the 5 text fields' length messages, findings
	if n != 4+34+166+5+1 {
		t.Errorf("%d oob elements", n)
	}
	if resp.Find("body > :not([hx-swap-oob])").Length() != 0 {
		t.Error("the response has elements that are not out-of-band")
	}
}

// TestEveryCellLabelled: every input and output of the form names its row
// and column, and every td's headers exist in its table.
func TestEveryCellLabelled(t *testing.T) {
	d := doc(t, editor.EditPage(brokenPage(t)))
	inputs := d.Find("table.grid input, table.grid output")
	if inputs.Length() != 200 {
		t.Fatalf("%d cells in the form, want 200", inputs.Length())
	}
	inputs.Each(func(_ int, s *goquery.Selection) {
		name, _ := s.Attr("name")
		if goquery.NodeName(s) == "output" {
			name = strings.ReplaceAll(strings.TrimPrefix(s.AttrOr("id", ""), "c-"), "-", ".")
		}
		def := report.T2021.Cell(report.T2021.Lookup(name))
		label := s.AttrOr("aria-label", "")
		if !strings.Contains(label, def.Row.Label) || !strings.Contains(label, def.ColLabel) {
			t.Errorf("%s: aria-label %q lacks its row or column", name, label)
		}
	})
	d.Find("table.grid").Each(func(_ int, tb *goquery.Selection) {
		tb.Find("td[headers]").Each(func(_ int, td *goquery.Selection) {
			for _, h := range strings.Fields(td.AttrOr("headers", "")) {
				if tb.Find("th#"+h).Length() != 1 {
					t.Errorf("td refers to missing th#%s", h)
				}
			}
		})
	})
}

// TestMarksAndFindings: the slip is the culprit, the unreadable input keeps
// its text and says why, and each finding links to a cell.
func TestMarksAndFindings(t *testing.T) {
	d := doc(t, editor.EditPage(brokenPage(t)))
	culprit := d.Find("#m-requests-granted-commercial")
	if culprit.AttrOr("data-state", "") != "culprit" || !strings.Contains(culprit.Text(), "应为21") {
		t.Errorf("culprit mark: state %q text %q", culprit.AttrOr("data-state", ""), culprit.Text())
	}
	bad := d.Find("#c-requests-granted-research")
	if bad.AttrOr("value", "") != "abc" || bad.AttrOr("aria-invalid", "") != "true" {
		t.Errorf("refused input: value %q aria-invalid %q", bad.AttrOr("value", ""), bad.AttrOr("aria-invalid", ""))
	}
	if m := d.Find("#m-requests-granted-research"); m.AttrOr("data-state", "") != "invalid" || !strings.Contains(m.Text(), "阿拉伯数字") {
		t.Errorf("refused mark: %q", m.Text())
	}
	items := d.Find("#findings li.finding")
	if items.Length() == 0 {
		t.Fatal("no findings listed")
	}
	items.Each(func(_ int, li *goquery.Selection) {
		target := li.Find("a").AttrOr("data-focus", "")
		if d.Find("#"+target).Length() != 1 {
			t.Errorf("finding %q links to missing #%s", li.Text(), target)
		}
	})
	if got := d.Find("#findings .summary").Text(); !strings.Contains(got, "个错误") {
		t.Errorf("summary %q", got)
	}
	if d.Find("#c-requests-granted-total").Text() != "1062" {
		t.Errorf("printed total shown as %q", d.Find("#c-requests-granted-total").Text())
	}
}

func BenchmarkLiveCheckFragments(b *testing.B) {
	t := &testing.T{}
	p := brokenPage(t)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := editor.LiveCheckFragments(p).Render(context.Background(), &buf); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes")
}
