package pdf

import (
	"bytes"
	"strings"
	"testing"

	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// TestNoNearlyEmptyLastPage: of the reports that, set on the body's line
// pitch, would end with a page of a few lines, the PDF takes those lines
// back onto the page before (on a pitch at most 5 % tighter); where no
// pitch would, the report is set as usual. Seed 002 with its section 六
// grown a sentence at a time gives both cases.
func TestNoNearlyEmptyLastPage(t *testing.T) {
	faces, err := loadFaces()
	if err != nil {
		t.Fatal(err)
	}
	taken, kept := 0, 0
	base := testenv.Seed(t, "002")
	for n := range 40 {
		r := base.Clone()
		r.Narrative.Set(report.NarrativeOther, r.Narrative.Other+strings.Repeat("本机关将继续做好政府信息公开工作。", n))
		doc := newDocument(r, faces[serif])
		usual, _ := layOut(doc, newMetrics(faces), mm(bodyLead))
		file, err := render(r, faces)
		if err != nil {
			t.Fatal(err)
		}
		pages := bytes.Count(file, []byte("/Type /Page\n"))
		if pages == 0 {
			pages = bytes.Count(file, []byte("/Type /Page")) - bytes.Count(file, []byte("/Type /Pages"))
		}
		nearlyEmpty := usual.y-marginTop < (pageBottom-marginTop)/5
		switch {
		case pages > usual.pdf.PageNo():
			t.Fatalf("+%d sentences: %d pages, more than the usual %d", n, pages, usual.pdf.PageNo())
		case pages < usual.pdf.PageNo():
			taken++
			if !nearlyEmpty {
				t.Errorf("+%d sentences: set tighter although the last page was not nearly empty", n)
			}
		case nearlyEmpty:
			kept++ // no pitch within 5 % takes the lines back
		}
	}
	if taken == 0 {
		t.Error("no case took a nearly empty last page back")
	}
	t.Logf("nearly empty last pages taken back: %d; left (too much to take back): %d", taken, kept)
}
