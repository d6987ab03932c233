package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/rollup"
	"nianbao/internal/workflow"
)

// Audit actions of the 汇总 reports.
const (
	ActRollupTake     = "report.rollup"
	ActRollupOverride = "report.rollup.override"
)

// RegionMembers returns every body below root with its report of year as
// the roll-up sees it: its state, what counts of it (rollup.Countable) and,
// for what counts, its scope and numbers. The numbers come from
// report_cells, one query for the whole region; those not there yet are
// decoded once from the report's JSON and kept. root itself is left out.
func (s *Store) RegionMembers(ctx context.Context, root int64, year int) ([]rollup.Member, error) {
	members, todo, err := s.regionRows(ctx, root, year)
	if err != nil {
		return nil, fmt.Errorf("store.RegionMembers(%d, %d): %w", root, year, err)
	}
	if len(todo) > 0 {
		if err := s.fillCells(ctx, members, todo); err != nil {
			return nil, fmt.Errorf("store.RegionMembers(%d, %d): %w", root, year, err)
		}
	}
	return members, nil
}

// regionRows reads the region in one query; todo are the indexes of the
// members that count but whose numbers are not kept yet. Of a report it
// reads only the columns before its JSON, so that SQLite never reads the
// JSON's overflow pages; its latest publication is the last one published
// (ids grow). The join with
// report_cells looks for the source rollup.Countable will name (a version
// of an approved or published report, else the last published revision);
// should the two ever disagree, the numbers are only decoded again.
func (s *Store) regionRows(ctx context.Context, root int64, year int) ([]rollup.Member, []int, error) {
	rows, err := s.query(ctx, `WITH RECURSIVE sub(id, depth) AS (
			SELECT id, 0 FROM bodies WHERE parent_id = $1
			UNION ALL
			SELECT b.id, sub.depth + 1 FROM bodies b JOIN sub ON b.parent_id = sub.id WHERE sub.depth < $3)
		SELECT b.id, COALESCE(b.parent_id, 0), b.name, b.kind, COALESCE(r.id, 0), COALESCE(r.state, ''),
			COALESCE(r.version, 0), COALESCE(p.id, 0), COALESCE(c.scope, ''), COALESCE(c.cells, '')
		FROM sub JOIN bodies b ON b.id = sub.id
		LEFT JOIN reports r ON r.body_id = b.id AND r.year = $2
		LEFT JOIN publications p ON p.id = (SELECT MAX(q.id) FROM publications q WHERE q.report_id = r.id)
		LEFT JOIN report_cells c ON c.report_id = r.id
			AND c.version = CASE WHEN r.state IN ($4, $5) THEN r.version ELSE 0 END
			AND c.publication_id = CASE WHEN r.state IN ($4, $5) THEN 0 ELSE COALESCE(p.id, 0) END`,
		root, year, maxDepth, workflow.Approved, workflow.Published)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []rollup.Member
	var todo []int
	for rows.Next() {
		var m rollup.Member
		var kind, state, scope string
		var reportID, pubID int64
		var version int
		if err := rows.Scan(&m.ID, &m.Parent, &m.Name, &kind, &reportID, &state, &version, &pubID,
			&scope, &m.Cells); err != nil {
			return nil, nil, err
		}
		m.Kind, m.State, m.Scope = org.Kind(kind), workflow.State(state), report.Scope(scope)
		m.Source = rollup.Countable(m.State, reportID, version, pubID)
		if m.Source.IsZero() {
			m.Cells, m.Scope = "", report.ScopeOwn
		} else if m.Cells == "" {
			todo = append(todo, len(out))
		}
		out = append(out, m)
	}
	return out, todo, rows.Err()
}

