-- +goose Up
-- Sessions of github.com/alexedwards/scs/v2 (sqlite3store), kept in the same
-- database so that they survive a restart.
CREATE TABLE sessions (
	token TEXT PRIMARY KEY,
	data BLOB NOT NULL,
	expiry REAL NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions(expiry);

-- +goose Down
DROP TABLE sessions;
