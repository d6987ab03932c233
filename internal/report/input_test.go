package report_test

import (
	"errors"
	"strings"
	"testing"

	"nianbao/internal/report"
)

var (
	countCell  = report.T2021.Lookup("requests.granted.natural_person")
	amountCell = report.T2021.Lookup("active.fees.amount_wan")
)

func TestParseInput(t *testing.T) {
	tests := []struct {
		name   string
		cell   report.CellID
		in     string
		want   report.Value
		reason string // part of the refusal; empty when accepted
	}{
		{"plain", countCell, "2835", report.Num(2835), ""},
		{"zero", countCell, "0", report.Num(0), ""},
		{"blank", countCell, "", report.Value{}, ""},
		{"spaces only", countCell, "  \u3000 ", report.Value{}, ""},
		{"surrounding spaces", countCell, "  12\t", report.Num(12), ""},
		{"full-width digits", countCell, "２８３５", report.Num(2835), ""},
		{"full-width with ideographic space", countCell, "\u3000１２\u3000", report.Num(12), ""},
		{"thousands separator", countCell, "1,430,689", report.Num(1430689), ""},
		{"full-width separator", countCell, "1，430，689", report.Num(1430689), ""},
		{"leading zeros", countCell, "007", report.Num(7), ""},
		{"plus sign", countCell, "+5", report.Num(5), ""},
		{"zero fraction in count", countCell, "12.00", report.Num(12), ""},
		{"minus zero", countCell, "-0", report.Num(0), ""},
		{"negative", countCell, "-3", report.Value{}, "不能为负数"},
		{"full-width negative", countCell, "－３", report.Value{}, "不能为负数"},
		{"fraction in count", countCell, "1.5", report.Value{}, "整数"},
		{"letters", countCell, "abc", report.Value{}, "阿拉伯数字"},
		{"chinese numerals", countCell, "十二", report.Value{}, "阿拉伯数字"},
		{"digits and letters", countCell, "12a", report.Value{}, "阿拉伯数字"},
		{"slash", countCell, "/", report.Value{}, "请填0"},
		{"not applicable", countCell, "不适用", report.Value{}, "请填0"},
		{"inner space", countCell, "12 34", report.Value{}, "空格"},
		{"bad grouping", countCell, "12,34", report.Value{}, "千位分隔符"},
		{"just a dot", countCell, ".", report.Value{}, "阿拉伯数字"},
		{"two dots", amountCell, "1.2.3", report.Value{}, "小数点"},
		{"too large", countCell, "1000000000001", report.Value{}, "过大"},
		{"at the limit", countCell, "1000000000000", report.Num(1_000_000_000_000), ""},
		{"absurd", countCell, "99999999999999999999999", report.Value{}, "过大"},
		{"amount whole", amountCell, "0", report.Num(0), ""},
		{"amount 2 decimals", amountCell, "104.17", report.Num(1041700), ""},
		{"amount 4 decimals", amountCell, "120321.1863", report.Num(1203211863), ""},
		{"amount full-width point", amountCell, "１０４．１７", report.Num(1041700), ""},
		{"amount IME full stop", amountCell, "104。17", report.Num(1041700), ""},
		{"amount trailing zeros beyond 4", amountCell, "1.000000", report.Num(10000), ""},
		{"amount 5 decimals", amountCell, "1.23456", report.Value{}, "最多保留4位小数"},
		{"amount leading dot", amountCell, ".5", report.Num(5000), ""},
		{"amount negative", amountCell, "-1.5", report.Value{}, "不能为负数"},
		{"amount too large", amountCell, "1000000000000.0001", report.Value{}, "过大"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := report.T2021.ParseInput(tc.cell, tc.in)
			if tc.reason == "" {
				if err != nil || got != tc.want {
					t.Fatalf("ParseInput(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
				}
				return
			}
			var ie *report.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("ParseInput(%q) = %v, %v; want a refusal", tc.in, got, err)
			}
			if !strings.Contains(ie.Reason, tc.reason) || ie.Input != tc.in {
				t.Errorf("refusal %q for %q, want it to say %q", ie.Reason, ie.Input, tc.reason)
			}
			// The message names the row and the column.
			def := report.T2021.Cell(tc.cell)
			if !strings.Contains(err.Error(), def.Row.Label) || !strings.Contains(err.Error(), def.ColLabel) {
				t.Errorf("message %q does not name row %q and column %q", err, def.Row.Label, def.ColLabel)
			}
		})
	}
}

func TestFormatValue(t *testing.T) {
	tests := []struct {
		kind report.Kind
		v    report.Value
		want string
	}{
		{report.Count, report.Num(2835), "2835"},
		{report.Count, report.Value{}, ""},
		{report.Count, report.Value{State: report.NotApplicable}, "不适用"},
		{report.AmountWan, report.Num(1041700), "104.1700"},
		{report.AmountWan, report.Num(0), "0.0000"},
		{report.AmountWan, report.Num(1), "0.0001"},
	}
	for _, tc := range tests {
		if got := report.FormatValue(tc.kind, tc.v); got != tc.want {
			t.Errorf("FormatValue(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

// FuzzParseInput: no input panics, and whatever is accepted round-trips:
// printing it and reading it back gives the same value.
func FuzzParseInput(f *testing.F) {
	for _, s := range []string{"2835", "１,２３４", "104.17", "-3", "1.23456", "", "不适用", "1，430，689", "0.0001", "9999999999999"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, amount bool) {
		cell := countCell
		if amount {
			cell = amountCell
		}
		v, err := report.T2021.ParseInput(cell, in)
		if err != nil {
			return
		}
		def := report.T2021.Cell(cell)
		printed := report.FormatValue(def.Kind, v)
		back, err := report.T2021.ParseInput(cell, printed)
		if err != nil || back != v {
			t.Fatalf("%q → %v → %q → %v, %v", in, v, printed, back, err)
		}
		if v.State == report.Number && (v.N < 0 || (def.Kind == report.Count && v.N > report.MaxValue)) {
			t.Fatalf("%q accepted as out-of-range %v", in, v)
		}
	})
}
