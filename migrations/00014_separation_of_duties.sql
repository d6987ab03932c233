-- +goose Up
-- Separation of duties: who submitted the version under review (an
-- approval or a publication by that same person is refused), and a body's
-- explicit permission, set by an administrator, for one person to submit
-- and review (an office of one).
ALTER TABLE reports ADD COLUMN submitted_by INTEGER REFERENCES users(id);
ALTER TABLE bodies ADD COLUMN self_review INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE bodies DROP COLUMN self_review;
ALTER TABLE reports DROP COLUMN submitted_by;
