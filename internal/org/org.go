// Package org knows what a reporting body is: its kind, and the legal
// deadline of its yearly report that the kind implies under 条例 第四十九条.
// It is pure: no I/O, no HTTP, no SQL.
package org

import (
	"fmt"
	"strings"
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

// MakesRules reports whether a body of kind k may make 规章. Under 立法法
// only 国务院部门 and the governments of 省 and 设区的市 do; of the kinds
// nianbao knows, only a 县级以上地方人民政府 may be one of them. The others —
// a department, a 乡镇, a 街道 — rightly print 不适用 in the 规章 row.
func (k Kind) MakesRules() bool { return k == LocalGovernment }

// KindOfName guesses a body's kind from its name, for a published report
// checked without its body (nianbao check, /check): a name ending in 乡,
// 镇 or 街道 (with or without 人民政府/办事处) or a 开发区's or 园区's
// 管委会 is Other; a government (…人民政府, or a bare place name such as
// 徐州市) is LocalGovernment; anything else (…局, …委员会,
// …人民政府办公室) is a Department.
func KindOfName(name string) Kind {
	full := strings.TrimSpace(name)
	if isZoneCommittee(full) {
		return Other
	}
	n := strings.TrimSuffix(strings.TrimSuffix(full, "人民政府"), "办事处")
	for _, suffix := range []string{"乡", "镇", "街道"} {
		if strings.HasSuffix(n, suffix) {
			return Other
		}
	}
	if strings.HasSuffix(full, "人民政府") {
		return LocalGovernment
	}
	for _, suffix := range []string{"省", "市", "县", "区", "自治州", "州", "盟", "旗"} {
		if strings.HasSuffix(n, suffix) {
			return LocalGovernment
		}
	}
	return Department
}

// isZoneCommittee reports whether name is a 开发区's, 园区's or 新区's
// 管委会: not a government, and no 规章.
func isZoneCommittee(name string) bool {
	if !strings.HasSuffix(name, "管委会") && !strings.HasSuffix(name, "管理委员会") {
		return false
	}
	for _, zone := range []string{"开发区", "园区", "新区", "高新区", "试验区", "示范区", "保税区", "合作区"} {
		if strings.Contains(name, zone) {
			return true
		}
	}
	return false
}
