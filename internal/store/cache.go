package store

import (
	"sync"

	"nianbao/internal/report"
)

// reportCache keeps decoded reports by id and version. Reading a report is
// on the path of every keystroke's live check; decoding its JSON costs
// more than the rest of the request, and a version's content never
// changes, so a row whose version is cached is not decoded again (its
// columns are still read). Entries are cloned on the way in and out:
// callers may change what they get.
type reportCache struct {
	mu sync.Mutex
	m  map[int64]cachedReport
}

type cachedReport struct {
	version int
	r       *report.Report
}

// cacheSize bounds the cache: a few hundred clerks typing at once.
const cacheSize = 512

func newReportCache() *reportCache { return &reportCache{m: map[int64]cachedReport{}} }

// get returns a copy of report id at version, or nil.
func (c *reportCache) get(id int64, version int) *report.Report {
	c.mu.Lock()
	e, ok := c.m[id]
	c.mu.Unlock()
	if !ok || e.version != version {
		return nil
	}
	return e.r.Clone()
}

// put remembers report id at version, making room by dropping an arbitrary
// entry when full.
func (c *reportCache) put(id int64, version int, r *report.Report) {
	r = r.Clone()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.m[id]; !ok && len(c.m) >= cacheSize {
		for k := range c.m {
			delete(c.m, k)
			break
		}
	}
	c.m[id] = cachedReport{version: version, r: r}
}
