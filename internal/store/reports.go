package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"nianbao/internal/report"
	"nianbao/internal/workflow"
)

// ReportRecord is a stored report: one per body and year.
type ReportRecord struct {
	ID, BodyID int64
	Year       int
	State      workflow.State
	// Version counts saves, from 1 at creation; a save names the version
	// it was based on (optimistic concurrency).
	Version int
	// Report is the content; nil in lists (ReportsOfBody).
	Report    *report.Report
	UpdatedAt time.Time
	UpdatedBy int64
	CreatedAt time.Time
	CreatedBy int64
	// Revision is the revision being worked on (1 until a published report
	// is corrected); Correction its 更正说明.
	Revision   int
	Correction string
	// SubmittedVersion is the version last submitted; ReviewedVersion the
	// version a reviewer last returned or approved (0: none yet).
	SubmittedVersion, ReviewedVersion int
	// SubmittedBy is who submitted SubmittedVersion (0: nobody yet).
	SubmittedBy int64
	// Errors and Warnings count the findings of a final check at the last
	// save (the board also counts those a reviewer confirmed: BoardRow).
	Errors, Warnings int
}

const reportColumns = `id, body_id, year, state, version, data, unread, updated_at, COALESCE(updated_by, 0),
	created_at, COALESCE(created_by, 0), revision, correction, submitted_version, reviewed_version, errors, warnings,
	COALESCE(submitted_by, 0)`

// scanReport reads a report row; with a cache, a current row whose version
// is cached is not decoded again.
func scanReport(row scanner, cache *reportCache) (*ReportRecord, error) {
	var rec ReportRecord
	var data, unread string
	err := row.Scan(&rec.ID, &rec.BodyID, &rec.Year, &rec.State, &rec.Version, &data, &unread,
		&rec.UpdatedAt, &rec.UpdatedBy, &rec.CreatedAt, &rec.CreatedBy,
		&rec.Revision, &rec.Correction, &rec.SubmittedVersion, &rec.ReviewedVersion, &rec.Errors, &rec.Warnings,
		&rec.SubmittedBy)
	if err != nil {
		return nil, notFound(err)
	}
	if cache != nil {
		if rec.Report = cache.get(rec.ID, rec.Version); rec.Report != nil {
			return &rec, nil
		}
	}
	if rec.Report, err = report.Decode([]byte(data)); err != nil {
		return nil, fmt.Errorf("stored report %d is unreadable: %w", rec.ID, err)
	}
	var texts map[string]string
	if err := json.Unmarshal([]byte(unread), &texts); err != nil {
		return nil, fmt.Errorf("stored report %d: unread texts: %w", rec.ID, err)
	}
	rec.Report.SetUnreadByPath(texts)
	if cache != nil {
		cache.put(rec.ID, rec.Version, rec.Report)
	}
	return &rec, nil
}

// unreadJSON is what a clerk typed that could not be read, for storage.
func unreadJSON(r *report.Report) string {
	data, _ := json.Marshal(r.UnreadByPath()) // a map of strings always encodes
	if string(data) == "null" {
		return "{}"
	}
	return string(data)
}

// Report returns a report at its current version, or ErrNotFound.
func (s *Store) Report(ctx context.Context, id int64) (*ReportRecord, error) {
	rec, err := scanReport(s.queryRow(ctx, `SELECT `+reportColumns+` FROM reports WHERE id = $1`, id), s.cache)
	if err != nil {
		return nil, fmt.Errorf("store.Report(%d): %w", id, err)
	}
	return rec, nil
}

// ReportByBodyYear returns the body's report for year, or ErrNotFound.
func (s *Store) ReportByBodyYear(ctx context.Context, bodyID int64, year int) (*ReportRecord, error) {
	rec, err := scanReport(s.queryRow(ctx, `SELECT `+reportColumns+` FROM reports
		WHERE body_id = $1 AND year = $2`, bodyID, year), s.cache)
	if err != nil {
		return nil, fmt.Errorf("store.ReportByBodyYear(%d, %d): %w", bodyID, year, err)
	}
	return rec, nil
}

