package report_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"nianbao/internal/report"
)

func TestDecodeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		path     string
		msg      string
	}{
		{"fraction in a count", "{\"format\": \"2021\",\n\"requests\": {\"granted\": {\"natural_person\": 1.5}}}", 2, "requests.granted.natural_person", "整数"},
		{"trailing comma", "{\"format\": \"2021\",\n\"requests\": {\"granted\": {\"natural_person\": 1,}}}", 2, "", "JSON格式错误"},
		{"unknown column", "{\n\"requests\": {\n\"granted\": {\n\"natural_persn\": 1}}}", 4, "requests.granted.natural_persn", "不认识的列"},
		{"unknown row", "{\n\"requests\": {\n\"grantd\": {}}}", 3, "requests.grantd", "不认识的行"},
		{"unknown key", "{\"format\": \"2021\",\n\n\"orgs\": \"x\"}", 3, "orgs", "不认识的键"},
		{"string count", "{\"reviews\": {\"review\": {\n\"upheld\": \"3\"}}}", 2, "reviews.review.upheld", "应为整数"},
		{"amount with 5 decimals", "{\"active\": {\"fees\": {\n\n\"amount_wan\": \"1.23456\"}}}", 3, "active.fees.amount_wan", "最多保留4位小数"},
		{"amount as words", "{\"active\": {\"fees\": {\"amount_wan\": \"一百万\"}}}", 1, "active.fees.amount_wan", "阿拉伯数字"},
		{"bad format", "{\"format\": \"2022\"}", 1, "format", "2021"},
		{"bad year", "{\"year\": \"2024\"}", 1, "year", "年份"},
		{"duplicate key", "{\"org\": \"a\",\n\"org\": \"b\"}", 2, "org", "重复"},
		{"not an object", "[1, 2]", 1, "", "JSON对象"},
		{"cut short", "{\"org\": \"a\",\n\"year\": 20", 2, "", "JSON"},
		{"empty file", "", 1, "", "不完整"},
		{"trailing data", "{}\n{}", 2, "", "多余"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := report.Decode([]byte(tc.in))
			var de *report.DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode = %v, want a DecodeError", err)
			}
			if de.Line != tc.line || de.Path != tc.path || !strings.Contains(de.Msg, tc.msg) {
				t.Errorf("got line %d, path %q, msg %q; want line %d, path %q, msg containing %q", de.Line, de.Path, de.Msg, tc.line, tc.path, tc.msg)
			}
		})
	}
}

// TestJSONStates: blank, 0, 不适用 and negative numbers stay distinct
// through a round trip, and so do the fee's decimals and a publication.
func TestJSONStates(t *testing.T) {
	r := report.New(report.T2021)
	r.Org, r.Year = "某县人民政府", 2025
	set(t, r, "requests.granted.natural_person", report.Num(0))
	set(t, r, "requests.granted.commercial", report.Value{State: report.NotApplicable})
	set(t, r, "requests.granted.research", report.Num(-2))
	set(t, r, "active.fees.amount_wan", report.Num(1041700))
	r.Publication = &report.Publication{Revision: 2, Date: "2026-01-20", Correction: "更正第三部分数字"}
	data, err := r.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"natural_person": 0,`, `"commercial": "不适用",`, `"research": -2,`, `"public_interest": null,`,
		`"amount_wan": "104.17"`, `"revision": 2`, `"correction": "更正第三部分数字"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	back, err := report.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	for id := range r.Values {
		if back.Values[id] != r.Values[id] {
			t.Errorf("%s: %v → %v", report.T2021.Cells[id].Path, r.Values[id], back.Values[id])
		}
	}
	if *back.Publication != *r.Publication || back.Org != r.Org || back.Year != r.Year {
		t.Errorf("front matter changed: %+v", back)
	}
}

// TestJSON2019: a report in the older format keeps other_unsplit and its
// raw section 二, and has no active table.
func TestJSON2019(t *testing.T) {
	in := `{"format": "2019", "org": "安丘经济开发区管委会", "year": 2020,
	 "requests": {"other_unsplit": {"natural_person": 0}}, "legacy2019": {"licensing": {"decisions": 3}}}`
	r, err := report.Decode([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := r.Get("requests.other_unsplit.natural_person"); !ok || v != report.Num(0) {
		t.Errorf("other_unsplit = %v, %v", v, ok)
	}
	if _, ok := r.Get("active.rules.issued"); ok {
		t.Error("a 2019 report has no 2021 section 二 cells")
	}
	out, _ := r.MarshalJSON()
	if strings.Contains(string(out), `"active"`) || !strings.Contains(string(out), `"decisions": 3`) {
		t.Errorf("2019 JSON: %s", out)
	}
	if _, err := report.Decode([]byte(`{"format": "2019", "requests": {"other_misc": {}}}`)); err == nil {
		t.Error("a 2019 report accepted the 2021 row other_misc")
	}
}

// FuzzTextRoundTrip: any text a clerk types survives MarshalJSON and
// Decode (invalid UTF-8 becomes U+FFFD, as in encoding/json), and the
// output is valid JSON that encoding/json reads the same way.
func FuzzTextRoundTrip(f *testing.F) {
	for _, s := range []string{"", "一、总体情况\n（一）", "\"quoted\" \\ back", "tab\tcr\r\x00\x1f", "\u2028\u2029", "𠮷😀", "\xff\xfe bad", "<b>&</b>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r := report.New(report.T2021)
		r.Narrative.Overview = s
		data, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(data) {
			t.Fatalf("invalid JSON for %q", s)
		}
		back, err := report.Decode(data)
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		want := strings.Map(func(r rune) rune { return r }, s) // each invalid byte → U+FFFD
		if back.Narrative.Overview != want {
			t.Fatalf("%q came back as %q", s, back.Narrative.Overview)
		}
		var std struct{ Narrative struct{ Overview string } }
		if err := json.Unmarshal(data, &std); err != nil || std.Narrative.Overview != want {
			t.Fatalf("encoding/json reads %q, %v", std.Narrative.Overview, err)
		}
	})
}

// FuzzDecode: no input makes Decode panic, and whatever it reads writes
// back to JSON that reads the same.
func FuzzDecode(f *testing.F) {
	for _, name := range seeds {
		data, _ := os.ReadFile(filepath.Join("testdata", "seeds", name+".json"))
		f.Add(data)
	}
	f.Add([]byte(`{"requests": {"granted": {"natural_person": "不适用", "total": null}}, "year": 0}`))
	f.Add([]byte(`{"narrative": {"other": "\ud83d\ude00\u00e9\\"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := report.Decode(data)
		if err != nil {
			return
		}
		out, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err := report.Decode(out)
		if err != nil {
			t.Fatalf("re-reading our own JSON: %v\n%s", err, out)
		}
		again, _ := back.MarshalJSON()
		if string(again) != string(out) {
			t.Fatalf("not stable:\n%s\n%s", out, again)
		}
	})
}
