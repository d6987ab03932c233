package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"nianbao/internal/org"
	"nianbao/internal/workflow"
)

// BoardRow is one body on a supervisor's status board for a year: the
// body, and its report of that year if there is one.
type BoardRow struct {
	Body  Body
	Depth int // 0 for a root of the board
	// ReportID is 0 when the body has not started that year's report.
	ReportID         int64
	State            workflow.State
	Revision         int
	Errors, Warnings int
	// Confirmed counts the warnings a reviewer marked 已核实, of Warnings.
	Confirmed int
	UpdatedAt time.Time
	// PublishedAt is the first publication (revision 1) of the year's
	// report, if any: what the legal deadline is met by.
	PublishedAt time.Time
}

// Board returns every body at or below the roots with its report for year,
// in tree order (each body before those below it, siblings by name; a root
// below another root sits in its place in the tree). It is one query, so
// that a board of thousands of bodies stays fast.
func (s *Store) Board(ctx context.Context, roots []int64, year int) ([]BoardRow, error) {
	if len(roots) == 0 {
		return nil, nil
	}
	args := []any{year}
	for _, r := range roots {
		args = append(args, r)
	}
	rows, err := s.query(ctx, `WITH RECURSIVE sub(id) AS (
			SELECT id FROM bodies WHERE id IN (`+placeholders(2, len(roots))+`)
			UNION
			SELECT b.id FROM bodies b JOIN sub ON b.parent_id = sub.id
		)
		SELECT b.id, COALESCE(b.parent_id, 0), b.name, b.kind, COALESCE(b.deadline_month, 0), COALESCE(b.deadline_day, 0),
			b.created_at, 0, COALESCE(r.id, 0), COALESCE(r.state, ''), COALESCE(r.revision, 0),
			COALESCE(r.errors, 0), COALESCE(r.warnings, 0), COALESCE(r.confirmed, 0), r.updated_at, p.published_at
		FROM sub JOIN bodies b ON b.id = sub.id
		LEFT JOIN reports r ON r.body_id = b.id AND r.year = $1
		LEFT JOIN publications p ON p.report_id = r.id AND p.revision = 1
		ORDER BY b.name, b.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store.Board(%v, %d): %w", roots, year, err)
	}
	defer rows.Close()
	var out []BoardRow
	for rows.Next() {
		row, err := scanBoardRow(rows)
		if err != nil {
			return nil, fmt.Errorf("store.Board(%v, %d): %w", roots, year, err)
		}
		out = append(out, row)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store.Board(%v, %d): %w", roots, year, err)
	}
	return inTreeOrder(out), nil
}

// inTreeOrder orders rows (given by name) depth first, each body after its
// parent, and sets their depth below the tops of the set.
func inTreeOrder(rows []BoardRow) []BoardRow {
	in := make(map[int64]bool, len(rows))
	for _, r := range rows {
		in[r.Body.ID] = true
	}
	kids := map[int64][]int{}
	for i, r := range rows {
		parent := r.Body.ParentID
		if !in[parent] {
			parent = 0
		}
		kids[parent] = append(kids[parent], i)
	}
	out := make([]BoardRow, 0, len(rows))
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, i := range kids[parent] {
			r := rows[i]
			r.Depth = depth
			out = append(out, r)
			walk(r.Body.ID, depth+1)
		}
	}
	walk(0, 0)
	return out
}

func scanBoardRow(rows *sql.Rows) (BoardRow, error) {
	var r BoardRow
	var kind string
	var month int
	var updated, published sql.NullTime
	err := rows.Scan(&r.Body.ID, &r.Body.ParentID, &r.Body.Name, &kind, &month, &r.Body.DeadlineDay, &r.Body.CreatedAt,
		&r.Depth, &r.ReportID, &r.State, &r.Revision, &r.Errors, &r.Warnings, &r.Confirmed, &updated, &published)
	r.Body.Kind, r.Body.DeadlineMonth = org.Kind(kind), time.Month(month)
	r.UpdatedAt, r.PublishedAt = updated.Time, published.Time
	return r, err
}
