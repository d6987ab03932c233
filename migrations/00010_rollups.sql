-- +goose Up
-- The sums of a 汇总 report (a report whose JSON says "kind": "summary",
-- internal/rollup): taken from the approved and published reports of the
-- bodies in its scope, kept with the parts they were taken from, so that
-- the editor can say what changed in a part since and take new sums without
-- losing what the office typed. The figures the summary publishes are the
-- report's own values; where one differs from its sum, the reason is the
-- reason of its warning W40 (warning_reasons). sums and cells are the
-- compact form of internal/rollup (the values in template order,
-- comma-separated; a blank as nothing, 不适用 as "-", amounts in whole 元).
CREATE TABLE rollups (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	scope TEXT NOT NULL CHECK (scope IN ('level', 'region')),
	sums TEXT NOT NULL,
	taken_at TIMESTAMP NOT NULL,
	taken_by INTEGER REFERENCES users(id),
	PRIMARY KEY (report_id)
);

-- One row per part: the body, its name then, where its numbers came from
-- (a version of its report, or a published revision while a correction is
-- under way) and the numbers themselves.
CREATE TABLE rollup_parts (
	report_id INTEGER NOT NULL REFERENCES reports(id),
	body_id INTEGER NOT NULL REFERENCES bodies(id),
	name TEXT NOT NULL,
	source_report INTEGER NOT NULL REFERENCES reports(id),
	source_version INTEGER NOT NULL DEFAULT 0,
	source_publication INTEGER REFERENCES publications(id),
	cells TEXT NOT NULL,
	PRIMARY KEY (report_id, body_id)
);

-- +goose Down
DROP TABLE rollup_parts;
DROP TABLE rollups;