// ReportsOfBody lists the body's reports, newest year first, without their
// content (Report is nil).
func (s *Store) ReportsOfBody(ctx context.Context, bodyID int64) ([]ReportRecord, error) {
	rows, err := s.query(ctx, `SELECT id, body_id, year, state, version, updated_at,
		COALESCE(updated_by, 0), created_at, COALESCE(created_by, 0)
		FROM reports WHERE body_id = $1 ORDER BY year DESC`, bodyID)
	if err != nil {
		return nil, fmt.Errorf("store.ReportsOfBody(%d): %w", bodyID, err)
	}
	defer rows.Close()
	var out []ReportRecord
	for rows.Next() {
		var r ReportRecord
		if err := rows.Scan(&r.ID, &r.BodyID, &r.Year, &r.State, &r.Version, &r.UpdatedAt, &r.UpdatedBy,
			&r.CreatedAt, &r.CreatedBy); err != nil {
			return nil, fmt.Errorf("store.ReportsOfBody(%d): %w", bodyID, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// CreateReport stores r as the body's draft for year, version 1 (kept in
// report_versions too), and audits it. A report for that body and year
// already there is ErrConflict; a missing body ErrNotFound.
func (s *Store) CreateReport(ctx context.Context, bodyID int64, year int, r *report.Report, by int64) (*ReportRecord, error) {
	if year < 2000 || year > 2200 {
		return nil, fmt.Errorf("store.CreateReport(%d, %d): the report format holds years 2000 to 2200 only", bodyID, year)
	}
	r = withYear(r, year)
	data, err := r.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("store.CreateReport(%d, %d): %w", bodyID, year, err)
	}
	now := s.now()
	rec := &ReportRecord{BodyID: bodyID, Year: year, State: workflow.Draft, Version: 1, Report: r,
		UpdatedAt: now, UpdatedBy: by, CreatedAt: now, CreatedBy: by}
	settings, err := s.CheckSettings(ctx, bodyID)
	if err != nil {
		return nil, fmt.Errorf("store.CreateReport(%d, %d): %w", bodyID, year, err)
	}
	// Checked before the transaction: a write holds every other writer back.
	t := report.TallyOf(report.Check(r, settings.Options(report.Options{Final: true})))
	rec.Errors, rec.Warnings = t.Errors, t.Warnings
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.txQueryRow(ctx, tx, `SELECT id FROM bodies WHERE id = $1`, bodyID).Scan(new(int64)); err != nil {
			return notFound(err)
		}
		err := s.txQueryRow(ctx, tx, `INSERT INTO reports (body_id, year, state, version, data,
			created_at, created_by, updated_at, updated_by, errors, warnings)
			VALUES ($1, $2, $3, 1, $4, $5, $6, $5, $6, $7, $8) RETURNING id`,
			bodyID, year, workflow.Draft, string(data), now, nullID(by), rec.Errors, rec.Warnings).Scan(&rec.ID)
		if isUnique(err) {
			return ErrConflict
		}
		if err != nil {
			return err
		}
		return s.keepVersionTx(ctx, tx, rec.ID, 1, string(data), unreadJSON(r), "", "", by, ActReportCreate, bodyID)
	})
	if err != nil {
		return nil, fmt.Errorf("store.CreateReport(%d, %d): %w", bodyID, year, err)
	}
	return rec, nil
}

// SaveDraft stores r as version baseVersion+1 if the stored version is
// still baseVersion (else ErrStale, nothing written), keeps the version in
// report_versions, and audits it, in one transaction. A report that is
// neither a draft nor returned is ErrNotEditable; a missing one
// ErrNotFound. When SaveDraft returns without error the save is durable:
// it survives a crash of the process. tally is the caller's check of r
// (report.TallyOf): the store keeps the numbers, it does not check.
func (s *Store) SaveDraft(ctx context.Context, id int64, baseVersion int, r *report.Report, tally report.Tally, by int64) (newVersion int, err error) {
	var saved *report.Report
	err = s.inRowTx(ctx, func(tx *sql.Tx) error {
		saved, newVersion, err = s.saveDraftTx(ctx, tx, id, baseVersion, r, tally, by)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store.SaveDraft(%d, v%d): %w", id, baseVersion, err)
	}
	s.cache.put(id, newVersion, saved)
	return newVersion, nil
}

// saveDraftTx is SaveDraft within a transaction, for saves that commit
// together with more (a summary's sums); the caller puts the saved report
// into the cache once the transaction has committed. It locks the
// report's row first (forUpdate), which is all inRowTx relies on.
func (s *Store) saveDraftTx(ctx context.Context, tx *sql.Tx, id int64, baseVersion int, r *report.Report, tally report.Tally, by int64) (*report.Report, int, error) {
	var bodyID int64
	var version, year int
	var state workflow.State
	var prevData, prevUnread string
	err := s.txQueryRow(ctx, tx, s.forUpdate(`SELECT body_id, year, version, state, data, unread FROM reports WHERE id = $1`), id).
		Scan(&bodyID, &year, &version, &state, &prevData, &prevUnread)
	switch {
	case err != nil:
		return nil, 0, notFound(err)
	case version != baseVersion:
		return nil, 0, ErrStale
	case !state.Editable():
		return nil, 0, ErrNotEditable
	}
	saved := withYear(r, year)
	data, err := saved.MarshalJSON()
	if err != nil {
		return nil, 0, err
	}
	newVersion := version + 1
	unread := unreadJSON(r)
	_, err = s.txExec(ctx, tx, `UPDATE reports SET version = $1, data = $2, unread = $3, updated_at = $4,
		updated_by = $5, errors = $6, warnings = $7, confirmed = $8 WHERE id = $9`,
		newVersion, string(data), unread, s.now(), nullID(by), tally.Errors, tally.Warnings, tally.Confirmed, id)
	if err != nil {
		return nil, 0, err
	}
	return saved, newVersion, s.keepVersionTx(ctx, tx, id, newVersion, string(data), unread, prevData, prevUnread, by, ActReportSave, bodyID)
}

// keepVersionTx adds a row to report_versions (a snapshot or the change
// against prevData and prevUnread, the version before: delta.go) and
// audits the save.
func (s *Store) keepVersionTx(ctx context.Context, tx *sql.Tx, id int64, version int, data, unread, prevData, prevUnread string, by int64, action string, bodyID int64) error {
	if err := s.keepVersionRowTx(ctx, tx, id, version, data, unread, prevData, prevUnread, by); err != nil {
		return err
	}
	return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, ReportID: id, Action: action,
		Detail: fmt.Sprintf("v%d", version)})
}

