-- +goose Up
-- A reviewer's triage of a report's warnings (docs/checks.md): a warning
-- marked 已核实（确认无误） or sent back, with the reason, kept by the
-- finding's fingerprint (rule, place and what it says), so that the mark
-- stays while the finding stands as it was and falls away when it changes.
-- reports.confirmed counts the current warnings marked confirmed, for the
-- board (kept with each save, like errors and warnings).
CREATE TABLE finding_marks (
	report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
	fingerprint TEXT NOT NULL,
	rule TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('confirmed', 'returned')),
	reason TEXT NOT NULL,
	marked_by INTEGER REFERENCES users(id),
	marked_at TIMESTAMP NOT NULL,
	PRIMARY KEY (report_id, fingerprint)
);
ALTER TABLE reports ADD COLUMN confirmed INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE reports DROP COLUMN confirmed;
DROP TABLE finding_marks;
