package web

import (
	"nianbao/internal/org"
	"nianbao/internal/store"
	"nianbao/views/admin"
	"nianbao/web/paths"
)

// children groups a set of bodies by parent; the bodies whose parent is not
// in the set are under 0 (the tops of what the user sees).
func children(bodies []store.Body) map[int64][]store.Body {
	in := make(map[int64]bool, len(bodies))
	for _, b := range bodies {
		in[b.ID] = true
	}
	kids := map[int64][]store.Body{}
	for _, b := range bodies {
		parent := b.ParentID
		if !in[parent] {
			parent = 0
		}
		kids[parent] = append(kids[parent], b)
	}
	return kids
}

// treeOrder lists the bodies depth first, each after its parent.
func treeOrder(bodies []store.Body) []store.Body {
	kids := children(bodies)
	out := make([]store.Body, 0, len(bodies))
	var walk func(id int64)
	walk = func(id int64) {
		for _, b := range kids[id] {
			out = append(out, b)
			walk(b.ID)
		}
	}
	walk(0)
	return out
}

// depths gives each body its depth below the tops of the set.
func depths(bodies []store.Body) map[int64]int {
	kids := children(bodies)
	d := map[int64]int{}
	var walk func(id int64, depth int)
	walk = func(id int64, depth int) {
		for _, b := range kids[id] {
			d[b.ID] = depth
			walk(b.ID, depth+1)
		}
	}
	walk(0, 0)
	return d
}

// bodyTree builds the nested view of a set of bodies.
func bodyTree(bodies []store.Body) []admin.BodyNode {
	kids := children(bodies)
	var build func(id int64) []admin.BodyNode
	build = func(id int64) []admin.BodyNode {
		var nodes []admin.BodyNode
		for _, b := range kids[id] {
			nodes = append(nodes, admin.BodyNode{
				ID: b.ID, Name: b.Name, Kind: b.Kind.Label(),
				Deadline: org.DeadlineLabel(b.Kind, b.DeadlineMonth, b.DeadlineDay),
				EditURL:  paths.AdminBodyURL(b.ID), Children: build(b.ID),
			})
		}
		return nodes
	}
	return build(0)
}
