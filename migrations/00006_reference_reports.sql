-- +goose Up
-- Last year's report of a body that was not written in nianbao, read from
-- the text of the published report (internal/importer) and confirmed by a
-- clerk of the body: the base of the carry-over prefill and of the
-- cross-year checks. One per body and year; a new import replaces it and
-- raises revision. A report of that year written in nianbao wins over it.
-- data is the report's public JSON form (format "2021" or "2019");
-- source_text is the text exactly as confirmed, kept for the record.
CREATE TABLE reference_reports (
	id INTEGER PRIMARY KEY,
	body_id INTEGER NOT NULL REFERENCES bodies(id),
	year INTEGER NOT NULL,
	revision INTEGER NOT NULL DEFAULT 1,
	format TEXT NOT NULL CHECK (format IN ('2021', '2019')),
	data TEXT NOT NULL,
	source_text TEXT NOT NULL,
	imported_at TIMESTAMP NOT NULL,
	imported_by INTEGER REFERENCES users(id),
	UNIQUE (body_id, year)
);

-- +goose Down
DROP TABLE reference_reports;
