package store

import (
	"context"
	"database/sql"
	"fmt"

	"nianbao/internal/report"
)

// ActFindingMark audits a reviewer's mark on a warning (or its removal).
const ActFindingMark = "report.mark"

// FindingMarks returns a report's marks by fingerprint, with the
// reviewers' names.
func (s *Store) FindingMarks(ctx context.Context, reportID int64) (map[string]report.Mark, error) {
	rows, err := s.query(ctx, marksQuery, reportID)
	if err != nil {
		return nil, fmt.Errorf("store.FindingMarks(%d): %w", reportID, err)
	}
	out, err := scanMarks(rows)
	if err != nil {
		return nil, fmt.Errorf("store.FindingMarks(%d): %w", reportID, err)
	}
	return out, nil
}

// marksQuery reads a report's marks ($1) with the reviewers' names.
const marksQuery = `SELECT m.fingerprint, m.rule, m.status, m.reason, COALESCE(u.display_name, ''),
		COALESCE(u.username, ''), m.marked_at
	FROM finding_marks m LEFT JOIN users u ON u.id = m.marked_by WHERE m.report_id = $1`

// scanMarks reads marksQuery's rows, by fingerprint, and closes them.
func scanMarks(rows *sql.Rows) (map[string]report.Mark, error) {
	defer rows.Close()
	out := map[string]report.Mark{}
	for rows.Next() {
		var m report.Mark
		var display, username string
		if err := rows.Scan(&m.Print, &m.Rule, &m.Status, &m.Reason, &display, &username, &m.At); err != nil {
			return nil, err
		}
		m.By = display
		if m.By == "" {
			m.By = username
		}
		out[m.Print] = m
	}
	return out, rows.Err()
}

// SetFindingMark keeps a reviewer's mark on the warning m.Print of a
// report (m.Status "" removes it) and the report's count of its current
// warnings marked confirmed, which confirmed counts from the marks as the
// transaction leaves them (so two reviewers marking at once are both
// counted), in one audited transaction.
func (s *Store) SetFindingMark(ctx context.Context, reportID int64, m report.Mark, confirmed func(map[string]report.Mark) int, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var bodyID int64
		if err := s.txQueryRow(ctx, tx, `SELECT body_id FROM reports WHERE id = $1`, reportID).Scan(&bodyID); err != nil {
			return notFound(err)
		}
		if _, err := s.txExec(ctx, tx, `DELETE FROM finding_marks WHERE report_id = $1 AND fingerprint = $2`, reportID, m.Print); err != nil {
			return err
		}
		what := "“" + report.RuleTitles[m.Rule] + "”的提醒"
		detail := "撤销对" + what + "的标记"
		if m.Status != "" {
			if _, err := s.txExec(ctx, tx, `INSERT INTO finding_marks (report_id, fingerprint, rule, status, reason, marked_by, marked_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, reportID, m.Print, m.Rule, string(m.Status), m.Reason, nullID(by), s.now()); err != nil {
				return err
			}
			detail = what + m.Status.Label() + "：" + m.Reason
		}
		counted(ctx)
		rows, err := tx.QueryContext(ctx, marksQuery, reportID)
		if err != nil {
			return err
		}
		marks, err := scanMarks(rows)
		if err != nil {
			return err
		}
		if _, err := s.txExec(ctx, tx, `UPDATE reports SET confirmed = $1 WHERE id = $2`, confirmed(marks), reportID); err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, ReportID: reportID, Action: ActFindingMark, Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("store.SetFindingMark(%d): %w", reportID, err)
	}
	return nil
}
