package web

import (
	"strconv"
	"strings"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
	"nianbao/views/ui"
)

// kindOptions are the body kinds for a select.
func kindOptions() []ui.Option {
	var opts []ui.Option
	for _, k := range org.Kinds {
		opts = append(opts, ui.Option{Value: string(k), Label: k.Label()})
	}
	return opts
}

// roleOptions are the roles for a select.
func roleOptions() []ui.Option {
	var opts []ui.Option
	for _, r := range auth.Roles {
		opts = append(opts, ui.Option{Value: string(r), Label: r.Label()})
	}
	return opts
}

// bodyOptions lists bodies for a select, each indented by its depth.
func bodyOptions(bodies []store.Body) []ui.Option {
	depth := depths(bodies)
	var opts []ui.Option
	for _, b := range treeOrder(bodies) {
		opts = append(opts, ui.Option{Value: strconv.FormatInt(b.ID, 10),
			Label: strings.Repeat("　", depth[b.ID]) + b.Name})
	}
	return opts
}
