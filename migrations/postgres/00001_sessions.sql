-- +goose Up
-- Sessions of github.com/alexedwards/scs/v2 on PostgreSQL (pgxstore): the
-- table that store expects, in place of SQLite's (whose expiry is a
-- julian day number).
CREATE TABLE sessions (
	token TEXT PRIMARY KEY,
	data BYTEA NOT NULL,
	expiry TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions(expiry);

-- +goose Down
DROP TABLE sessions;
