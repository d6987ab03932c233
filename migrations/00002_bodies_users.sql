-- +goose Up
-- Reporting bodies form a tree (parent_id). kind decides the legal deadline
-- of the yearly report (条例 第四十九条); deadline_month/deadline_day, when
-- set, override it for this body.
CREATE TABLE bodies (
	id INTEGER PRIMARY KEY,
	parent_id INTEGER REFERENCES bodies(id),
	name TEXT NOT NULL,
	kind TEXT NOT NULL CHECK (kind IN ('department', 'local_government', 'other')),
	deadline_month INTEGER CHECK (deadline_month BETWEEN 1 AND 12),
	deadline_day INTEGER CHECK (deadline_day BETWEEN 1 AND 31),
	created_at TIMESTAMP NOT NULL
);
CREATE INDEX bodies_parent_idx ON bodies(parent_id);

-- session_epoch is copied into each login session; raising it (password
-- change, disabling, "log out everywhere") ends every session that holds
-- an older number.
CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	username TEXT NOT NULL UNIQUE,
	display_name TEXT NOT NULL DEFAULT '',
	password_hash TEXT NOT NULL,
	session_epoch INTEGER NOT NULL DEFAULT 1,
	disabled BOOLEAN NOT NULL DEFAULT FALSE,
	created_at TIMESTAMP NOT NULL,
	password_changed_at TIMESTAMP NOT NULL
);

-- A user holds roles per body: clerk (填报人), reviewer (审核人),
-- supervisor (上级单位查看), admin (管理员).
CREATE TABLE user_roles (
	user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
	body_id INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('clerk', 'reviewer', 'supervisor', 'admin')),
	PRIMARY KEY (user_id, body_id, role)
);
CREATE INDEX user_roles_body_idx ON user_roles(body_id);

-- +goose Down
DROP TABLE user_roles;
DROP TABLE users;
DROP TABLE bodies;
