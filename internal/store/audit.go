package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Audit actions. Every save, state change, login, logout and
// administrative action leaves one row.
const (
	ActSetup          = "setup"
	ActLogin          = "login"
	ActLoginFailed    = "login.failed"
	ActLogout         = "logout"
	ActLogoutAll      = "logout.everywhere"
	ActPasswordChange = "password.change"
	ActPasswordReset  = "password.reset"
	ActUserCreate     = "user.create"
	ActUserDisable    = "user.disable"
	ActUserEnable     = "user.enable"
	ActRoleAdd        = "role.add"
	ActRoleRemove     = "role.remove"
	ActBodyCreate     = "body.create"
	ActBodyUpdate     = "body.update"
	ActReportCreate   = "report.create"
	ActReportSave     = "report.save"
	ActReportState    = "report.state"
)

// AuditEntry is one row of the audit log. A zero ID field means none (the
// shell, an unknown user, no body, no report).
type AuditEntry struct {
	ID       int64
	At       time.Time
	UserID   int64
	BodyID   int64
	ReportID int64
	Action   string
	Detail   string
}

// Audit adds an entry to the audit log; At is set to now.
func (s *Store) Audit(ctx context.Context, e AuditEntry) error {
	return s.inTx(ctx, func(tx *sql.Tx) error { return s.auditTx(ctx, tx, e) })
}

// auditTx adds an entry within a transaction, so that the action and its
// record commit together.
func (s *Store) auditTx(ctx context.Context, tx *sql.Tx, e AuditEntry) error {
	_, err := s.txExec(ctx, tx, `INSERT INTO audit_log (at, user_id, body_id, report_id, action, detail)
		VALUES ($1, $2, $3, $4, $5, $6)`,
		s.now(), nullID(e.UserID), nullID(e.BodyID), nullID(e.ReportID), e.Action, e.Detail)
	if err != nil {
		return fmt.Errorf("store.audit(%s): %w", e.Action, err)
	}
	return nil
}

// AuditFilter selects audit entries; zero fields select all.
type AuditFilter struct {
	UserID, BodyID, ReportID int64
	Action                   string
	Limit                    int
}

// AuditLog returns matching entries, newest first (at most Limit, or 1000).
func (s *Store) AuditLog(ctx context.Context, f AuditFilter) ([]AuditEntry, error) {
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	rows, err := s.query(ctx, `SELECT id, at, COALESCE(user_id, 0), COALESCE(body_id, 0),
		COALESCE(report_id, 0), action, detail FROM audit_log
		WHERE ($1 = 0 OR user_id = $1) AND ($2 = 0 OR body_id = $2) AND ($3 = 0 OR report_id = $3)
		AND ($4 = '' OR action = $4)
		ORDER BY id DESC LIMIT $5`, f.UserID, f.BodyID, f.ReportID, f.Action, f.Limit)
	if err != nil {
		return nil, fmt.Errorf("store.AuditLog: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, &e.At, &e.UserID, &e.BodyID, &e.ReportID, &e.Action, &e.Detail); err != nil {
			return nil, fmt.Errorf("store.AuditLog: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
