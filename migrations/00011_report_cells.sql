-- +goose Up
-- The numbers of every report version or published revision that a summary
-- has counted, in internal/rollup's compact form, with the report's scope:
-- derived from report_versions.data or publications.data (which never
-- change) and kept so that summing a region of thousands of bodies reads a
-- few hundred bytes per body instead of decoding each report's JSON. Any
-- row may be deleted; it is made again when next needed. A version has
-- publication_id 0; a published revision has version 0.
CREATE TABLE report_cells (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	version INTEGER NOT NULL,
	publication_id INTEGER NOT NULL,
	scope TEXT NOT NULL,
	cells TEXT NOT NULL,
	PRIMARY KEY (report_id, version, publication_id)
);

-- +goose Down
DROP TABLE report_cells;
