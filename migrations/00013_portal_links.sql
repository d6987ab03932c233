-- +goose Up
-- Where a published revision was posted: most bodies publish on their
-- county portal's CMS, and the clerk records that page's address after
-- posting (回填). It is shown on the board and linked from the public page.
-- Recorded again, it is replaced (the audit log keeps every address given).
-- A table of its own rather than columns of publications: a publication's
-- row is large (JSON and PDF), and the board reads the links of a whole
-- year.
CREATE TABLE portal_links (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	revision INTEGER NOT NULL,
	year INTEGER NOT NULL,
	url TEXT NOT NULL,
	recorded_at TIMESTAMP NOT NULL,
	recorded_by INTEGER REFERENCES users(id),
	PRIMARY KEY (report_id, revision)
);
CREATE INDEX portal_links_year_idx ON portal_links(year);

-- The open data lists the latest revision of every report of a year; this
-- index holds all it reads, so the large rows (JSON and PDF) are not read.
CREATE INDEX publications_year_idx ON publications(year, report_id, revision, body_id, published_at);

-- +goose Down
DROP INDEX publications_year_idx;
DROP INDEX portal_links_year_idx;
DROP TABLE portal_links;