// ReportVersion returns a report as it was saved at version (state is the
// report's current one), or ErrNotFound.
func (s *Store) ReportVersion(ctx context.Context, id int64, version int) (*ReportRecord, error) {
	data, unread, err := versionTexts(ctx, s.DB, id, version)
	if err != nil {
		return nil, fmt.Errorf("store.ReportVersion(%d, v%d): %w", id, version, err)
	}
	rec, err := scanReport(withTexts{s.queryRow(ctx, `SELECT r.id, r.body_id, r.year, r.state, v.version, v.data,
		v.unread, v.saved_at, COALESCE(v.saved_by, 0), r.created_at, COALESCE(r.created_by, 0),
		r.revision, r.correction, r.submitted_version, r.reviewed_version, r.errors, r.warnings,
		COALESCE(r.submitted_by, 0)
		FROM report_versions v JOIN reports r ON r.id = v.report_id
		WHERE v.report_id = $1 AND v.version = $2`, id, version), data, unread}, nil)
	if err != nil {
		return nil, fmt.Errorf("store.ReportVersion(%d, v%d): %w", id, version, err)
	}
	return rec, nil
}

// withTexts is a report row whose data and unread columns (the sixth and
// seventh) are replaced by the texts of a version put together from its
// snapshot and changes (versionTexts).
type withTexts struct {
	row          scanner
	data, unread string
}

func (w withTexts) Scan(dest ...any) error {
	if err := w.row.Scan(dest...); err != nil {
		return err
	}
	*dest[5].(*string), *dest[6].(*string) = w.data, w.unread
	return nil
}

// withYear returns r, or a copy of it with the year set when it differs: a
// stored report always carries the year it is filed under.
func withYear(r *report.Report, year int) *report.Report {
	if r.Year == year {
		return r
	}
	c := r.Clone()
	c.Year = year
	return c
}
