package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"nianbao/internal/auth"
)

// User is an account. PasswordHash is an argon2id hash (package auth).
type User struct {
	ID           int64
	Username     string
	DisplayName  string
	PasswordHash string
	// Epoch is copied into each login session; a session holding an older
	// epoch is no longer valid.
	Epoch             int64
	Disabled          bool
	CreatedAt         time.Time
	PasswordChangedAt time.Time
}

// NewUser is what creating an account takes.
type NewUser struct {
	Username, DisplayName, PasswordHash string
}

// NormalUsername is how usernames are compared and stored: trimmed, lower
// case.
func NormalUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

const userColumns = `id, username, display_name, password_hash, session_epoch, disabled, created_at, password_changed_at`

func scanUser(row scanner) (*User, error) {
	var u User
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.Epoch, &u.Disabled,
		&u.CreatedAt, &u.PasswordChangedAt)
	if err != nil {
		return nil, err
	}
	return &u, nil
}

// CreateUser adds an account with its first roles and audits it; a taken
// username is ErrConflict, a missing body ErrNotFound.
func (s *Store) CreateUser(ctx context.Context, nu NewUser, grants []auth.Grant, by int64) (*User, error) {
	var u *User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = s.createUserTx(ctx, tx, nu, by)
		if err != nil {
			return err
		}
		for _, g := range grants {
			if err := s.addRoleTx(ctx, tx, u.ID, g, by); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store.CreateUser(%q): %w", nu.Username, err)
	}
	return u, nil
}

func (s *Store) createUserTx(ctx context.Context, tx *sql.Tx, nu NewUser, by int64) (*User, error) {
	now := s.now()
	u := &User{Username: NormalUsername(nu.Username), DisplayName: strings.TrimSpace(nu.DisplayName),
		PasswordHash: nu.PasswordHash, Epoch: 1, CreatedAt: now, PasswordChangedAt: now}
	err := s.txQueryRow(ctx, tx, `INSERT INTO users (username, display_name, password_hash, session_epoch,
		disabled, created_at, password_changed_at) VALUES ($1, $2, $3, 1, FALSE, $4, $4) RETURNING id`,
		u.Username, u.DisplayName, u.PasswordHash, now).Scan(&u.ID)
	if isUnique(err) {
		return nil, ErrConflict
	}
	if err != nil {
		return nil, err
	}
	detail := fmt.Sprintf("%s (user %d)", u.Username, u.ID)
	err = s.auditTx(ctx, tx, AuditEntry{UserID: by, Action: ActUserCreate, Detail: detail})
	return u, err
}

// CreateFirstAdmin is the one-time setup: in one transaction, and only
// while there is no user at all (else ErrConflict), it creates the root
// body root and an administrator of it.
func (s *Store) CreateFirstAdmin(ctx context.Context, nu NewUser, root Body) (*User, *Body, error) {
	var u *User
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := s.txQueryRow(ctx, tx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrConflict
		}
		root.ParentID = 0
		if err := s.createBodyTx(ctx, tx, &root, 0); err != nil {
			return err
		}
		var err error
		if u, err = s.createUserTx(ctx, tx, nu, 0); err != nil {
			return err
		}
		if err := s.addRoleTx(ctx, tx, u.ID, auth.Grant{Body: root.ID, Role: auth.Admin}, 0); err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: u.ID, BodyID: root.ID, Action: ActSetup, Detail: u.Username})
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store.CreateFirstAdmin(%q): %w", nu.Username, err)
	}
	return u, &root, nil
}

// User returns an account by id, or ErrNotFound.
func (s *Store) User(ctx context.Context, id int64) (*User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("store.User(%d): %w", id, notFound(err))
	}
	return u, nil
}

