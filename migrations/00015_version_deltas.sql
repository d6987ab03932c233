-- +goose Up
-- A typing save is kept as its change against the version before
-- (delta, with data and unread empty); a row with delta NULL is a full
-- snapshot. chain is the version of the snapshot a row's run of changes
-- starts from (a snapshot names itself). Existing rows are snapshots.
-- internal/store/delta.go reads and writes them.
ALTER TABLE report_versions ADD COLUMN delta BLOB;
ALTER TABLE report_versions ADD COLUMN chain INTEGER NOT NULL DEFAULT 0;
UPDATE report_versions SET chain = version;

-- +goose Down
ALTER TABLE report_versions DROP COLUMN chain;
ALTER TABLE report_versions DROP COLUMN delta;
