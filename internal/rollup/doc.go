// Package rollup is the 汇总 report: which bodies a government's summary
// covers (本级 or 本行政区域) and which of their reports count (approved or
// published ones), the cell-by-cell sums of those reports with each part's
// contribution traceable, what changed in a part since the sums were taken,
// how new sums are taken into a summary without losing what its office
// typed by hand, and the rules that compare a summary with its parts
// (W40–W43).
//
// A blank in a part is not 0: the sum of a blank and a number is blank, and
// the sum says which body left it blank. A part's 不适用 counts as 0, as the
// report's own arithmetic counts it; a cell is 不适用 in the sum only when it
// is 不适用 in every part.
//
// The package is pure: it imports no SQL and no HTTP. The store reads the
// tree, the reports' states and their numbers; this package decides.
package rollup
