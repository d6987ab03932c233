// Package gctune holds the process-wide settings of the garbage collector:
// the one the server runs under (so that benchmarks measure under it too)
// and the one of a command that makes one document and exits.
package gctune

import (
	"os"
	"runtime/debug"
)

// ForServer sets the garbage collector for the app, unless GOGC says
// otherwise: the live heap is small (some MB: the decoded-report cache,
// sessions), so Go's default of collecting at every doubling runs a cycle
// every few dozen live checks, and those cycles are the slowest 1% of the
// answers. Collecting at every elevenfold growth keeps the heap to a few
// hundred MB at most, and the soft limit of 1 GiB keeps it from growing
// past that. serve calls it, and so do the benchmarks that measure the
// handlers under the server's settings. The returned func restores the
// previous settings.
func ForServer() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	limit := debug.SetMemoryLimit(1 << 30)
	percent := debug.SetGCPercent(1000)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// ForOneDocument sets the garbage collector for a process that makes one
// document and exits (nianbao render), unless GOGC says otherwise: such a
// process allocates most of its memory once (the fonts it reads) and keeps
// it to the end, so collections find little to free and cost about half
// of its time. It collects only past a soft limit of 1 GiB.
func ForOneDocument() {
	if os.Getenv("GOGC") != "" {
		return
	}
	debug.SetMemoryLimit(1 << 30)
	debug.SetGCPercent(-1)
}
