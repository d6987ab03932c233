package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"nianbao/internal/workflow"
)

// ErrStateChanged is a state change asked of a report that is no longer in
// the state it was seen in (someone acted first).
var ErrStateChanged = errors.New("store: the report's state changed meanwhile")

// Audit actions of the review workflow.
const (
	ActComment        = "report.comment"
	ActCommentResolve = "report.comment.resolve"
	ActPublish        = "report.publish"
)

// StateChange is one move of a report through the workflow, with what it
// records on the way.
type StateChange struct {
	ReportID int64
	From, To workflow.State
	// Version is the version the actor saw: the change happens only if the
	// report is still at it (an approval is of what the reviewer read).
	Version int
	By      int64
	// Action names the move for the audit log (submit, return, approve …)
	// and Detail says more (a return's reason, a correction's note).
	Action, Detail string
	// Reasons are the clerk's reasons for the warnings of a submission, by
	// finding key; they replace earlier ones for the same findings.
	Reasons map[string]string
	// Submitted records the current version as the submitted one.
	Submitted bool
	// Reviewed records the current version as the one last reviewed.
	Reviewed bool
	// Correction starts the next revision with this 更正说明.
	Correction string
	// Publication, when set, is stored as the published revision.
	Publication *Publication
}

// ChangeState moves a report from one state to another in one transaction:
// the state (only if it is still From and at Version, else
// ErrStateChanged), what the move records, and the audit entry.
func (s *Store) ChangeState(ctx context.Context, ch StateChange) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var bodyID int64
		var version, revision int
		err := s.txQueryRow(ctx, tx, `SELECT body_id, version, revision FROM reports WHERE id = $1 AND state = $2 AND version = $3`,
			ch.ReportID, ch.From, ch.Version).Scan(&bodyID, &version, &revision)
		if errors.Is(err, sql.ErrNoRows) {
			return ErrStateChanged
		}
		if err != nil {
			return err
		}
		if err := s.moveTx(ctx, tx, ch, version, revision); err != nil {
			return err
		}
		if err := s.snapshotVersionTx(ctx, tx, ch.ReportID, version); err != nil {
			return err
		}
		if err := s.reasonsTx(ctx, tx, ch); err != nil {
			return err
		}
		if p := ch.Publication; p != nil {
			if err := s.publishTx(ctx, tx, p, ch.ReportID, bodyID, revision, ch.By); err != nil {
				return err
			}
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: ch.By, BodyID: bodyID, ReportID: ch.ReportID,
			Action: ActReportState, Detail: stateDetail(ch)})
	})
	if err != nil {
		return fmt.Errorf("store.ChangeState(%d, %s→%s): %w", ch.ReportID, ch.From, ch.To, err)
	}
	return nil
}

func stateDetail(ch StateChange) string {
	d := ch.Action + " " + string(ch.From) + "→" + string(ch.To)
	if ch.Detail != "" {
		d += "：" + ch.Detail
	}
	return d
}

func (s *Store) moveTx(ctx context.Context, tx *sql.Tx, ch StateChange, version, revision int) error {
	submitted, reviewed, correction := 0, 0, ""
	if ch.Submitted {
		submitted = version
	}
	if ch.Reviewed {
		reviewed = version
	}
	next := revision
	if ch.Correction != "" {
		next, correction = revision+1, ch.Correction
	}
	_, err := s.txExec(ctx, tx, `UPDATE reports SET state = $1, updated_at = $2, updated_by = $3,
		submitted_version = CASE WHEN $4 > 0 THEN $4 ELSE submitted_version END,
		submitted_by = CASE WHEN $4 > 0 THEN $3 ELSE submitted_by END,
		reviewed_version = CASE WHEN $5 > 0 THEN $5 ELSE reviewed_version END,
		revision = $6, correction = CASE WHEN $6 <> revision THEN $7 ELSE correction END
		WHERE id = $8`, ch.To, s.now(), nullID(ch.By), submitted, reviewed, next, correction, ch.ReportID)
	return err
}

func (s *Store) reasonsTx(ctx context.Context, tx *sql.Tx, ch StateChange) error {
	for finding, reason := range ch.Reasons {
		_, err := s.txExec(ctx, tx, `INSERT INTO warning_reasons (report_id, finding, reason, given_at, given_by)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (report_id, finding) DO UPDATE SET reason = excluded.reason,
				given_at = excluded.given_at, given_by = excluded.given_by`,
			ch.ReportID, finding, reason, s.now(), nullID(ch.By))
		if err != nil {
			return err
		}
	}
	return nil
}

// WarningReasons returns the reasons given for a report's warnings, by
// finding key.
func (s *Store) WarningReasons(ctx context.Context, reportID int64) (map[string]string, error) {
	rows, err := s.query(ctx, `SELECT finding, reason FROM warning_reasons WHERE report_id = $1`, reportID)
	if err != nil {
		return nil, fmt.Errorf("store.WarningReasons(%d): %w", reportID, err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, fmt.Errorf("store.WarningReasons(%d): %w", reportID, err)
		}
		out[k] = v
	}
	return out, rows.Err()
}

