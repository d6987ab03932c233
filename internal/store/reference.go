package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"nianbao/internal/report"
)

// ActReferenceImport audits the import of a reference report.
const ActReferenceImport = "reference.import"

// Reference is last year's report of a body that was not written in
// nianbao: read from the text of the published report and confirmed by a
// clerk. It serves the carry-over prefill and the cross-year checks of the
// next year, where no report of its year was written in nianbao.
type Reference struct {
	BodyID int64
	Year   int
	// Revision counts imports of this body and year, from 1; a new import
	// replaces the content and raises it.
	Revision int
	Report   *report.Report
	// SourceText is the text exactly as confirmed.
	SourceText string
	ImportedAt time.Time
	ImportedBy int64
}

// SaveReference stores r, read from text, as the body's reference report
// for year, replacing one imported before, and audits it in the same
// transaction. It returns the stored record; Revision > 1 says it replaced
// an earlier import. A missing body is ErrNotFound.
func (s *Store) SaveReference(ctx context.Context, bodyID int64, year int, r *report.Report, text string, by int64) (*Reference, error) {
	r = withYear(r, year)
	data, err := r.MarshalJSON()
	if err != nil {
		return nil, fmt.Errorf("store.SaveReference(%d, %d): %w", bodyID, year, err)
	}
	ref := &Reference{BodyID: bodyID, Year: year, Report: r, SourceText: text, ImportedAt: s.now(), ImportedBy: by}
	var id int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.txQueryRow(ctx, tx, `SELECT id FROM bodies WHERE id = $1`, bodyID).Scan(new(int64)); err != nil {
			return notFound(err)
		}
		err := s.txQueryRow(ctx, tx, `INSERT INTO reference_reports (body_id, year, format, data, source_text,
			imported_at, imported_by) VALUES ($1, $2, $3, $4, $5, $6, $7)
			ON CONFLICT (body_id, year) DO UPDATE SET revision = reference_reports.revision + 1,
			format = excluded.format, data = excluded.data, source_text = excluded.source_text,
			imported_at = excluded.imported_at, imported_by = excluded.imported_by
			RETURNING id, revision`,
			bodyID, year, r.Format, string(data), text, ref.ImportedAt, nullID(by)).Scan(&id, &ref.Revision)
		if err != nil {
			return err
		}
		detail := fmt.Sprintf("%d年（%s年格式，第%d次导入）", year, r.Format, ref.Revision)
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, Action: ActReferenceImport, Detail: detail})
	})
	if err != nil {
		return nil, fmt.Errorf("store.SaveReference(%d, %d): %w", bodyID, year, err)
	}
	s.refCache.put(id, ref.Revision, r, "", "")
	return ref, nil
}

// Reference returns the body's reference report for year with its source
// text, or ErrNotFound.
func (s *Store) Reference(ctx context.Context, bodyID int64, year int) (*Reference, error) {
	ref := &Reference{BodyID: bodyID, Year: year}
	var data string
	err := s.queryRow(ctx, `SELECT revision, data, source_text, imported_at, COALESCE(imported_by, 0)
		FROM reference_reports WHERE body_id = $1 AND year = $2`, bodyID, year).
		Scan(&ref.Revision, &data, &ref.SourceText, &ref.ImportedAt, &ref.ImportedBy)
	if err != nil {
		return nil, fmt.Errorf("store.Reference(%d, %d): %w", bodyID, year, notFound(err))
	}
	if ref.Report, err = report.Decode([]byte(data)); err != nil {
		return nil, fmt.Errorf("store.Reference(%d, %d): stored report is unreadable: %w", bodyID, year, err)
	}
	return ref, nil
}

// ReferenceReport returns only the report of the body's reference for
// year, or ErrNotFound. It is on the path of every keystroke's live check
// (the cross-year warnings), so a decoded report is kept per revision.
func (s *Store) ReferenceReport(ctx context.Context, bodyID int64, year int) (*report.Report, error) {
	var id int64
	var revision int
	var data string
	err := s.queryRow(ctx, `SELECT id, revision, data FROM reference_reports WHERE body_id = $1 AND year = $2`,
		bodyID, year).Scan(&id, &revision, &data)
	if err != nil {
		return nil, fmt.Errorf("store.ReferenceReport(%d, %d): %w", bodyID, year, notFound(err))
	}
	if r := s.refCache.get(id, revision); r != nil {
		return r, nil
	}
	r, err := report.Decode([]byte(data))
	if err != nil {
		return nil, fmt.Errorf("store.ReferenceReport(%d, %d): stored report is unreadable: %w", bodyID, year, err)
	}
	s.refCache.put(id, revision, r, "", "")
	return r, nil
}

// ReportOrReference returns the body's report of year as the next year
// compares with it: the one written in nianbao, or else the reference
// report a clerk imported for that year; ErrNotFound when there is
// neither. Every keystroke's live check asks (the cross-year warnings):
// one statement finds which there is, and its content comes from the
// store's caches, read only on a miss.
func (s *Store) ReportOrReference(ctx context.Context, bodyID int64, year int) (*report.Report, error) {
	var ref bool
	var id int64
	var version int
	err := s.queryRow(ctx, `SELECT 0, id, version FROM reports WHERE body_id = $1 AND year = $2
		UNION ALL SELECT 1, id, revision FROM reference_reports WHERE body_id = $1 AND year = $2
		ORDER BY 1 LIMIT 1`, bodyID, year).Scan(&ref, &id, &version)
	if err != nil {
		return nil, fmt.Errorf("store.ReportOrReference(%d, %d): %w", bodyID, year, notFound(err))
	}
	switch {
	case !ref:
		if r := s.cache.get(id, version); r != nil {
			return r, nil
		}
		rec, err := s.Report(ctx, id)
		if err != nil {
			return nil, err
		}
		return rec.Report, nil
	default:
		if r := s.refCache.get(id, version); r != nil {
			return r, nil
		}
		return s.ReferenceReport(ctx, bodyID, year)
	}
}
