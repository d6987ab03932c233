package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// Publication is a published revision of a report, frozen as it was
// published: its JSON (with the publication block) and its PDF.
type Publication struct {
	ID, ReportID, BodyID int64
	BodyName             string
	Year, Revision       int
	PublishedAt          time.Time
	PublishedBy          int64
	Correction           string
	// Data is the report's JSON as published; PDF the file as published
	// and SHA256 its digest (hex). Lists leave Data and PDF empty.
	Data   []byte
	PDF    []byte
	SHA256 string
}

// publishTx stores a published revision. The digest is taken here, from
// the very bytes stored.
func (s *Store) publishTx(ctx context.Context, tx *sql.Tx, p *Publication, reportID, bodyID int64, revision int, by int64) error {
	sum := sha256.Sum256(p.PDF)
	p.ReportID, p.BodyID, p.Revision, p.PublishedBy = reportID, bodyID, revision, by
	p.SHA256 = hex.EncodeToString(sum[:])
	if p.PublishedAt.IsZero() {
		p.PublishedAt = s.now()
	}
	err := s.txQueryRow(ctx, tx, `SELECT year FROM reports WHERE id = $1`, reportID).Scan(&p.Year)
	if err != nil {
		return err
	}
	err = s.txQueryRow(ctx, tx, `INSERT INTO publications (report_id, body_id, year, revision, published_at,
		published_by, correction, data, pdf, pdf_sha256) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		reportID, bodyID, p.Year, revision, p.PublishedAt, nullID(by), p.Correction, string(p.Data), p.PDF, p.SHA256).Scan(&p.ID)
	if isUnique(err) {
		return fmt.Errorf("revision %d of report %d is published already: %w", revision, reportID, ErrConflict)
	}
	return err
}

const publicationColumns = `p.id, p.report_id, p.body_id, b.name, p.year, p.revision, p.published_at,
	COALESCE(p.published_by, 0), p.correction, p.pdf_sha256`

func scanPublication(row scanner, extra ...any) (*Publication, error) {
	var p Publication
	dest := append([]any{&p.ID, &p.ReportID, &p.BodyID, &p.BodyName, &p.Year, &p.Revision, &p.PublishedAt,
		&p.PublishedBy, &p.Correction, &p.SHA256}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, notFound(err)
	}
	return &p, nil
}

// Publications lists a body's published revisions, newest year first and,
// within a year, newest revision first; without Data and PDF.
func (s *Store) Publications(ctx context.Context, bodyID int64) ([]Publication, error) {
	rows, err := s.query(ctx, `SELECT `+publicationColumns+` FROM publications p JOIN bodies b ON b.id = p.body_id
		WHERE p.body_id = $1 ORDER BY p.year DESC, p.revision DESC`, bodyID)
	if err != nil {
		return nil, fmt.Errorf("store.Publications(%d): %w", bodyID, err)
	}
	defer rows.Close()
	var out []Publication
	for rows.Next() {
		p, err := scanPublication(rows)
		if err != nil {
			return nil, fmt.Errorf("store.Publications(%d): %w", bodyID, err)
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

// Publication returns a published revision with its Data (not its PDF);
// revision 0 means the latest. A missing one is ErrNotFound.
func (s *Store) Publication(ctx context.Context, bodyID int64, year, revision int) (*Publication, error) {
	var data string
	p, err := scanPublication(s.queryRow(ctx, `SELECT `+publicationColumns+`, p.data
		FROM publications p JOIN bodies b ON b.id = p.body_id
		WHERE p.body_id = $1 AND p.year = $2 AND ($3 = 0 OR p.revision = $3)
		ORDER BY p.revision DESC LIMIT 1`, bodyID, year, revision), &data)
	if err != nil {
		return nil, fmt.Errorf("store.Publication(%d, %d, r%d): %w", bodyID, year, revision, err)
	}
	p.Data = []byte(data)
	return p, nil
}

// PublicationPDF returns the PDF of a published revision.
func (s *Store) PublicationPDF(ctx context.Context, id int64) ([]byte, error) {
	var pdf []byte
	if err := s.queryRow(ctx, `SELECT pdf FROM publications WHERE id = $1`, id).Scan(&pdf); err != nil {
		return nil, fmt.Errorf("store.PublicationPDF(%d): %w", id, notFound(err))
	}
	return pdf, nil
}

// PublishedBody is a body with at least one published report.
type PublishedBody struct {
	ID       int64
	Name     string
	ParentID int64
	Latest   int // the latest year published
	Count    int // published revisions in all
}

// PublishedBodies lists the bodies that have published reports, by name.
func (s *Store) PublishedBodies(ctx context.Context) ([]PublishedBody, error) {
	rows, err := s.query(ctx, `SELECT b.id, b.name, COALESCE(b.parent_id, 0), MAX(p.year), COUNT(*)
		FROM publications p JOIN bodies b ON b.id = p.body_id GROUP BY b.id, b.name, b.parent_id ORDER BY b.name`)
	if err != nil {
		return nil, fmt.Errorf("store.PublishedBodies: %w", err)
	}
	defer rows.Close()
	var out []PublishedBody
	for rows.Next() {
		var b PublishedBody
		if err := rows.Scan(&b.ID, &b.Name, &b.ParentID, &b.Latest, &b.Count); err != nil {
			return nil, fmt.Errorf("store.PublishedBodies: %w", err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}
