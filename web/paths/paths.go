// Package paths is the one list of the app's URL patterns and the functions
// that build them. Handlers (web) and templates (views) both import it, so a
// link and its route cannot drift apart. It imports nothing of ours.
package paths

// Route patterns, in Echo's syntax.
const (
	Home    = "/"
	Healthz = "/healthz"
)
