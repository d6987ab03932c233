// Package migrations holds the SQL schema as numbered goose migrations,
// embedded into the binary and applied on start (store.Open) and by
// `nianbao migrate`. A migration that has landed is never edited: change
// the schema with a new file.
//
// Each migration is written once, for SQLite; the store translates its
// types for PostgreSQL (store.migrationsFor). Where PostgreSQL needs other
// SQL than a translation gives, a file of the same name in postgres/
// replaces it there.
package migrations

import "embed"

// FS holds every *.sql migration.
//
//go:embed *.sql
var FS embed.FS

// PostgresFS holds the migrations (postgres/NAME.sql) that replace the
// file NAME.sql of FS on PostgreSQL.
//
//go:embed postgres/*.sql
var PostgresFS embed.FS
