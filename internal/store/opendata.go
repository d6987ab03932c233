package store

import (
	"context"
	"fmt"
)

// latestOnly keeps, of each report's published revisions, the latest.
const latestOnly = `p.revision = (SELECT MAX(q.revision) FROM publications q WHERE q.report_id = p.report_id)`

// LatestPublications lists the latest published revision of every body's
// report of the years given (all years when none), by body name, then
// year; without Data, PDF, SHA256, PublishedBy and Correction. It is the
// open data's index: the caller picks the bodies from it.
func (s *Store) LatestPublications(ctx context.Context, years []int) ([]Publication, error) {
	// Only the columns of publications_year_idx: the rows themselves, with
	// their JSON and PDF, are not read.
	q := `SELECT p.id, p.report_id, p.body_id, b.name, p.year, p.revision, p.published_at, 0, '', ''
		FROM publications p JOIN bodies b ON b.id = p.body_id WHERE ` + latestOnly
	args := make([]any, len(years))
	for i, y := range years {
		args[i] = y
	}
	if len(years) > 0 {
		q += ` AND p.year IN (` + placeholders(1, len(years)) + `)`
	}
	rows, err := s.query(ctx, q+` ORDER BY b.name, b.id, p.year`, args...)
	if err != nil {
		return nil, fmt.Errorf("store.LatestPublications(%v): %w", years, err)
	}
	defer rows.Close()
	var out []Publication
	for rows.Next() {
		p, err := scanPublication(rows)
		if err != nil {
			return nil, fmt.Errorf("store.LatestPublications(%v): %w", years, err)
		}
		out = append(out, *p)
	}
	return out, rows.Err()
}

// PublicationsData returns the published JSON of the publications with
// the ids, by id.
func (s *Store) PublicationsData(ctx context.Context, ids []int64) (map[int64][]byte, error) {
	out := make(map[int64][]byte, len(ids))
	const chunk = 500 // well under every database's limit of parameters
	for len(ids) > 0 {
		n := min(len(ids), chunk)
		args := make([]any, n)
		for i, id := range ids[:n] {
			args[i] = id
		}
		// Built with placeholders only: no value is spliced into the SQL.
		counted(ctx)
		rows, err := s.DB.QueryContext(ctx, `SELECT id, data FROM publications WHERE id IN (`+placeholders(1, n)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("store.PublicationsData: %w", err)
		}
		for rows.Next() {
			var id int64
			var data string
			if err := rows.Scan(&id, &data); err != nil {
				rows.Close()
				return nil, fmt.Errorf("store.PublicationsData: %w", err)
			}
			out[id] = []byte(data)
		}
		if err := rows.Close(); err != nil {
			return nil, fmt.Errorf("store.PublicationsData: %w", err)
		}
		ids = ids[n:]
	}
	return out, nil
}

// EachLatestPublication calls fn with the latest published revision of
// every body's report of a year, with its Data, by body name: the yearly
// bulk file, streamed row by row so that thousands of reports never sit
// in memory together.
func (s *Store) EachLatestPublication(ctx context.Context, year int, fn func(*Publication) error) error {
	rows, err := s.query(ctx, `SELECT `+publicationColumns+`, p.data FROM publications p JOIN bodies b ON b.id = p.body_id
		WHERE p.year = $1 AND `+latestOnly+` ORDER BY b.name, b.id`, year)
	if err != nil {
		return fmt.Errorf("store.EachLatestPublication(%d): %w", year, err)
	}
	defer rows.Close()
	for rows.Next() {
		var data string
		p, err := scanPublication(rows, &data)
		if err != nil {
			return fmt.Errorf("store.EachLatestPublication(%d): %w", year, err)
		}
		p.Data = []byte(data)
		if err := fn(p); err != nil {
			return err
		}
	}
	return rows.Err()
}
