-- +goose Up
-- Failed logins per account and per address (kind 'account' or 'address'),
-- kept in the database so that the login throttle holds across several app
-- servers and across restarts.
CREATE TABLE login_failures (
    kind    TEXT NOT NULL,
    subject TEXT NOT NULL,
    n       INTEGER NOT NULL,
    last_at TIMESTAMP NOT NULL,
    PRIMARY KEY (kind, subject)
);
CREATE INDEX login_failures_last ON login_failures (kind, last_at);

-- +goose Down
DROP TABLE login_failures;
