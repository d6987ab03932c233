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

// reportMeta are a report row's columns but its content (data, unread),
// which a current row whose version is cached need not read at all.
const reportMeta = `id, body_id, year, state, version, updated_at, COALESCE(updated_by, 0),
	created_at, COALESCE(created_by, 0), revision, correction, submitted_version, reviewed_version, errors, warnings,
	COALESCE(submitted_by, 0)`

// scanMeta reads the reportMeta columns, then any more into more.
func scanMeta(row scanner, more ...any) (*ReportRecord, error) {
	var rec ReportRecord
	err := row.Scan(append([]any{&rec.ID, &rec.BodyID, &rec.Year, &rec.State, &rec.Version,
		&rec.UpdatedAt, &rec.UpdatedBy, &rec.CreatedAt, &rec.CreatedBy,
		&rec.Revision, &rec.Correction, &rec.SubmittedVersion, &rec.ReviewedVersion, &rec.Errors, &rec.Warnings,
		&rec.SubmittedBy}, more...)...)
	if err != nil {
		return nil, notFound(err)
	}
	return &rec, nil
}

// decodeContent sets rec's report from its stored data and unread texts.
func decodeContent(rec *ReportRecord, data, unread string) error {
	r, err := report.Decode([]byte(data))
	if err != nil {
		return fmt.Errorf("stored report %d is unreadable: %w", rec.ID, err)
	}
	var texts map[string]string
	if err := json.Unmarshal([]byte(unread), &texts); err != nil {
		return fmt.Errorf("stored report %d: unread texts: %w", rec.ID, err)
	}
	r.SetUnreadByPath(texts)
	rec.Report = r
	return nil
}

// currentReport reads the report row where says (with args): its columns,
// and its content from the cache when the row's version is there, else
// from a second read of the row (by id, so it is the same report, though
// maybe a newer version), which is then cached.
func (s *Store) currentReport(ctx context.Context, where string, args ...any) (*ReportRecord, error) {
	rec, err := scanMeta(s.queryRow(ctx, `SELECT `+reportMeta+` FROM reports WHERE `+where, args...))
	if err != nil {
		return nil, err
	}
	if rec.Report = s.cache.get(rec.ID, rec.Version); rec.Report != nil {
		return rec, nil
	}
	var data, unread string
	if rec, err = scanMeta(s.queryRow(ctx, `SELECT `+reportMeta+`, data, unread FROM reports WHERE id = $1`, rec.ID),
		&data, &unread); err != nil {
		return nil, err
	}
	if err := decodeContent(rec, data, unread); err != nil {
		return nil, err
	}
	s.cache.put(rec.ID, rec.Version, rec.Report, data, unread)
	return rec, nil
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
	rec, err := s.currentReport(ctx, `id = $1`, id)
	if err != nil {
		return nil, fmt.Errorf("store.Report(%d): %w", id, err)
	}
	return rec, nil
}

// ReportByBodyYear returns the body's report for year, or ErrNotFound.
func (s *Store) ReportByBodyYear(ctx context.Context, bodyID int64, year int) (*ReportRecord, error) {
	rec, err := s.currentReport(ctx, `body_id = $1 AND year = $2`, bodyID, year)
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
	data, err := r.JSONText()
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
			bodyID, year, workflow.Draft, data, now, nullID(by), rec.Errors, rec.Warnings).Scan(&rec.ID)
		if isUnique(err) {
			return ErrConflict
		}
		if err != nil {
			return err
		}
		return s.keepVersionTx(ctx, tx, rec.ID, 1, data, unreadJSON(r), prevVersion{}, by, ActReportCreate, bodyID)
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
	var saved cached
	err = s.inRowTx(ctx, func(tx *sql.Tx) error {
		saved, newVersion, err = s.saveDraftTx(ctx, tx, id, baseVersion, r, tally, by)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store.SaveDraft(%d, v%d): %w", id, baseVersion, err)
	}
	s.cache.put(id, newVersion, saved.r, saved.data, saved.unread)
	return newVersion, nil
}

// saveDraftTx is SaveDraft within a transaction, for saves that commit
// together with more (a summary's sums); the caller puts the saved report
// (with the texts it is stored as) into the cache once the transaction has
// committed. It locks the report's row first (forUpdate), which is all
// inRowTx relies on. The texts of the version it replaces, for the change
// it keeps, come from the cache (the request read that version moments
// ago) and are read from the row only when the cache does not hold them.
func (s *Store) saveDraftTx(ctx context.Context, tx *sql.Tx, id int64, baseVersion int, r *report.Report, tally report.Tally, by int64) (cached, int, error) {
	var bodyID int64
	var version, year, chain int
	var state workflow.State
	// The chain of the version replaced comes with the lock: the version
	// kept next is a change against it (keepVersionRowTx).
	err := s.txQueryRow(ctx, tx, s.forUpdate(`SELECT r.body_id, r.year, r.version, r.state,
		COALESCE((SELECT v.chain FROM report_versions v WHERE v.report_id = r.id AND v.version = r.version), 0)
		FROM reports r WHERE r.id = $1`), id).
		Scan(&bodyID, &year, &version, &state, &chain)
	switch {
	case err != nil:
		return cached{}, 0, notFound(err)
	case version != baseVersion:
		return cached{}, 0, ErrStale
	case !state.Editable():
		return cached{}, 0, ErrNotEditable
	}
	prevData, prevUnread, ok := s.cache.texts(id, version)
	if !ok {
		err := s.txQueryRow(ctx, tx, `SELECT data, unread FROM reports WHERE id = $1`, id).Scan(&prevData, &prevUnread)
		if err != nil {
			return cached{}, 0, err
		}
	}
	saved := cached{r: withYear(r, year), unread: unreadJSON(r)}
	if saved.data, err = saved.r.JSONText(); err != nil {
		return cached{}, 0, err
	}
	newVersion := version + 1
	_, err = s.txExec(ctx, tx, `UPDATE reports SET version = $1, data = $2, unread = $3, updated_at = $4,
		updated_by = $5, errors = $6, warnings = $7, confirmed = $8 WHERE id = $9`,
		newVersion, saved.data, saved.unread, s.now(), nullID(by), tally.Errors, tally.Warnings, tally.Confirmed, id)
	if err != nil {
		return cached{}, 0, err
	}
	return saved, newVersion, s.keepVersionTx(ctx, tx, id, newVersion, saved.data, saved.unread, prevVersion{prevData, prevUnread, chain}, by, ActReportSave, bodyID)
}

// keepVersionTx adds a row to report_versions (a snapshot or the change
// against prev, the version before: delta.go) and
// audits the save.
func (s *Store) keepVersionTx(ctx context.Context, tx *sql.Tx, id int64, version int, data, unread string, prev prevVersion, by int64, action string, bodyID int64) error {
	if err := s.keepVersionRowTx(ctx, tx, id, version, data, unread, prev, by); err != nil {
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
	rec, err := scanMeta(s.queryRow(ctx, `SELECT r.id, r.body_id, r.year, r.state, v.version,
		v.saved_at, COALESCE(v.saved_by, 0), r.created_at, COALESCE(r.created_by, 0),
		r.revision, r.correction, r.submitted_version, r.reviewed_version, r.errors, r.warnings,
		COALESCE(r.submitted_by, 0)
		FROM report_versions v JOIN reports r ON r.id = v.report_id
		WHERE v.report_id = $1 AND v.version = $2`, id, version))
	if err == nil {
		err = decodeContent(rec, data, unread)
	}
	if err != nil {
		return nil, fmt.Errorf("store.ReportVersion(%d, v%d): %w", id, version, err)
	}
	return rec, nil
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
