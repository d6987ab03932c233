package rollup

import (
	"slices"
	"strings"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/workflow"
)

// Source is where a counted report's numbers come from: a version of the
// report (approved, or published and not changed since), or, while a
// correction of a published report is under way, its latest published
// revision.
type Source struct {
	Report      int64
	Version     int   // set for a version of the report
	Publication int64 // set for a published revision
}

// IsZero reports whether there is no source: nothing of the body counts.
func (s Source) IsZero() bool { return s.Version == 0 && s.Publication == 0 }

// Countable says what of a body's report of the year counts in a summary:
// an approved or published report as it stands; a report being corrected
// (published before, in review again) its latest published revision; any
// other report (a draft, a submitted or returned one never published)
// nothing.
func Countable(state workflow.State, report int64, version int, lastPublication int64) Source {
	switch {
	case report == 0:
		return Source{}
	case state == workflow.Approved || state == workflow.Published:
		return Source{Report: report, Version: version}
	case lastPublication != 0:
		return Source{Report: report, Publication: lastPublication}
	}
	return Source{}
}

// Member is one body of the tree below a summary's body, with its report of
// the year as far as the roll-up needs it.
type Member struct {
	ID, Parent int64
	Name       string
	Kind       org.Kind
	// State is the state of the year's report (workflow.NotStarted when
	// there is none).
	State workflow.State
	// Source is what counts of the report (zero: nothing); Scope and Cells
	// are the counted content's scope (a summary counts for its scope) and
	// its numbers in the compact form.
	Source Source
	Scope  report.Scope
	Cells  string
}

// Status says whether a body's numbers are in a summary.
type Status uint8

const (
	// Missing: the body has no approved or published report.
	Missing Status = iota
	// Counted: the body's report is one of the parts.
	Counted
	// Within: the body is counted through the summary of a body above it
	// (Entry.Via), which covers it.
	Within
)

// Entry is one body of a summary's coverage.
type Entry struct {
	Member
	Depth  int // 0 for the bodies right below the summary's body
	Status Status
	// Via is the body whose counted summary covers this one (Within).
	Via *Member
}

// Why says in words why the body counts or not: 未开始, 草稿（未审核）,
// 已发布, 已计入示范县人民政府的汇总 …
func (e *Entry) Why() string {
	switch e.Status {
	case Within:
		return "已计入" + e.Via.Name + "的汇总"
	case Counted:
		if e.Source.Publication != 0 {
			return "计入已发布的版本（更正尚未审核）"
		}
		if e.Scope.IsSummary() {
			return "计入其" + e.Scope.Label() + "汇总报告"
		}
		return "已计入"
	}
	if e.State == workflow.NotStarted {
		return "尚未开始填报"
	}
	return "报告尚未审核通过"
}

// Coverage is every body in a summary's scope, in tree order (each body
// before those below it, siblings by name), with whether it counts.
type Coverage struct {
	Scope   report.Scope
	Entries []Entry
}

// Cover decides a summary's coverage: the bodies below root that its
// scope takes (InScope), each counted by its own report, or through the
// counted summary of a body above it whose own scope takes it; a body whose
// report does not count is missing, and the bodies its summary would have
// covered are counted one by one instead. members are the bodies of root's
// subtree (root among them or not).
func Cover(members []Member, root int64, scope report.Scope) Coverage {
	tr := newTree(members)
	cov := Coverage{Scope: scope}
	within := map[int64]*Member{}
	for _, d := range tr.below(root, scope) {
		m := tr.byID[d.id]
		e := Entry{Member: *m, Depth: d.depth}
		switch {
		case within[m.ID] != nil:
			e.Status, e.Via = Within, within[m.ID]
		case !m.Source.IsZero():
			e.Status = Counted
			if m.Scope.IsSummary() {
				for _, c := range tr.below(m.ID, m.Scope) {
					within[c.id] = m
				}
			}
		}
		cov.Entries = append(cov.Entries, e)
	}
	return cov
}

// InScope lists the ids of the bodies below root that a summary of scope
// takes, in tree order: for 本行政区域 every body below; for 本级 the
// departments below root and what lies below them, except lower
// governments (县级以上地方人民政府) and what lies below those. A
// non-summary scope takes nothing.
func InScope(members []Member, root int64, scope report.Scope) []int64 {
	var ids []int64
	for _, d := range newTree(members).below(root, scope) {
		ids = append(ids, d.id)
	}
	return ids
}

// Parts are the counted entries.
func (c *Coverage) Parts() []Part {
	var out []Part
	for i := range c.Entries {
		if e := &c.Entries[i]; e.Status == Counted {
			out = append(out, Part{Body: e.ID, Name: e.Name, Source: e.Source, Cells: e.Cells})
		}
	}
	return out
}

// Missing lists the bodies whose reports do not count.
func (c *Coverage) Missing() []Entry {
	var out []Entry
	for _, e := range c.Entries {
		if e.Status == Missing {
			out = append(out, e)
		}
	}
	return out
}

type tree struct {
	byID map[int64]*Member
	kids map[int64][]*Member
}

type placed struct {
	id    int64
	depth int
}

func newTree(members []Member) *tree {
	t := &tree{byID: make(map[int64]*Member, len(members)), kids: map[int64][]*Member{}}
	for i := range members {
		m := &members[i]
		t.byID[m.ID] = m
		t.kids[m.Parent] = append(t.kids[m.Parent], m)
	}
	for _, ks := range t.kids {
		slices.SortFunc(ks, func(a, b *Member) int {
			if c := strings.Compare(a.Name, b.Name); c != 0 {
				return c
			}
			return int(a.ID - b.ID)
		})
	}
	return t
}

// below walks the bodies under root that scope takes, depth first.
func (t *tree) below(root int64, scope report.Scope) []placed {
	if !scope.IsSummary() {
		return nil
	}
	var out []placed
	seen := map[int64]bool{root: true} // a tree from elsewhere might loop
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, m := range t.kids[parent] {
			if seen[m.ID] || (scope == report.ScopeLevel && !takenByLevel(m, depth)) {
				continue
			}
			seen[m.ID] = true
			out = append(out, placed{m.ID, depth})
			walk(m.ID, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// takenByLevel: 本级 takes the departments right below the government and
// everything below them but lower governments.
func takenByLevel(m *Member, depth int) bool {
	if depth == 0 {
		return m.Kind == org.Department
	}
	return m.Kind != org.LocalGovernment
}
