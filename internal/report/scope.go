package report

import "fmt"

// Scope says what a report covers: the body's own work (本机关, every
// report until the 2021 format's 汇总 reports), or, for a 汇总 report of a
// body with subordinate bodies, the sums of its parts' reports: 本级 (the
// government itself and its departments) or 本行政区域 (everything below:
// departments, lower governments, towns). What adds up into a summary is
// internal/rollup's to say; here is only the report's own mark of it.
type Scope string

const (
	// ScopeOwn is a body's own report (本机关): the zero value.
	ScopeOwn Scope = ""
	// ScopeLevel is a summary of the government and its departments (本级).
	ScopeLevel Scope = "level"
	// ScopeRegion is a summary of the whole region (本行政区域).
	ScopeRegion Scope = "region"
)

// The JSON values of "kind" (docs/report-json.md). A report without the key
// is its body's own.
const (
	KindOwnJSON     = "own"
	KindSummaryJSON = "summary"
	// ScopeOwnJSON is how ScopeOwn may be written (it is usually left out).
	ScopeOwnJSON = "own"
)

// Scopes lists the scopes in the order a form offers them.
var Scopes = []Scope{ScopeOwn, ScopeLevel, ScopeRegion}

// IsSummary reports whether the report is a 汇总 report.
func (s Scope) IsSummary() bool { return s == ScopeLevel || s == ScopeRegion }

// Label is the scope's Chinese name.
func (s Scope) Label() string {
	switch s {
	case ScopeLevel:
		return "本级"
	case ScopeRegion:
		return "本行政区域"
	}
	return "本机关"
}

// KindLabel is the report's kind in Chinese: 本机关 or 汇总.
func (s Scope) KindLabel() string {
	if s.IsSummary() {
		return "汇总"
	}
	return "本机关"
}

// ParseScope reads a scope as a form or the JSON writes it: "", "own",
// "level" or "region".
func ParseScope(v string) (Scope, bool) {
	switch v {
	case "", ScopeOwnJSON:
		return ScopeOwn, true
	case string(ScopeLevel), string(ScopeRegion):
		return Scope(v), true
	}
	return ScopeOwn, false
}

// kindScope reads the "kind" and "scope" members once both are known
// (either may be absent): a summary needs a scope, a scope of a summary
// needs no kind (it says so itself), a body's own report has no scope.
func (d *decoder) kindScope(root *node) error {
	kn, sn := root.get("kind"), root.get("scope")
	kind := ""
	if kn != nil {
		if kn.kind != 's' || (kn.str != KindOwnJSON && kn.str != KindSummaryJSON) {
			return kn.wrong("kind", fmt.Sprintf(`应为 "%s"（本机关）或 "%s"（汇总）`, KindOwnJSON, KindSummaryJSON))
		}
		kind = kn.str
	}
	scope := ScopeOwn
	if sn != nil {
		s, ok := ParseScope(sn.str)
		if sn.kind != 's' || !ok {
			return sn.wrong("scope", `应为 "level"（本级）或 "region"（本行政区域）`)
		}
		scope = s
	}
	switch {
	case kind == KindSummaryJSON && !scope.IsSummary():
		at := kn
		if sn != nil {
			at = sn
		}
		return at.wrong("scope", `汇总报告应写明汇总范围 "scope": "level"（本级）或 "region"（本行政区域）`)
	case kind == KindOwnJSON && scope.IsSummary():
		return sn.wrong("scope", `本机关报告没有汇总范围；汇总报告的 "kind" 应为 "summary"`)
	}
	d.rep.Scope = scope
	return nil
}
