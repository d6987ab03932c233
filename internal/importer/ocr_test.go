package importer_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"nianbao/internal/importer"
)

// What OCR or a PDF-to-markdown tool makes of a report's tables.

// mdFragments writes each table row as a markdown row, and cuts the table
// into small tables of a few rows, each under a dummy header (| 列1 | 列2 |)
// and its |---| rule.
func mdFragments(rng *rand.Rand) func(string) []string {
	return func(l string) []string {
		cells := splitCells(l)
		if len(cells) < 2 {
			return []string{l}
		}
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		row := "| " + strings.Join(cells, " | ") + " |"
		if rng.IntN(3) != 0 {
			return []string{row}
		}
		head, rule := make([]string, len(cells)), make([]string, len(cells))
		for i := range cells {
			head[i], rule[i] = fmt.Sprintf("列%d", i+1), "---"
		}
		return []string{"", "| " + strings.Join(head, " | ") + " |", "|" + strings.Join(rule, "|") + "|", row}
	}
}

// labelsAfter moves a row's labels after its numbers.
func labelsAfter(l string) []string {
	cells := splitCells(l)
	var labels, nums []string
	for _, c := range cells {
		c = strings.TrimSpace(c)
		switch {
		case c == "":
		case strings.ContainsFunc(c, isHan):
			labels = append(labels, c)
		default:
			nums = append(nums, c)
		}
	}
	if len(nums) == 0 || len(labels) == 0 {
		return []string{l}
	}
	return []string{strings.Join(append(nums, labels...), " | ")}
}

// misread writes characters as OCR misreads them, and the short forms
// OCR'd tables print: 沭 as 沐, （六）其他处理 as (六) 其他.
func misread(s string, _ [6]int) string {
	r := strings.NewReplacer("沭", "沐", "（六）其他处理", "(六) 其他", "(六)其他处理", "(六) 其他", "本年新收", "本年新收 ", "结转下年度", "结转下年度 ")
	return r.Replace(s)
}

// renumberHeadings writes the section headings as markdown headings with
// Arabic or bracketed numbers: ## 3. 收到和处理…, **（四）政府信息公开…**.
func renumberHeadings(seed int) func(string, [6]int) string {
	return func(s string, h [6]int) string {
		lines := strings.Split(s, "\n")
		for j, at := range h {
			if at == 0 {
				continue
			}
			l := strings.TrimSpace(lines[at-1])
			_, rest, ok := strings.Cut(l, "、")
			if !ok {
				continue
			}
			switch (seed + j) % 3 {
			case 0:
				lines[at-1] = fmt.Sprintf("## %d. %s", j+1, rest)
			case 1:
				lines[at-1] = fmt.Sprintf("**（%s）%s**", string([]rune("一二三四五六")[j]), rest)
			default:
				lines[at-1] = fmt.Sprintf("### %d、%s", j+1, rest)
			}
		}
		return strings.Join(lines, "\n")
	}
}

// TestOCRShapes: each seed with its tables as OCR or markdown fragments,
// its labels after its numbers, or its characters misread: no cell wrong
// and unmarked; the share read exactly is logged.
func TestOCRShapes(t *testing.T) {
	shapes := []struct {
		name string
		fn   func(int) func(string, [6]int) string
	}{
		{"markdown fragments", func(seed int) func(string, [6]int) string {
			return inTables(mdFragments(rand.New(rand.NewPCG(uint64(seed), 3))))
		}},
		{"labels after numbers", func(int) func(string, [6]int) string { return inTables(labelsAfter) }},
		{"misread", func(int) func(string, [6]int) string { return misread }},
		{"headings renumbered in markdown", func(seed int) func(string, [6]int) string { return renumberHeadings(seed) }},
	}
	for _, sh := range shapes {
		total, exact := 0, 0
		for _, name := range seedNames {
			want := expected(t, name)
			clean := mustImport(t, readSeed(t, name))
			for seed := range 5 {
				text := sh.fn(seed)(readSeed(t, name), clean.Headings)
				res, err := importer.Import(text)
				if err != nil {
					t.Fatalf("%s %s/%d: %v", sh.name, name, seed, err)
				}
				checkSources(t, res.Text, res)
				wrong, ex, paths := wrongUnmarked(want, res)
				if wrong > 0 {
					t.Errorf("%s %s/%d: %d cells wrong and unmarked: %v", sh.name, name, seed, wrong, paths)
				}
				total += len(want.Values)
				exact += ex
			}
		}
		t.Logf("%s: %d of %d cells exact (%.1f%%)", sh.name, exact, total, 100*float64(exact)/float64(total))
	}
}
