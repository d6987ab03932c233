-- +goose Up
-- A comment's column "anchor" holds its place in the report ("" the whole
-- report, "section:三", "para:narrative.overview:2" or
-- "cell:requests.granted.total"; report.ParseCommentPlace reads it), as the
-- code calls it: the name says so now. Renaming keeps every row.
ALTER TABLE comments RENAME COLUMN anchor TO place;

-- +goose Down
ALTER TABLE comments RENAME COLUMN place TO anchor;
