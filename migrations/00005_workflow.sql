-- +goose Up
-- Review and publication.
--
-- A report is worked on in revisions: revision 1 is the first publication;
-- a correction of a published report starts the next revision (with its
-- 更正说明) and goes through review again. submitted_version is the version
-- last submitted; reviewed_version the version a reviewer last returned or
-- approved (what the next review's diff starts from). errors and warnings
-- are the counts of a final check at the last save, for the status board.
ALTER TABLE reports ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE reports ADD COLUMN correction TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN submitted_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN reviewed_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN errors INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reports ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0;

-- The reasons a clerk gave for the warnings of a submission, by finding
-- (rule and first cell), kept for the reviewer and for later submissions.
CREATE TABLE warning_reasons (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	finding TEXT NOT NULL,
	reason TEXT NOT NULL,
	given_at TIMESTAMP NOT NULL,
	given_by INTEGER REFERENCES users(id),
	PRIMARY KEY (report_id, finding)
);

-- Reviewers' comments on the report, a section, a paragraph or a cell
-- (anchor: "", "section:三", "para:narrative.overview:2",
-- "cell:requests.granted.natural_person").
CREATE TABLE comments (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id),
	revision INTEGER NOT NULL,
	version INTEGER NOT NULL,
	anchor TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at TIMESTAMP NOT NULL,
	created_by INTEGER REFERENCES users(id),
	resolved_at TIMESTAMP,
	resolved_by INTEGER REFERENCES users(id)
);
CREATE INDEX comments_report_idx ON comments(report_id);

-- Every published revision, frozen: the report's JSON as published (with
-- its publication block), the PDF as published and its SHA-256.
CREATE TABLE publications (
	id INTEGER PRIMARY KEY,
	report_id INTEGER NOT NULL REFERENCES reports(id),
	body_id INTEGER NOT NULL REFERENCES bodies(id),
	year INTEGER NOT NULL,
	revision INTEGER NOT NULL,
	published_at TIMESTAMP NOT NULL,
	published_by INTEGER REFERENCES users(id),
	correction TEXT NOT NULL DEFAULT '',
	data TEXT NOT NULL,
	pdf BLOB NOT NULL,
	pdf_sha256 TEXT NOT NULL,
	UNIQUE (report_id, revision)
);
CREATE INDEX publications_body_idx ON publications(body_id, year);

CREATE INDEX reports_year_idx ON reports(year, body_id);

-- +goose Down
DROP INDEX reports_year_idx;
DROP TABLE publications;
DROP TABLE comments;
DROP TABLE warning_reasons;
ALTER TABLE reports DROP COLUMN warnings;
ALTER TABLE reports DROP COLUMN errors;
ALTER TABLE reports DROP COLUMN reviewed_version;
ALTER TABLE reports DROP COLUMN submitted_version;
ALTER TABLE reports DROP COLUMN correction;
ALTER TABLE reports DROP COLUMN revision;
