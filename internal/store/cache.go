package store

import (
	"nianbao/internal/report"
	"nianbao/internal/versioned"
)

// reportCache keeps decoded reports by id and version, with the texts they
// are stored as. Reading a report is on the path of every keystroke's live
// check; decoding its JSON costs more than the rest of the request, and a
// version's content never changes, so a row whose version is cached is not
// read or decoded again, and the save that follows takes the texts of the
// version it replaces from here (for the change it stores, delta.go)
// instead of reading them back. Entries are cloned on the way in and out:
// callers may change what they get.
type reportCache struct {
	c *versioned.Cache[cached]
}

// cached is one version of a report: decoded, and its data and unread
// texts exactly as stored (empty where the caller does not keep them: the
// reference reports).
type cached struct {
	r            *report.Report
	data, unread string
}

// cacheSize bounds the cache: a few hundred clerks typing at once.
const cacheSize = 512

func newReportCache() *reportCache {
	return &reportCache{c: versioned.New[cached](cacheSize)}
}

// get returns a copy of report id at version, or nil.
func (c *reportCache) get(id int64, version int) *report.Report {
	if e, ok := c.c.Get(id, version); ok {
		return e.r.Clone()
	}
	return nil
}

// texts returns the stored texts of report id at version, if kept.
func (c *reportCache) texts(id int64, version int) (data, unread string, ok bool) {
	e, ok := c.c.Get(id, version)
	if !ok || e.data == "" {
		return "", "", false
	}
	return e.data, e.unread, true
}

// put remembers a copy of report id at version, stored as data and unread.
func (c *reportCache) put(id int64, version int, r *report.Report, data, unread string) {
	c.c.Put(id, version, cached{r: r.Clone(), data: data, unread: unread})
}
