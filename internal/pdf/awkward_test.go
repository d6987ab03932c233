package pdf_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/pdf"
	"nianbao/internal/report"
	"nianbao/internal/testenv"
)

// TestPDFAwkwardText: whatever a clerk types renders to a valid PDF, and
// what cannot be drawn shows as 〓 while the rest survives.
func TestPDFAwkwardText(t *testing.T) {
	ascii := strings.Repeat("A1b2", 500)
	var scattered strings.Builder
	for r := rune(0x4E00); r < 0x6000; r += 3 {
		scattered.WriteRune(r)
	}
	tests := []struct {
		name  string
		edit  func(r *report.Report)
		wants []string // stripped text that must come back
	}{
		{"characters beyond U+FFFF", func(r *report.Report) {
			r.Org, r.Year = "𠮷野市人民政府", 2024
			r.Narrative.Overview = "𠮷田先生与𩸽鱼、𪚥字都在名单里。"
		}, []string{"〓野市人民政府2024年", "〓田先生与〓鱼、〓字都在名单里。"}},
		{"emoji", func(r *report.Report) {
			r.Narrative.Problems = "工作顺利😀👍🏽✅☺️🇨🇳完毕"
		}, []string{"工作顺利", "完毕"}},
		{"2000-character ASCII run", func(r *report.Report) {
			r.Narrative.Overview = "链接：" + ascii + "。"
		}, []string{ascii}},
		{"control characters", func(r *report.Report) {
			r.Narrative.Overview = "\x00\x01\x07\x1b[31m红色\x7f\u200b\ufeff文本\r\n第二段\t制表\u2028段落"
		}, []string{"[31m红色文本", "第二段制表"}},
		{"invalid UTF-8", func(r *report.Report) {
			r.Narrative.Other = "前\xff\xfe后"
		}, []string{"前〓〓后"}},
		{"lines starting and ending with punctuation", func(r *report.Report) {
			r.Narrative.Overview = strings.Repeat("，。、；：？！）》”’」』…开头", 8) + "\n" + strings.Repeat("结尾（《“‘「『", 10)
		}, []string{"，。、；：？！）》”’」』…开头"}},
		{"empty narrative", func(r *report.Report) {
			r.Narrative = report.Narrative{}
			r.Preface, r.Title = "", ""
		}, nil},
		{"only white space", func(r *report.Report) {
			r.Narrative.Overview, r.Preface = " \n\n\t　\n ", "\n"
		}, nil},
		{"very long title", func(r *report.Report) {
			r.Title = strings.Repeat("很长的机关名称", 30)
		}, []string{strings.Repeat("很长的机关名称", 30)}},
		{"many distinct characters", func(r *report.Report) {
			r.Narrative.Overview = scattered.String()
		}, []string{scattered.String()[:300]}},
		{"huge and not-applicable values", func(r *report.Report) {
			for i := range r.Values {
				r.Values[i] = report.Num(report.MaxValue)
				if i%3 == 0 {
					r.Values[i] = report.Value{State: report.NotApplicable}
				}
			}
		}, []string{"1000000000000", report.NotApplicableJSON}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := loadSeed(t, "002")
			tt.edit(r)
			path := renderFile(t, r, "awkward")
			if pageCount(t, path) < 1 {
				t.Fatal("no pages")
			}
			got := strip(text(t, path, "-raw"))
			if info := testenv.RunPoppler(t, "pdfinfo", path); !strings.Contains(info, "Title:           "+strings.TrimSpace(r.DisplayTitle())) {
				t.Errorf("the document properties do not keep the exact title %q:\n%s", r.DisplayTitle(), info)
			}
			for _, w := range tt.wants {
				if !strings.Contains(got, strip(w)) {
					t.Errorf("%.60q… not in the text", strip(w))
				}
			}
		})
	}
}

// TestPDFEmptyReport: a report with nothing filled in (every cell blank, no
// body, no year) still renders the headings and empty tables.
func TestPDFEmptyReport(t *testing.T) {
	r := report.New(report.T2021)
	path := renderFile(t, r, "empty")
	got := strip(text(t, path, "-raw"))
	for _, s := range r.Template().Sections {
		if !strings.Contains(got, s.Heading) {
			t.Errorf("heading %s missing", s.Heading)
		}
	}
	for _, tb := range r.Template().Tables {
		if tok, ok := inOrder(got, gridTokens(r, tb)); !ok {
			t.Errorf("%s: label %q missing", tb.Key, tok)
		}
	}
}

