-- +goose Up
-- An administrator's own rules for 第一部分 (docs/checks.md, W13 and W14),
-- set for a body and holding for every body below it down to the next one
-- with rules of its own. overview_max is the most characters (0: no
-- limit); overview_items the items 第一部分 must mention, one a line.
CREATE TABLE local_rules (
	body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	overview_max INTEGER NOT NULL CHECK (overview_max >= 0),
	overview_items TEXT NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	updated_by INTEGER REFERENCES users(id),
	PRIMARY KEY (body_id)
);

-- +goose Down
DROP TABLE local_rules;
