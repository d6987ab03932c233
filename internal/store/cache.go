package store

import (
	"nianbao/internal/report"
	"nianbao/internal/versioned"
)

// reportCache keeps decoded reports by id and version. Reading a report is
// on the path of every keystroke's live check; decoding its JSON costs
// more than the rest of the request, and a version's content never
// changes, so a row whose version is cached is not decoded again (its
// columns are still read). Entries are cloned on the way in and out:
// callers may change what they get.
type reportCache struct {
	c *versioned.Cache[*report.Report]
}

// cacheSize bounds the cache: a few hundred clerks typing at once.
const cacheSize = 512

func newReportCache() *reportCache {
	return &reportCache{c: versioned.New[*report.Report](cacheSize)}
}

// get returns a copy of report id at version, or nil.
func (c *reportCache) get(id int64, version int) *report.Report {
	if r, ok := c.c.Get(id, version); ok {
		return r.Clone()
	}
	return nil
}

// put remembers a copy of report id at version.
func (c *reportCache) put(id int64, version int, r *report.Report) {
	c.c.Put(id, version, r.Clone())
}
