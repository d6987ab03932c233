-- +goose Up
-- Where a published revision was posted: most bodies publish on their
-- county portal's CMS, and the clerk records that page's address after
-- posting (回填). It is shown on the board and linked from the public page.
-- Empty until recorded; recorded again, it is replaced (the audit log keeps
-- every address given).
ALTER TABLE publications ADD COLUMN portal_url TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN portal_at TIMESTAMP;
ALTER TABLE publications ADD COLUMN portal_by INTEGER REFERENCES users(id);

-- +goose Down
ALTER TABLE publications DROP COLUMN portal_by;
ALTER TABLE publications DROP COLUMN portal_at;
ALTER TABLE publications DROP COLUMN portal_url;
