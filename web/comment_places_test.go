package web_test

import (
	"regexp"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/web/paths"
)

// TestCommentPlacesNamedByRowAndColumn: the reviewer's comment form names
// each cell by its row and column in the template's Chinese (never a key),
// no two places of a section alike; the document's cells and paragraphs
// carry their places for the reviewer to click, and only for them.
func TestCommentPlacesNamedByRowAndColumn(t *testing.T) {
	a := newSubmittedApp(t)
	doc := a.reviewer.Get(t, paths.ReportView(a.report)).Doc(t)
	labels := map[string]string{}
	latin := regexp.MustCompile(`[A-Za-z_]`)
	doc.Find("#comment-at optgroup").Each(func(_ int, g *goquery.Selection) {
		seen := map[string]bool{}
		g.Find("option").Each(func(_ int, o *goquery.Selection) {
			v, label, name := o.AttrOr("value", ""), o.Text(), o.AttrOr("data-name", "")
			labels[v] = label
			if latin.MatchString(label) || latin.MatchString(name) || name == "" {
				t.Errorf("option %s is named %q / %q", v, label, name)
			}
			if seen[label] {
				t.Errorf("%s: two options read %q", g.AttrOr("label", ""), label)
			}
			seen[label] = true
		})
	})
	for place, want := range map[string]string{
		"cell:reviews.review.upheld":                     "行政复议 · 结果维持",
		"cell:reviews.litigation_after_review.corrected": "行政诉讼 复议后起诉 · 结果纠正",
		"cell:requests.granted.natural_person":           "（一）予以公开 · 自然人",
		"cell:active.rules.issued":                       "规章 · 本年制发件数",
		"cell:active.rules.in_force":                     "规章 · 现行有效件数",
	} {
		if labels[place] != want {
			t.Errorf("option %s reads %q, want %q", place, labels[place], want)
		}
	}
	if n := len(labels); n < 200 {
		t.Errorf("only %d places offered", n)
	}
	cells := doc.Find(".review-doc td[data-cell]").Length()
	if got := doc.Find(`.review-doc td[data-comment-at^="cell:"]`).Length(); got != cells || cells < 200 {
		t.Errorf("%d of %d document cells start a comment", got, cells)
	}
	if at, _ := doc.Find("#v-requests-granted-natural_person").Attr("data-comment-at"); at != "cell:requests.granted.natural_person" {
		t.Errorf("the cell's place %q", at)
	}
	if doc.Find(`.review-doc p[data-comment-at^="para:overview:"]`).Length() == 0 {
		t.Error("no paragraph of 总体情况 starts a comment")
	}
	if got := doc.Find("#comment-place").Text(); got != "意见针对：整个报告" {
		t.Errorf("the form's place %q", got)
	}
	at := a.reviewer.Get(t, paths.ReportView(a.report)+"?at=cell:requests.granted.natural_person").Doc(t)
	if got := at.Find("#comment-place").Text(); got != "意见针对：第三部分 （一）予以公开 × 自然人" {
		t.Errorf("?at= names the place %q", got)
	}
	if clerk := a.clerk.Get(t, paths.ReportView(a.report)).Doc(t); clerk.Find("[data-comment-at]").Length() != 0 {
		t.Error("the clerk, who may not comment, gets commentable cells")
	}
}
