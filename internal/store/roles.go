package store

import (
	"context"
	"database/sql"
	"fmt"

	"nianbao/internal/auth"
)

// Grants returns the roles a user holds, by body then role.
func (s *Store) Grants(ctx context.Context, userID int64) ([]auth.Grant, error) {
	rows, err := s.query(ctx, `SELECT body_id, role FROM user_roles WHERE user_id = $1
		ORDER BY body_id, role`, userID)
	if err != nil {
		return nil, fmt.Errorf("store.Grants(%d): %w", userID, err)
	}
	defer rows.Close()
	var out []auth.Grant
	for rows.Next() {
		var g auth.Grant
		if err := rows.Scan(&g.Body, &g.Role); err != nil {
			return nil, fmt.Errorf("store.Grants(%d): %w", userID, err)
		}
		out = append(out, g)
	}
	return out, rows.Err()
}

// AllGrants returns every user's roles, by user id.
func (s *Store) AllGrants(ctx context.Context) (map[int64][]auth.Grant, error) {
	rows, err := s.query(ctx, `SELECT user_id, body_id, role FROM user_roles ORDER BY user_id, body_id, role`)
	if err != nil {
		return nil, fmt.Errorf("store.AllGrants: %w", err)
	}
	defer rows.Close()
	out := map[int64][]auth.Grant{}
	for rows.Next() {
		var id int64
		var g auth.Grant
		if err := rows.Scan(&id, &g.Body, &g.Role); err != nil {
			return nil, fmt.Errorf("store.AllGrants: %w", err)
		}
		out[id] = append(out[id], g)
	}
	return out, rows.Err()
}

// AddRole gives a user a role at a body (nothing happens if they hold it
// already) and audits it. A missing user or body is ErrNotFound.
func (s *Store) AddRole(ctx context.Context, userID int64, g auth.Grant, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error { return s.addRoleTx(ctx, tx, userID, g, by) })
	if err != nil {
		return fmt.Errorf("store.AddRole(%d, %d, %s): %w", userID, g.Body, g.Role, err)
	}
	return nil
}

func (s *Store) addRoleTx(ctx context.Context, tx *sql.Tx, userID int64, g auth.Grant, by int64) error {
	for _, q := range []struct {
		sql string
		id  int64
	}{{`SELECT id FROM users WHERE id = $1`, userID}, {`SELECT id FROM bodies WHERE id = $1`, g.Body}} {
		if err := s.txQueryRow(ctx, tx, q.sql, q.id).Scan(new(int64)); err != nil {
			return notFound(err)
		}
	}
	_, err := s.txExec(ctx, tx, `INSERT INTO user_roles (user_id, body_id, role) VALUES ($1, $2, $3)
		ON CONFLICT (user_id, body_id, role) DO NOTHING`, userID, g.Body, string(g.Role))
	if err != nil {
		return err
	}
	return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: g.Body, Action: ActRoleAdd,
		Detail: fmt.Sprintf("user %d %s", userID, g.Role)})
}

// RemoveRole takes a role away and audits it; ErrNotFound when the user
// does not hold it.
func (s *Store) RemoveRole(ctx context.Context, userID int64, g auth.Grant, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := s.txExec(ctx, tx, `DELETE FROM user_roles WHERE user_id = $1 AND body_id = $2 AND role = $3`,
			userID, g.Body, string(g.Role))
		if err := rowsChanged(res, err); err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: g.Body, Action: ActRoleRemove,
			Detail: fmt.Sprintf("user %d %s", userID, g.Role)})
	})
	if err != nil {
		return fmt.Errorf("store.RemoveRole(%d, %d, %s): %w", userID, g.Body, g.Role, err)
	}
	return nil
}
