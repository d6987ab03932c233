package report_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"nianbao/internal/report"
)

// TestScopeJSON: a summary's kind and scope go through its JSON; a body's
// own report is written as before (no kind, no scope), and reports without
// them read as the body's own.
func TestScopeJSON(t *testing.T) {
	r, data := loadSeed(t, "002")
	if r.Scope != report.ScopeOwn || bytes.Contains(data, []byte(`"kind"`)) {
		t.Fatalf("seed: scope %q", r.Scope)
	}
	own, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(own, []byte(`"kind"`)) || bytes.Contains(own, []byte(`"scope"`)) {
		t.Error("a body's own report is written with kind or scope")
	}
	for _, sc := range []report.Scope{report.ScopeLevel, report.ScopeRegion} {
		r.Scope = sc
		out, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(out, []byte(`"kind": "summary",`+"\n"+`  "scope": "`+string(sc)+`"`)) {
			t.Errorf("%s: %.200s", sc, out)
		}
		back, err := report.Decode(out)
		if err != nil {
			t.Fatal(err)
		}
		if back.Scope != sc || back.Scope.KindLabel() != "汇总" {
			t.Errorf("read back %q", back.Scope)
		}
	}
	for in, want := range map[string]report.Scope{
		`{"kind": "own"}`:                       report.ScopeOwn,
		`{"kind": "own", "scope": "own"}`:       report.ScopeOwn,
		`{"scope": "region"}`:                   report.ScopeRegion,
		`{"scope": "level", "kind": "summary"}`: report.ScopeLevel,
	} {
		got, err := report.Decode([]byte(in))
		if err != nil || got.Scope != want {
			t.Errorf("%s: %v %q, want %q", in, err, got.Scope, want)
		}
	}
}

func TestScopeJSONErrors(t *testing.T) {
	tests := []struct{ in, path, msg string }{
		{`{"kind": "summary"}`, "scope", "汇总范围"},
		{`{"kind": "own", "scope": "region"}`, "scope", "本机关报告没有汇总范围"},
		{`{"kind": "汇总"}`, "kind", "summary"},
		{`{"scope": "city"}`, "scope", "region"},
		{`{"scope": 2}`, "scope", "level"},
	}
	for _, tc := range tests {
		_, err := report.Decode([]byte(tc.in))
		var de *report.DecodeError
		if !errors.As(err, &de) || de.Path != tc.path || !strings.Contains(de.Msg, tc.msg) {
			t.Errorf("%s: %v, want %s: …%s…", tc.in, err, tc.path, tc.msg)
		}
	}
}
