// Package org knows what a reporting body is: its kind, and the legal
// deadline of its yearly report that the kind implies under 条例 第四十九条.
// It is pure: no I/O, no HTTP, no SQL.
package org

import (
	"fmt"
	"time"

	"nianbao/internal/names"
)

// Kind is the kind of a reporting body.
type Kind string

const (
	// Department is a 县级以上人民政府部门: report due 31 January.
	Department Kind = "department"
	// LocalGovernment is a 县级以上地方人民政府 (its own report, which also
	// sums up its departments'): due 31 March.
	LocalGovernment Kind = "local_government"
	// Other is any other body, e.g. a 乡镇人民政府 or 街道办事处: the
	// deadline is set per body, 31 January unless set otherwise.
	Other Kind = "other"
)

// Kinds lists every kind, in the order a form offers them.
var Kinds = []Kind{Department, LocalGovernment, Other}

// ParseKind returns the kind named s, or false.
func ParseKind(s string) (Kind, bool) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, true
		}
	}
	return "", false
}

// Label is the kind in Chinese.
func (k Kind) Label() string {
	switch k {
	case Department:
		return "县级以上人民政府部门"
	case LocalGovernment:
		return "县级以上地方人民政府"
	case Other:
		return "其他（如乡镇、街道）"
	}
	return string(k)
}

// DefaultDeadline is the month and day, in the year after the report year,
// by which a body of kind k must publish its report.
func DefaultDeadline(k Kind) (time.Month, int) {
	if k == LocalGovernment {
		return time.March, 31
	}
	return time.January, 31
}

// Deadline is the date by which the report for year must be published: the
// override (month, day) when both are set, else the kind's default, in the
// following year.
func Deadline(k Kind, year int, month time.Month, day int) time.Time {
	if month == 0 || day == 0 {
		month, day = DefaultDeadline(k)
	}
	return time.Date(year+1, month, day, 0, 0, 0, 0, time.UTC)
}

// DeadlineLabel says the deadline in words, e.g. 次年3月31日.
func DeadlineLabel(k Kind, month time.Month, day int) string {
	if month == 0 || day == 0 {
		month, day = DefaultDeadline(k)
	}
	return fmt.Sprintf("次年%d月%d日", int(month), day)
}

// ValidDeadline reports whether month/day is a date that exists in every
// year (29 February is refused).
func ValidDeadline(month, day int) bool {
	if month < 1 || month > 12 || day < 1 {
		return false
	}
	return day <= time.Date(2023, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// MaxName is the length of a body's name, in characters: the longest
// official names (…人民政府办公室政务公开科) are well under it.
const MaxName = 100

// NameProblem says in Chinese what is wrong with a body's name, or "":
// required, at most MaxName characters, nothing invisible or
// direction-changing (names.Problem) — a body's name is printed on its
// report and chosen from lists.
func NameProblem(name string) string {
	return names.Problem("机关名称", name, MaxName)
}