// TestPDFPublication: a corrected revision prints its revision under the
// title, its 更正说明, and ends with the 落款 — the body's name and the
// date of publication, after the last section — as the official template
// does; it is dated in its properties.
func TestPDFPublication(t *testing.T) {
	r := loadSeed(t, "004")
	r.Publication = &report.Publication{Revision: 2, Date: "2024-03-05", Correction: "第三部分（一）予以公开的自然人数字有误，已更正。\n其余内容不变。"}
	path := renderFile(t, r, "revision2")
	got := strip(text(t, path, ""))
	for _, w := range []string{"第2版", report.CorrectionHeading, "第三部分（一）予以公开的自然人数字有误，已更正。", "其余内容不变。"} {
		if !strings.Contains(got, strip(w)) {
			t.Errorf("%q not in the text", w)
		}
	}
	if head := got[:strings.Index(got, strip(report.CorrectionHeading))]; strings.Contains(head, "发布") {
		t.Error("the date of publication is still printed under the title")
	}
	last := r.Narrative.Text(report.NarrativeOther)
	tail := got[strings.LastIndex(got, strip(last[len(last)-min(len(last), 12):])):]
	if want := strip(r.Org) + "2024年3月5日"; !strings.Contains(tail, want) {
		t.Errorf("the text does not end with the 落款 %q: …%s", want, tail)
	}
	if info := testenv.RunPoppler(t, "pdfinfo", path); !strings.Contains(info, "Mar  5") || !strings.Contains(info, "2024") {
		t.Errorf("creation date is not the publication date:\n%s", info)
	}
}

// TestPDFPageImages renders every page of every seed to PNG in the artifact
// folder, for a person to look at.
func TestPDFPageImages(t *testing.T) {
	for _, name := range seeds {
		t.Run(name, func(t *testing.T) {
			path := renderFile(t, loadSeed(t, name), name)
			prefix := filepath.Join(filepath.Dir(path), name)
			testenv.RunPoppler(t, "pdftoppm", "-r", "60", "-png", path, prefix)
			pngs, _ := filepath.Glob(prefix + "-*.png")
			if n := pageCount(t, path); len(pngs) != n {
				t.Errorf("%d page images for %d pages", len(pngs), n)
			}
		})
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestRenderWriteError: a failing writer is reported, wrapped.
func TestRenderWriteError(t *testing.T) {
	err := pdf.Render(report.New(report.T2021), failingWriter{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("got %v, want the write error", err)
	}
}

// TestRenderDeterministic: the same published report gives the same bytes,
// so a published PDF can be cached and compared.
func TestRenderDeterministic(t *testing.T) {
	r := loadSeed(t, "003")
	r.Publication = &report.Publication{Revision: 1, Date: "2023-01-20"}
	var a, b bytes.Buffer
	if err := pdf.Render(r, &a); err != nil {
		t.Fatal(err)
	}
	if err := pdf.Render(r, &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		_ = os.WriteFile(filepath.Join(testenv.ArtifactDir(t), "a.pdf"), a.Bytes(), 0o644)
		_ = os.WriteFile(filepath.Join(testenv.ArtifactDir(t), "b.pdf"), b.Bytes(), 0o644)
		t.Error("two renderings differ")
	}
}

// TestRenderConcurrent: documents rendered at once share the parsed fonts
// safely (run with -race) and come out the same as one at a time.
func TestRenderConcurrent(t *testing.T) {
	r := loadSeed(t, "004")
	r.Publication = &report.Publication{Revision: 1, Date: "2022-01-20"}
	var want bytes.Buffer
	if err := pdf.Render(r, &want); err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 4)
	for range 4 {
		go func() {
			var got bytes.Buffer
			err := pdf.Render(r, &got)
			if err == nil && !bytes.Equal(got.Bytes(), want.Bytes()) {
				err = errors.New("a concurrent rendering differs")
			}
			errs <- err
		}()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
