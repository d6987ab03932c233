package store

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// Backup writes a consistent copy of the whole database to path while the
// app keeps running (SQLite's VACUUM INTO, which reads one snapshot). It
// refuses to overwrite anything at path.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store.Backup(%q): %w", path, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("store.Backup(%q): %w", path, err)
	}
	if _, err := s.exec(ctx, `VACUUM INTO $1`, path); err != nil {
		return fmt.Errorf("store.Backup(%q): %w", path, err)
	}
	return nil
}
