package importer_test

import (
	"strings"
	"testing"
)

// TestSignatureOwnName: a last line after 六 that is the body's own name
// alone — as the page of a draft nianbao publishes ends, undated — is the
// signature, not a paragraph of 六 (which W10 would count as a sentence);
// another name there, or a name with more, stays in 六.
func TestSignatureOwnName(t *testing.T) {
	text := readSeed(t, "002")
	want := mustImport(t, text).Report.Narrative.Other
	for _, tc := range []struct {
		name, tail, other, signature string
	}{
		{"own name", "\n瑞安市人民政府办公室\n", want, "瑞安市人民政府办公室"},
		{"own name, spaced", "\n 瑞安市人民政府办公室 \n\n", want, "瑞安市人民政府办公室"},
		{"another body", "\n某市教育局\n", want + "\n某市教育局", ""},
		{"a sentence with the name", "\n瑞安市人民政府办公室将继续做好公开工作。\n", want + "\n瑞安市人民政府办公室将继续做好公开工作。", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := mustImport(t, strings.TrimRight(text, "\n")+tc.tail)
			if got := res.Report.Narrative.Other; got != tc.other {
				t.Errorf("六 reads %q, want %q", got, tc.other)
			}
			if res.Signature != tc.signature {
				t.Errorf("signature %q, want %q", res.Signature, tc.signature)
			}
		})
	}
}
