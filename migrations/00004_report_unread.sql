-- +goose Up
-- What a clerk typed into a cell that could not be read as a number, kept
-- with the draft (and each saved version) until corrected (JSON object:
-- dotted cell path → text). It is never part of the report's public JSON.
ALTER TABLE reports ADD COLUMN unread TEXT NOT NULL DEFAULT '{}';
ALTER TABLE report_versions ADD COLUMN unread TEXT NOT NULL DEFAULT '{}';

-- +goose Down
ALTER TABLE report_versions DROP COLUMN unread;
ALTER TABLE reports DROP COLUMN unread;
