package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"nianbao/internal/org"
)

// Body is a reporting body, a node of the tree of bodies.
type Body struct {
	ID int64
	// ParentID is 0 for a root.
	ParentID int64
	Name     string
	Kind     org.Kind
	// DeadlineMonth and DeadlineDay override the kind's deadline when both
	// are set; 0 means the kind's default.
	DeadlineMonth time.Month
	DeadlineDay   int
	// SelfReview lets one person submit and review the body's reports —
	// an administrator's explicit choice for an office of one, shown on
	// its reports; without it, whoever submitted a version cannot approve
	// or publish it.
	SelfReview bool
	CreatedAt  time.Time
}

// Deadline is the publication deadline of the body's report for year.
func (b *Body) Deadline(year int) time.Time {
	return org.Deadline(b.Kind, year, b.DeadlineMonth, b.DeadlineDay)
}

const bodyColumns = `id, COALESCE(parent_id, 0), name, kind, COALESCE(deadline_month, 0), COALESCE(deadline_day, 0), created_at, self_review`

type scanner interface{ Scan(dest ...any) error }

func scanBody(row scanner) (*Body, error) {
	var b Body
	var month, self int
	if err := row.Scan(&b.ID, &b.ParentID, &b.Name, &b.Kind, &month, &b.DeadlineDay, &b.CreatedAt, &self); err != nil {
		return nil, err
	}
	b.DeadlineMonth, b.SelfReview = time.Month(month), self != 0
	return &b, nil
}

func scanBodies(rows *sql.Rows) ([]Body, error) {
	defer rows.Close()
	var out []Body
	for rows.Next() {
		b, err := scanBody(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, *b)
	}
	return out, rows.Err()
}

// deadlineArgs stores an unset override as NULLs.
func deadlineArgs(b Body) (any, any) {
	if b.DeadlineMonth == 0 || b.DeadlineDay == 0 {
		return nil, nil
	}
	return int(b.DeadlineMonth), b.DeadlineDay
}

// CreateBody adds a body (a root when ParentID is 0) and audits it. A
// missing parent is ErrNotFound.
func (s *Store) CreateBody(ctx context.Context, b Body, by int64) (*Body, error) {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		return s.createBodyTx(ctx, tx, &b, by)
	})
	if err != nil {
		return nil, fmt.Errorf("store.CreateBody(%q): %w", b.Name, err)
	}
	return &b, nil
}

func (s *Store) createBodyTx(ctx context.Context, tx *sql.Tx, b *Body, by int64) error {
	if b.ParentID != 0 {
		if err := s.txQueryRow(ctx, tx, `SELECT id FROM bodies WHERE id = $1`, b.ParentID).Scan(new(int64)); err != nil {
			return notFound(err)
		}
		if err := checkDepth(ctx, tx, b.ParentID, 1); err != nil {
			return err
		}
	}
	b.CreatedAt = s.now()
	month, day := deadlineArgs(*b)
	err := s.txQueryRow(ctx, tx, `INSERT INTO bodies (parent_id, name, kind, deadline_month, deadline_day, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		nullID(b.ParentID), b.Name, string(b.Kind), month, day, b.CreatedAt).Scan(&b.ID)
	if err != nil {
		return err
	}
	return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: b.ID, Action: ActBodyCreate, Detail: b.Name})
}

// Body returns one body, or ErrNotFound.
func (s *Store) Body(ctx context.Context, id int64) (*Body, error) {
	b, err := scanBody(s.queryRow(ctx, `SELECT `+bodyColumns+` FROM bodies WHERE id = $1`, id))
	if err != nil {
		return nil, fmt.Errorf("store.Body(%d): %w", id, notFound(err))
	}
	return b, nil
}

// Bodies returns every body, by name within id order of creation.
func (s *Store) Bodies(ctx context.Context) ([]Body, error) {
	rows, err := s.query(ctx, `SELECT `+bodyColumns+` FROM bodies ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("store.Bodies: %w", err)
	}
	out, err := scanBodies(rows)
	if err != nil {
		return nil, fmt.Errorf("store.Bodies: %w", err)
	}
	return out, nil
}

// BodiesNamed returns the bodies with exactly this name.
func (s *Store) BodiesNamed(ctx context.Context, name string) ([]Body, error) {
	rows, err := s.query(ctx, `SELECT `+bodyColumns+` FROM bodies WHERE name = $1 ORDER BY id`, name)
	if err != nil {
		return nil, fmt.Errorf("store.BodiesNamed(%q): %w", name, err)
	}
	out, err := scanBodies(rows)
	if err != nil {
		return nil, fmt.Errorf("store.BodiesNamed(%q): %w", name, err)
	}
	return out, nil
}

// MaxTreeDepth is how many levels the body tree may have; a real tree
// (国务院部门 → 省 → 市 → 县 → 乡 → 村) is far shallower. maxDepth, which
// bounds the tree walks, is larger, so that every walk sees a whole path.
const (
	MaxTreeDepth = 32
	maxDepth     = 2 * MaxTreeDepth
)