// Comment is a reviewer's comment on a report.
type Comment struct {
	ID, ReportID int64
	Revision     int
	// Version is the report version the comment was made on.
	Version int
	// Place is where it points (report.ParseCommentPlace reads it): ""
	// (the whole report), "section:三", "para:narrative.overview:2" or
	// "cell:requests.granted.total".
	Place      string
	Body       string
	CreatedAt  time.Time
	CreatedBy  int64
	AuthorName string
	ResolvedAt time.Time // zero while open
	ResolvedBy int64
}

// Resolved reports whether the clerk has marked the comment as addressed.
func (c *Comment) Resolved() bool { return !c.ResolvedAt.IsZero() }

// AddComment stores a comment on the report's current revision and
// version, and audits it.
func (s *Store) AddComment(ctx context.Context, reportID int64, place, body string, by int64) (*Comment, error) {
	c := &Comment{ReportID: reportID, Place: place, Body: body, CreatedAt: s.now(), CreatedBy: by}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var bodyID int64
		err := s.txQueryRow(ctx, tx, `SELECT body_id, revision, version FROM reports WHERE id = $1`, reportID).
			Scan(&bodyID, &c.Revision, &c.Version)
		if err != nil {
			return notFound(err)
		}
		err = s.txQueryRow(ctx, tx, `INSERT INTO comments (report_id, revision, version, place, body, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			reportID, c.Revision, c.Version, place, body, c.CreatedAt, nullID(by)).Scan(&c.ID)
		if err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, ReportID: reportID, Action: ActComment,
			Detail: place + "：" + body})
	})
	if err != nil {
		return nil, fmt.Errorf("store.AddComment(%d): %w", reportID, err)
	}
	return c, nil
}

// Comments lists the comments on a report's revision (0: on every
// revision), oldest first, with their authors' names.
func (s *Store) Comments(ctx context.Context, reportID int64, revision int) ([]Comment, error) {
	rows, err := s.query(ctx, `SELECT c.id, c.report_id, c.revision, c.version, c.place, c.body, c.created_at,
		COALESCE(c.created_by, 0), COALESCE(u.display_name, ''), COALESCE(u.username, ''), c.resolved_at, COALESCE(c.resolved_by, 0)
		FROM comments c LEFT JOIN users u ON u.id = c.created_by
		WHERE c.report_id = $1 AND ($2 = 0 OR c.revision = $2) ORDER BY c.id`, reportID, revision)
	if err != nil {
		return nil, fmt.Errorf("store.Comments(%d): %w", reportID, err)
	}
	defer rows.Close()
	var out []Comment
	for rows.Next() {
		var c Comment
		var display, username string
		var resolved sql.NullTime
		if err := rows.Scan(&c.ID, &c.ReportID, &c.Revision, &c.Version, &c.Place, &c.Body, &c.CreatedAt,
			&c.CreatedBy, &display, &username, &resolved, &c.ResolvedBy); err != nil {
			return nil, fmt.Errorf("store.Comments(%d): %w", reportID, err)
		}
		c.AuthorName = display
		if c.AuthorName == "" {
			c.AuthorName = username
		}
		c.ResolvedAt = resolved.Time
		out = append(out, c)
	}
	return out, rows.Err()
}

// ResolveComment marks a comment of the report as addressed; a comment of
// another report is ErrNotFound.
func (s *Store) ResolveComment(ctx context.Context, reportID, commentID, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var bodyID int64
		err := s.txQueryRow(ctx, tx, `SELECT r.body_id FROM comments c JOIN reports r ON r.id = c.report_id
			WHERE c.id = $1 AND c.report_id = $2`, commentID, reportID).Scan(&bodyID)
		if err != nil {
			return notFound(err)
		}
		_, err = s.txExec(ctx, tx, `UPDATE comments SET resolved_at = $1, resolved_by = $2
			WHERE id = $3 AND resolved_at IS NULL`, s.now(), nullID(by), commentID)
		if err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, ReportID: reportID,
			Action: ActCommentResolve, Detail: fmt.Sprintf("意见#%d", commentID)})
	})
	if err != nil {
		return fmt.Errorf("store.ResolveComment(%d, %d): %w", reportID, commentID, err)
	}
	return nil
}

// ReturnNote is the reviewer's last return of a report: who, when, and the
// reason and advice written for the clerk.
type ReturnNote struct {
	By     int64
	At     time.Time
	Reason string
}

// LastReturn returns the latest return of a report from the audit log
// (where ChangeState wrote it with its reason), and false when it was
// never returned.
func (s *Store) LastReturn(ctx context.Context, reportID int64) (ReturnNote, bool, error) {
	prefix := stateDetail(StateChange{Action: string(workflow.Return), From: workflow.Submitted, To: workflow.Returned}) + "："
	var n ReturnNote
	var detail string
	err := s.queryRow(ctx, `SELECT at, COALESCE(user_id, 0), detail FROM audit_log
		WHERE report_id = $1 AND action = $2 AND detail LIKE $3
		ORDER BY id DESC LIMIT 1`, reportID, ActReportState, prefix+"%").Scan(&n.At, &n.By, &detail)
	if errors.Is(err, sql.ErrNoRows) {
		return n, false, nil
	}
	if err != nil {
		return n, false, fmt.Errorf("store.LastReturn(%d): %w", reportID, err)
	}
	n.Reason = strings.TrimPrefix(detail, prefix)
	return n, true, nil
}