// fillCells decodes the counted reports whose numbers are not kept yet and
// keeps them (report_cells), in one transaction.
func (s *Store) fillCells(ctx context.Context, members []rollup.Member, todo []int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		for _, i := range todo {
			m := &members[i]
			r, err := s.sourceReport(ctx, tx, m.Source)
			if err != nil {
				return fmt.Errorf("the report of %s: %w", m.Name, err)
			}
			m.Scope, m.Cells = r.Scope, rollup.Encode(r.Values)
			_, err = s.txExec(ctx, tx, `INSERT INTO report_cells (report_id, version, publication_id, scope, cells)
				VALUES ($1, $2, $3, $4, $5) ON CONFLICT (report_id, version, publication_id) DO NOTHING`,
				m.Source.Report, m.Source.Version, m.Source.Publication, string(m.Scope), m.Cells)
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// sourceReport decodes the version or published revision a source names.
func (s *Store) sourceReport(ctx context.Context, tx *sql.Tx, src rollup.Source) (*report.Report, error) {
	var data string
	var err error
	if src.Publication != 0 {
		err = s.txQueryRow(ctx, tx, `SELECT data FROM publications WHERE id = $1`, src.Publication).Scan(&data)
	} else {
		data, _, err = versionTexts(ctx, tx, src.Report, src.Version)
	}
	if err != nil {
		return nil, notFound(err)
	}
	return report.Decode([]byte(data))
}

// Rollup is a summary's sums as they were last taken, and the parts they
// were taken from.
type Rollup struct {
	ReportID int64
	Scope    report.Scope
	Sums     []report.Value
	Parts    []rollup.Part
	TakenAt  time.Time
	TakenBy  int64
}

// Rollup returns the summary's sums as last taken, or ErrNotFound when
// they never were.
func (s *Store) Rollup(ctx context.Context, reportID int64) (*Rollup, error) {
	ru, err := s.rollupRow(ctx, reportID)
	if err != nil {
		return nil, fmt.Errorf("store.Rollup(%d): %w", reportID, err)
	}
	if ru.Parts, err = s.rollupParts(ctx, reportID); err != nil {
		return nil, fmt.Errorf("store.Rollup(%d): %w", reportID, err)
	}
	return ru, nil
}

// RollupSums returns the summary's sums as last taken, without the parts
// (what the live check needs), or ErrNotFound.
func (s *Store) RollupSums(ctx context.Context, reportID int64) (*Rollup, error) {
	ru, err := s.rollupRow(ctx, reportID)
	if err != nil {
		return nil, fmt.Errorf("store.RollupSums(%d): %w", reportID, err)
	}
	return ru, nil
}

func (s *Store) rollupRow(ctx context.Context, reportID int64) (*Rollup, error) {
	ru := &Rollup{ReportID: reportID}
	var scope, sums string
	err := s.queryRow(ctx, `SELECT scope, sums, taken_at, COALESCE(taken_by, 0) FROM rollups WHERE report_id = $1`,
		reportID).Scan(&scope, &sums, &ru.TakenAt, &ru.TakenBy)
	if err != nil {
		return nil, notFound(err)
	}
	ru.Scope = report.Scope(scope)
	if ru.Sums, err = rollup.Decode(report.T2021, sums); err != nil {
		return nil, err
	}
	return ru, nil
}

func (s *Store) rollupParts(ctx context.Context, reportID int64) ([]rollup.Part, error) {
	rows, err := s.query(ctx, `SELECT body_id, name, source_report, source_version, COALESCE(source_publication, 0), cells
		FROM rollup_parts WHERE report_id = $1 ORDER BY body_id`, reportID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []rollup.Part
	for rows.Next() {
		var p rollup.Part
		if err := rows.Scan(&p.Body, &p.Name, &p.Source.Report, &p.Source.Version, &p.Source.Publication, &p.Cells); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// TakeRollup stores a summary with new sums taken in: r as the report's
// next version if it is still at baseVersion (else ErrStale, nothing
// written; a report that is not a draft is ErrNotEditable), and the sums
// with the parts they were taken from, replacing those taken before, in one
// transaction, audited with what the take did (detail).
func (s *Store) TakeRollup(ctx context.Context, reportID int64, baseVersion int, r *report.Report, tally report.Tally, sum *rollup.Sum, detail string, by int64) (int, error) {
	v, err := s.saveWith(ctx, reportID, baseVersion, r, tally, by, ActRollupTake, detail, func(tx *sql.Tx) error {
		return s.keepRollupTx(ctx, tx, reportID, r.Scope, sum, by)
	})
	if err != nil {
		return 0, fmt.Errorf("store.TakeRollup(%d, v%d): %w", reportID, baseVersion, err)
	}
	return v, nil
}

// saveWith saves r as the report's next version (as SaveDraft does) with
// more written in the same transaction, and audits action; tally is the
// caller's check of r.
func (s *Store) saveWith(ctx context.Context, reportID int64, baseVersion int, r *report.Report, tally report.Tally, by int64,
	action, detail string, more func(tx *sql.Tx) error) (int, error) {
	var saved cached
	var version int
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if saved, version, err = s.saveDraftTx(ctx, tx, reportID, baseVersion, r, tally, by); err != nil {
			return err
		}
		if err := more(tx); err != nil {
			return err
		}
		return s.auditReportTx(ctx, tx, reportID, action, detail, by)
	})
	if err != nil {
		return 0, err
	}
	s.cache.put(reportID, version, saved.r, saved.data, saved.unread)
	return version, nil
}

func (s *Store) keepRollupTx(ctx context.Context, tx *sql.Tx, reportID int64, scope report.Scope, sum *rollup.Sum, by int64) error {
	for _, q := range []string{`DELETE FROM rollup_parts WHERE report_id = $1`, `DELETE FROM rollups WHERE report_id = $1`} {
		if _, err := s.txExec(ctx, tx, q, reportID); err != nil {
			return err
		}
	}
	_, err := s.txExec(ctx, tx, `INSERT INTO rollups (report_id, scope, sums, taken_at, taken_by) VALUES ($1, $2, $3, $4, $5)`,
		reportID, string(scope), rollup.Encode(sum.Values), s.now(), nullID(by))
	if err != nil {
		return err
	}
	for _, p := range sum.Parts {
		_, err := s.txExec(ctx, tx, `INSERT INTO rollup_parts (report_id, body_id, name, source_report, source_version,
			source_publication, cells) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
			reportID, p.Body, p.Name, p.Source.Report, p.Source.Version, nullID(p.Source.Publication), p.Cells)
		if err != nil {
			return err
		}
	}
	return nil
}

// OverrideCell stores a figure that differs from its sum: r (with the
// figure in its cell) as the report's next version if it is still at
// baseVersion, and reason as the reason of the cell's warning (finding, a
// report.Finding key), so that it reaches the reviewer as any warning's
// reason does; in one transaction, audited with detail.
func (s *Store) OverrideCell(ctx context.Context, reportID int64, baseVersion int, r *report.Report, tally report.Tally, finding, reason, detail string, by int64) (int, error) {
	v, err := s.saveWith(ctx, reportID, baseVersion, r, tally, by, ActRollupOverride, detail, func(tx *sql.Tx) error {
		if reason == "" { // a figure set back to its sum needs none
			return nil
		}
		return s.reasonsTx(ctx, tx, StateChange{ReportID: reportID, By: by, Reasons: map[string]string{finding: reason}})
	})
	if err != nil {
		return 0, fmt.Errorf("store.OverrideCell(%d, v%d): %w", reportID, baseVersion, err)
	}
	return v, nil
}

func (s *Store) auditReportTx(ctx context.Context, tx *sql.Tx, reportID int64, action, detail string, by int64) error {
	var bodyID int64
	if err := s.txQueryRow(ctx, tx, `SELECT body_id FROM reports WHERE id = $1`, reportID).Scan(&bodyID); err != nil {
		return notFound(err)
	}
	return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, ReportID: reportID, Action: action, Detail: detail})
}

// ChildCount is how many bodies sit right below a body.
func (s *Store) ChildCount(ctx context.Context, id int64) (int, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT COUNT(*) FROM bodies WHERE parent_id = $1`, id).Scan(&n); err != nil {
		return 0, fmt.Errorf("store.ChildCount(%d): %w", id, err)
	}
	return n, nil
}

// ChildrenLatestYear is the latest year of a report of a body right below
// a body; 0 when they have none.
func (s *Store) ChildrenLatestYear(ctx context.Context, id int64) (int, error) {
	var y sql.NullInt64
	err := s.queryRow(ctx, `SELECT MAX(r.year) FROM reports r JOIN bodies b ON b.id = r.body_id WHERE b.parent_id = $1`, id).Scan(&y)
	if err != nil {
		return 0, fmt.Errorf("store.ChildrenLatestYear(%d): %w", id, err)
	}
	return int(y.Int64), nil
}