// Ancestors returns the ids of the bodies above id, its parent first and
// its root last; ErrNotFound when id does not exist.
func (s *Store) Ancestors(ctx context.Context, id int64) ([]int64, error) {
	rows, err := s.query(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT id, parent_id, 0 FROM bodies WHERE id = $1
			UNION ALL
			SELECT b.id, b.parent_id, up.depth + 1 FROM bodies b JOIN up ON b.id = up.parent_id
			WHERE up.depth < $2)
		SELECT id FROM up ORDER BY depth`, id, maxDepth)
	if err != nil {
		return nil, fmt.Errorf("store.Ancestors(%d): %w", id, err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return nil, fmt.Errorf("store.Ancestors(%d): %w", id, err)
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("store.Ancestors(%d): %w", id, ErrNotFound)
	}
	return ids[1:], nil
}

// Subtree returns the bodies at and below the given roots, each once, in id
// order.
func (s *Store) Subtree(ctx context.Context, roots ...int64) ([]Body, error) {
	if len(roots) == 0 {
		return nil, nil
	}
	args := make([]any, 0, len(roots)+1)
	args = append(args, maxDepth)
	for _, r := range roots {
		args = append(args, r)
	}
	rows, err := s.query(ctx, `WITH RECURSIVE down(id, depth) AS (
			SELECT id, 0 FROM bodies WHERE id IN (`+placeholders(2, len(roots))+`)
			UNION
			SELECT b.id, down.depth + 1 FROM bodies b JOIN down ON b.parent_id = down.id WHERE down.depth < $1)
		SELECT `+bodyColumns+` FROM bodies WHERE id IN (SELECT id FROM down) ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("store.Subtree(%v): %w", roots, err)
	}
	out, err := scanBodies(rows)
	if err != nil {
		return nil, fmt.Errorf("store.Subtree(%v): %w", roots, err)
	}
	return out, nil
}

// UpdateBody changes a body's name, kind, deadline and parent, and audits
// it. Moving a body below itself is ErrCycle; a missing body or parent is
// ErrNotFound.
func (s *Store) UpdateBody(ctx context.Context, b Body, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := checkParent(ctx, tx, b.ID, b.ParentID); err != nil {
			return err
		}
		month, day := deadlineArgs(b)
		self := 0
		if b.SelfReview {
			self = 1
		}
		res, err := s.txExec(ctx, tx, `UPDATE bodies SET parent_id = $1, name = $2, kind = $3,
			deadline_month = $4, deadline_day = $5, self_review = $6 WHERE id = $7`,
			nullID(b.ParentID), b.Name, string(b.Kind), month, day, self, b.ID)
		if err := rowsChanged(res, err); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s（%s，上级%d）", b.Name, b.Kind, b.ParentID)
		if b.SelfReview {
			detail += "，允许同一人提交和审核"
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: b.ID, Action: ActBodyUpdate, Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("store.UpdateBody(%d): %w", b.ID, err)
	}
	return nil
}

// checkParent refuses a parent that does not exist or lies at or below id.
func checkParent(ctx context.Context, tx *sql.Tx, id, parent int64) error {
	if parent == 0 {
		return nil
	}
	if parent == id {
		return ErrCycle
	}
	var n int
	counted(ctx)
	err := tx.QueryRowContext(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT id, parent_id, 0 FROM bodies WHERE id = $1
			UNION ALL
			SELECT b.id, b.parent_id, up.depth + 1 FROM bodies b JOIN up ON b.id = up.parent_id
			WHERE up.depth < $3)
		SELECT COUNT(*) FROM up WHERE id = $2`, parent, id, maxDepth).Scan(&n)
	if err != nil {
		return err
	}
	if n > 0 {
		return ErrCycle
	}
	counted(ctx)
	if err := notFound(tx.QueryRowContext(ctx, `SELECT id FROM bodies WHERE id = $1`, parent).Scan(new(int64))); err != nil {
		return err
	}
	var height int // levels of id's subtree, id included
	counted(ctx)
	err = tx.QueryRowContext(ctx, `WITH RECURSIVE down(id, depth) AS (
			SELECT id, 1 FROM bodies WHERE id = $1
			UNION ALL
			SELECT b.id, down.depth + 1 FROM bodies b JOIN down ON b.parent_id = down.id WHERE down.depth < $2)
		SELECT MAX(depth) FROM down`, id, maxDepth).Scan(&height)
	if err != nil {
		return err
	}
	return checkDepth(ctx, tx, parent, height)
}

// checkDepth refuses to hang levels more levels below parent when the tree
// would then be deeper than MaxTreeDepth.
func checkDepth(ctx context.Context, tx *sql.Tx, parent int64, levels int) error {
	var above int // levels from the root down to parent, parent included
	counted(ctx)
	err := tx.QueryRowContext(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT id, parent_id, 1 FROM bodies WHERE id = $1
			UNION ALL
			SELECT b.id, b.parent_id, up.depth + 1 FROM bodies b JOIN up ON b.id = up.parent_id WHERE up.depth < $2)
		SELECT MAX(depth) FROM up`, parent, maxDepth).Scan(&above)
	if err != nil {
		return err
	}
	if above+levels > MaxTreeDepth {
		return ErrTooDeep
	}
	return nil
}

func rowsChanged(res sql.Result, err error) error {
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return ErrNotFound
	}
	return nil
}

func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