// UserWithGrants returns an account and its roles in one query (every
// request reads them, for its session's user), or ErrNotFound.
func (s *Store) UserWithGrants(ctx context.Context, id int64) (*User, []auth.Grant, error) {
	rows, err := s.query(ctx, `SELECT u.id, u.username, u.display_name, u.password_hash, u.session_epoch, u.disabled,
		u.created_at, u.password_changed_at, g.body_id, g.role
		FROM users u LEFT JOIN user_roles g ON g.user_id = u.id
		WHERE u.id = $1 ORDER BY g.body_id, g.role`, id)
	if err != nil {
		return nil, nil, fmt.Errorf("store.UserWithGrants(%d): %w", id, err)
	}
	defer rows.Close()
	var u *User
	var grants []auth.Grant
	for rows.Next() {
		var body sql.NullInt64
		var role sql.NullString
		if u, err = scanUser(withMore{rows, []any{&body, &role}}); err != nil {
			return nil, nil, fmt.Errorf("store.UserWithGrants(%d): %w", id, err)
		}
		if body.Valid {
			grants = append(grants, auth.Grant{Body: body.Int64, Role: auth.Role(role.String)})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store.UserWithGrants(%d): %w", id, err)
	}
	if u == nil {
		return nil, nil, fmt.Errorf("store.UserWithGrants(%d): %w", id, ErrNotFound)
	}
	return u, grants, nil
}

// withMore is a row whose columns after the ones a scan function reads
// go into more.
type withMore struct {
	row  scanner
	more []any
}

func (w withMore) Scan(dest ...any) error { return w.row.Scan(append(dest, w.more...)...) }

// UserByUsername returns an account by username (compared as
// NormalUsername), or ErrNotFound.
func (s *Store) UserByUsername(ctx context.Context, username string) (*User, error) {
	u, err := scanUser(s.queryRow(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1`,
		NormalUsername(username)))
	if err != nil {
		return nil, fmt.Errorf("store.UserByUsername(%q): %w", username, notFound(err))
	}
	return u, nil
}

// Users returns every account, by username.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.query(ctx, `SELECT `+userColumns+` FROM users ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("store.Users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("store.Users: %w", err)
		}
		out = append(out, *u)
	}
	return out, rows.Err()
}

// UserCount returns how many accounts exist (setup is offered while 0).
func (s *Store) UserCount(ctx context.Context) (int, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM users`).Scan(&n); err != nil {
		return 0, fmt.Errorf("store.UserCount: %w", err)
	}
	return n, nil
}

// SetPassword stores a new password hash and raises the user's epoch, which
// ends every session of theirs; it returns the new epoch, so that the
// caller can keep its own session. by == id is a change of one's own
// password, anything else a reset.
func (s *Store) SetPassword(ctx context.Context, id int64, hash string, by int64) (int64, error) {
	action := ActPasswordReset
	if by == id {
		action = ActPasswordChange
	}
	epoch, err := s.bumpEpoch(ctx, id, by, action, `password_hash = $2, password_changed_at = $3`, hash, s.now())
	if err != nil {
		return 0, fmt.Errorf("store.SetPassword(%d): %w", id, err)
	}
	return epoch, nil
}

// SetDisabled disables (or enables again) an account; disabling ends its
// sessions.
func (s *Store) SetDisabled(ctx context.Context, id int64, disabled bool, by int64) error {
	action := ActUserEnable
	if disabled {
		action = ActUserDisable
	}
	if _, err := s.bumpEpoch(ctx, id, by, action, `disabled = $2`, disabled); err != nil {
		return fmt.Errorf("store.SetDisabled(%d, %t): %w", id, disabled, err)
	}
	return nil
}

// EndSessions raises the user's epoch ("log out everywhere") and returns
// the new one.
func (s *Store) EndSessions(ctx context.Context, id int64) (int64, error) {
	epoch, err := s.bumpEpoch(ctx, id, id, ActLogoutAll, "")
	if err != nil {
		return 0, fmt.Errorf("store.EndSessions(%d): %w", id, err)
	}
	return epoch, nil
}

// bumpEpoch raises the epoch, applies set (whose placeholders start at $2)
// and audits action, in one transaction.
func (s *Store) bumpEpoch(ctx context.Context, id, by int64, action, set string, args ...any) (int64, error) {
	if set != "" {
		set = ", " + set
	}
	var epoch int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		err := s.txQueryRow(ctx, tx, `UPDATE users SET session_epoch = session_epoch + 1`+set+
			` WHERE id = $1 RETURNING session_epoch`, append([]any{id}, args...)...).Scan(&epoch)
		if err != nil {
			return notFound(err)
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, Action: action, Detail: fmt.Sprintf("user %d", id)})
	})
	return epoch, err
}
