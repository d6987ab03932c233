package store

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
)

// Backup writes a consistent copy of the whole database to path while the
// app keeps running, and refuses to overwrite anything at path. SQLite:
// VACUUM INTO, which reads one snapshot, gives a database file. PostgreSQL:
// pg_dump (which must be installed, of the server's major version or
// newer) gives a dump in its custom format, restored with pg_restore.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("store.Backup(%q): %w", path, fs.ErrExist)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("store.Backup(%q): %w", path, err)
	}
	if s.dialect == Postgres {
		if err := s.pgDump(ctx, path); err != nil {
			return fmt.Errorf("store.Backup(%q): %w", path, err)
		}
		return nil
	}
	if _, err := s.exec(ctx, `VACUUM INTO $1`, path); err != nil {
		return fmt.Errorf("store.Backup(%q): %w", path, err)
	}
	return nil
}

// pgDump runs pg_dump on the store's database into a new file at path.
func (s *Store) pgDump(ctx context.Context, path string) error {
	bin, err := PostgresTool("pg_dump")
	if err != nil {
		return err
	}
	cc := s.pool.Config().ConnConfig
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, bin, "--format=custom", "--no-owner", "--host", cc.Host,
		"--port", fmt.Sprint(cc.Port), "--username", cc.User, "--dbname", cc.Database)
	cmd.Env = append(os.Environ(), "PGPASSWORD="+cc.Password)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &stderr
	err = cmd.Run()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("pg_dump: %w: %s", err, bytes.TrimSpace(stderr.Bytes()))
	}
	return nil
}

// PostgresTool finds a PostgreSQL program (pg_dump, initdb, pg_ctl…): on
// the PATH, else in Debian's /usr/lib/postgresql/N/bin (the newest N).
func PostgresTool(name string) (string, error) {
	if p, err := exec.LookPath(name); err == nil {
		return p, nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	if len(found) == 0 {
		return "", fmt.Errorf("%s is not installed (Debian: apt-get install postgresql-client)", name)
	}
	major := func(p string) int {
		n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(p))))
		return n
	}
	return slices.MaxFunc(found, func(a, b string) int { return major(a) - major(b) }), nil
}
