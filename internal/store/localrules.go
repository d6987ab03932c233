package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"nianbao/internal/org"
	"nianbao/internal/report"
)

// ActLocalRules audits an administrator's change of a body's rules for
// 第一部分.
const ActLocalRules = "body.local_rules"

// CheckSettings are what a body decides about the checks of its reports:
// its kind (may its 规章 row be 不适用, W12) and the rules for 第一部分 that
// hold for it (W13, W14), its own or the nearest body's above it.
type CheckSettings struct {
	Kind org.Kind
	// Local are the rules that hold (Local.From names the body that set
	// them); RulesFrom is that body's id, 0 when none holds.
	Local     report.LocalRules
	RulesFrom int64
}

// Options adds the settings to a check's options.
func (cs CheckSettings) Options(opt report.Options) report.Options {
	opt.NoRules = !cs.Kind.MakesRules()
	opt.Local = cs.Local
	return opt
}

// CheckSettings reads a body's settings in one query: the body and its
// ancestors, nearest first, each with its own rules if it has any.
func (s *Store) CheckSettings(ctx context.Context, bodyID int64) (CheckSettings, error) {
	rows, err := s.query(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
			SELECT id, parent_id, 0 FROM bodies WHERE id = $1
			UNION ALL
			SELECT b.id, b.parent_id, up.depth + 1 FROM bodies b JOIN up ON b.id = up.parent_id
			WHERE up.depth < $2)
		SELECT b.id, b.name, b.kind, lr.overview_max, lr.overview_items
		FROM up JOIN bodies b ON b.id = up.id LEFT JOIN local_rules lr ON lr.body_id = up.id
		ORDER BY up.depth`, bodyID, maxDepth)
	if err != nil {
		return CheckSettings{}, fmt.Errorf("store.CheckSettings(%d): %w", bodyID, err)
	}
	defer rows.Close()
	var cs CheckSettings
	n := 0
	for rows.Next() {
		var id int64
		var name string
		var kind org.Kind
		var max sql.NullInt64
		var items sql.NullString
		if err := rows.Scan(&id, &name, &kind, &max, &items); err != nil {
			return CheckSettings{}, fmt.Errorf("store.CheckSettings(%d): %w", bodyID, err)
		}
		if n == 0 {
			cs.Kind = kind
		}
		n++
		if max.Valid && cs.RulesFrom == 0 {
			cs.RulesFrom = id
			cs.Local = report.LocalRules{OverviewMax: int(max.Int64), OverviewItems: splitItems(items.String), From: name}
		}
	}
	if err := rows.Err(); err != nil {
		return CheckSettings{}, fmt.Errorf("store.CheckSettings(%d): %w", bodyID, err)
	}
	if n == 0 {
		return CheckSettings{}, fmt.Errorf("store.CheckSettings(%d): %w", bodyID, ErrNotFound)
	}
	return cs, nil
}

func splitItems(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// SetLocalRules sets a body's own rules for 第一部分, which then hold for
// the bodies below it that have none of their own; rules that set nothing
// remove the body's own (it takes its parent's again). Audited.
func (s *Store) SetLocalRules(ctx context.Context, bodyID int64, lr report.LocalRules, by int64) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := s.txQueryRow(ctx, tx, `SELECT id FROM bodies WHERE id = $1`, bodyID).Scan(new(int64)); err != nil {
			return notFound(err)
		}
		if _, err := s.txExec(ctx, tx, `DELETE FROM local_rules WHERE body_id = $1`, bodyID); err != nil {
			return err
		}
		detail := "取消本机关的设置"
		if !lr.IsZero() {
			if _, err := s.txExec(ctx, tx, `INSERT INTO local_rules (body_id, overview_max, overview_items, updated_at, updated_by)
				VALUES ($1, $2, $3, $4, $5)`, bodyID, lr.OverviewMax, lr.ItemsText(), s.now(), nullID(by)); err != nil {
				return err
			}
			detail = lr.Summary()
		}
		return s.auditTx(ctx, tx, AuditEntry{UserID: by, BodyID: bodyID, Action: ActLocalRules, Detail: detail})
	})
	if err != nil {
		return fmt.Errorf("store.SetLocalRules(%d): %w", bodyID, err)
	}
	return nil
}
