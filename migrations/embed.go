// Package migrations holds the SQL schema as numbered goose migrations,
// embedded into the binary and applied on start (store.Open) and by
// `nianbao migrate`. A migration that has landed is never edited: change
// the schema with a new file.
package migrations

import "embed"

// FS holds every *.sql migration.
//
//go:embed *.sql
var FS embed.FS
