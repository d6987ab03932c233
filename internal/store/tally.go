package store

import (
	"context"
	"fmt"

	"nianbao/internal/report"
)

// SetTally replaces the board's counts of a report's findings (errors,
// warnings, confirmed warnings) when they were taken again without a
// save: the body's kind or the rules for 第一部分 that hold for it
// changed, and with them what the check says. It writes only while the
// report is still at version (a save since then counted with what holds
// now); ok says whether it wrote. No version is made and nothing is
// audited: the report did not change, the setting's change is audited.
func (s *Store) SetTally(ctx context.Context, id int64, version int, t report.Tally) (ok bool, err error) {
	res, err := s.write(ctx, `UPDATE reports SET errors = $1, warnings = $2, confirmed = $3 WHERE id = $4 AND version = $5`,
		t.Errors, t.Warnings, t.Confirmed, id, version)
	if err != nil {
		return false, fmt.Errorf("store.SetTally(%d): %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store.SetTally(%d): %w", id, err)
	}
	return n == 1, nil
}
