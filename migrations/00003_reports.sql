-- +goose Up
-- One report per body and year. data is the report's public JSON form
-- (internal/report); version counts saves and guards against lost updates
-- (a save names the version it was based on).
CREATE TABLE reports (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES bodies(id),
	year INTEGER NOT NULL,
	state TEXT NOT NULL DEFAULT 'draft'
		CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'published')),
	version INTEGER NOT NULL,
	data TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	created_by INTEGER REFERENCES users(id),
	updated_at TIMESTAMP NOT NULL,
	updated_by INTEGER REFERENCES users(id),
	UNIQUE (body_id, year)
);

-- Every save is kept.
CREATE TABLE report_versions (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	version INTEGER NOT NULL,
	data TEXT NOT NULL,
	saved_at TIMESTAMP NOT NULL,
	saved_by INTEGER REFERENCES users(id),
	PRIMARY KEY (report_id, version)
);

-- Who did what, when: saves, state changes, logins, logouts and every
-- administrative action. Rows are only ever added.
CREATE TABLE audit_log (
	id INTEGER PRIMARY KEY,
	at TIMESTAMP NOT NULL,
	user_id INTEGER REFERENCES users(id),
	body_id INTEGER REFERENCES bodies(id),
	report_id INTEGER REFERENCES reports(id),
	action TEXT NOT NULL,
	detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_report_idx ON audit_log(report_id);
CREATE INDEX audit_log_user_idx ON audit_log(user_id);

-- +goose Down
DROP TABLE audit_log;
DROP TABLE report_versions;
DROP TABLE reports;
