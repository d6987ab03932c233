package store

import (
	"fmt"
	"strings"
)

// IsURL reports whether a --db value is a URL (it has a scheme followed by
// "://", or is one of PostgreSQL's URL schemes), so that it is never taken
// for a SQLite file name: "postgres://host/db" would otherwise become a file
// db in a folder named "postgres:".
func IsURL(location string) bool {
	scheme, _, ok := strings.Cut(location, "://")
	if ok && scheme != "" && !strings.ContainsAny(scheme, `/\`) {
		return true
	}
	l := strings.ToLower(location)
	return strings.HasPrefix(l, "postgres:") || strings.HasPrefix(l, "postgresql:")
}

// checkLocation refuses a database location this build cannot open: any URL,
// until the store speaks PostgreSQL. The message says what was given and
// what to give instead, in Chinese first.
func checkLocation(location string) error {
	if IsURL(location) {
		return fmt.Errorf("数据库位置 %q 是网址（URL），本版本只支持 SQLite 数据库文件（如 data/nianbao.db），不会把网址当作文件名 / %q is a URL; this build opens only a SQLite file: %w", location, location, ErrURLLocation)
	}
	return nil
}
