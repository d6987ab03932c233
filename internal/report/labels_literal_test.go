package report_test

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"nianbao/internal/report"
)

// ordinal is the numbering a printed label starts with (一、 （三） 2.).
var ordinal = regexp.MustCompile(`^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|[0-9]+\.)`)

// templateLabels are the headings, row, group and column labels of both
// formats, each also without its numbering; labels shorter than four
// characters (总计, 规章, 其他) are ordinary words and left out.
func templateLabels() []string {
	seen := map[string]bool{}
	add := func(l string) {
		for _, s := range []string{l, ordinal.ReplaceAllString(l, "")} {
			if utf8.RuneCountInString(s) >= 4 {
				seen[s] = true
			}
		}
	}
	for _, t := range []*report.Template{report.T2021, report.T2019} {
		for _, s := range t.Sections {
			add(s.Heading)
		}
		for _, c := range t.Cells {
			add(c.Row.Label)
			add(c.ColLabel)
			for _, g := range append(slices.Clone(c.Row.Groups), c.ColGroups...) {
				add(g)
			}
		}
	}
	var out []string
	for l := range seen {
		out = append(out, l)
	}
	slices.Sort(out)
	return out
}

// literals returns the text a source file writes itself: a Go file's
// string literals, a templ file's lines that are not comments.
func literals(name string, src []byte) []string {
	if strings.HasSuffix(name, ".templ") {
		var out []string
		for _, line := range strings.Split(string(src), "\n") {
			if !strings.HasPrefix(strings.TrimSpace(line), "//") {
				out = append(out, line)
			}
		}
		return out
	}
	var s scanner.Scanner
	fset := token.NewFileSet()
	s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
	var out []string
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok == token.STRING {
			out = append(out, lit)
		}
	}
}

// labelsIn names the template labels that a file's literals contain.
func labelsIn(name string, src []byte, labels []string) []string {
	var found []string
	for _, lit := range literals(name, src) {
		for _, l := range labels {
			if strings.Contains(lit, l) {
				found = append(found, l)
			}
		}
	}
	return found
}

func TestLabelsIn(t *testing.T) {
	labels := templateLabels()
	tests := []struct {
		name, src string
		want      []string
	}{
		{"a.go", "package a\n// 一、总体情况 in a comment\nvar s = \"包括“一、总体情况”等\"\n", []string{"一、总体情况", "总体情况"}},
		{"a.go", "package a\nvar s = `现行有效件数`\n", []string{"现行有效件数"}},
		{"a.go", "package a\nvar s = report.T2021.Sections[0].Heading\n", nil},
		{"a.templ", "// 二、主动公开政府信息情况\n<p>{ s.Heading }</p>\n", nil},
		{"a.templ", "<p>“总计”列和“（七）总计”行</p>\n", []string{"（七）总计"}},
	}
	for _, tc := range tests {
		got := labelsIn(tc.name, []byte(tc.src), labels)
		slices.Sort(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("labelsIn(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestTemplateLabelsOnlyInTemplate holds the pages, handlers and the PDF to
// the template: none of them writes a row label or heading of its own, so
// the format has one source (internal/report).
func TestTemplateLabelsOnlyInTemplate(t *testing.T) {
	labels := templateLabels()
	for _, dir := range []string{"../../web", "../../views", "../pdf"} {
		err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name := d.Name()
			if !strings.HasSuffix(name, ".templ") && (!strings.HasSuffix(name, ".go") ||
				strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, "_templ.go")) {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			if found := labelsIn(name, src, labels); len(found) > 0 {
				t.Errorf("%s writes the template's labels %q itself; take them from internal/report", path, found)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
