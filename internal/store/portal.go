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
		var year int
		err := s.txQueryRow(ctx, tx, `SELECT body_id, year FROM publications WHERE report_id = $1 AND revision = $2`,
			reportID, revision).Scan(&bodyID, &year)
		if err != nil {
			return notFound(err)
		}
		if _, err := s.txExec(ctx, tx, `INSERT INTO portal_links (report_id, revision, year, url, recorded_at, recorded_by)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (report_id, revision)
			DO UPDATE SET url = excluded.url, recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by`,
			reportID, revision, year, url, s.now(), nullID(by)); err != nil {
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
	rows, err := s.query(ctx, `SELECT p.revision, COALESCE(l.url, '') FROM publications p
		LEFT JOIN portal_links l ON l.report_id = p.report_id AND l.revision = p.revision WHERE p.report_id = $1`, reportID)
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
	rows, err := s.query(ctx, `SELECT report_id, revision, url FROM portal_links
		WHERE year = $1 AND url <> '' ORDER BY report_id, revision`, year)
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
