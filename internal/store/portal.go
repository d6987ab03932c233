package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// ActPortal records the portal address of a published revision (回填).
const ActPortal = "report.portal"

// SetPortalURL records where a published revision was posted on a portal,
// with the audit entry. The revision is named by its report and number; a
// revision not published is ErrNotFound.
func (s *Store) SetPortalURL(ctx context.Context, reportID int64, revision int, url string, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var bodyID int64
		err := s.txQueryRow(ctx, tx, `SELECT body_id FROM publications WHERE report_id = $1 AND revision = $2`,
			reportID, revision).Scan(&bodyID)
		if err != nil {
			return notFound(err)
		}
		if _, err := s.txExec(ctx, tx, `UPDATE publications SET portal_url = $1, portal_at = $2, portal_by = $3
			WHERE report_id = $4 AND revision = $5`, url, s.now(), nullID(by), reportID, revision); err != nil {
			return err
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, ReportID: reportID, Action: ActPortal,
			Detail: "第" + strconv.Itoa(revision) + "版：" + url})
	})
	if err != nil {
		return fmt.Errorf("store.SetPortalURL(%d, r%d): %w", reportID, revision, err)
	}
	return nil
}

// PortalLink is the portal address of a published revision.
type PortalLink struct {
	ReportID int64
	Revision int
	URL      string
}

// PortalURLs returns, for each published revision of a report, its portal
// address ("" when none was recorded), by revision.
func (s *Store) PortalURLs(ctx context.Context, reportID int64) (map[int]string, error) {
	rows, err := s.query(ctx, `SELECT revision, portal_url FROM publications WHERE report_id = $1`, reportID)
	if err != nil {
		return nil, fmt.Errorf("store.PortalURLs(%d): %w", reportID, err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var rev int
		var url string
		if err := rows.Scan(&rev, &url); err != nil {
			return nil, fmt.Errorf("store.PortalURLs(%d): %w", reportID, err)
		}
		out[rev] = url
	}
	return out, rows.Err()
}

// LatestPortalLinks returns, for the reports of a year, the portal address
// of each report's latest revision that has one, by report id (the
// board's links).
func (s *Store) LatestPortalLinks(ctx context.Context, year int) (map[int64]PortalLink, error) {
	rows, err := s.query(ctx, `SELECT report_id, revision, portal_url FROM publications
		WHERE year = $1 AND portal_url <> '' ORDER BY report_id, revision`, year)
	if err != nil {
		return nil, fmt.Errorf("store.LatestPortalLinks(%d): %w", year, err)
	}
	defer rows.Close()
	out := map[int64]PortalLink{}
	for rows.Next() {
		var l PortalLink
		if err := rows.Scan(&l.ReportID, &l.Revision, &l.URL); err != nil {
			return nil, fmt.Errorf("store.LatestPortalLinks(%d): %w", year, err)
		}
		out[l.ReportID] = l // later revisions come last
	}
	return out, rows.Err()
}
