package testenv

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgreSQL for tests: one real server per test binary, started on first
// use with Debian's initdb and pg_ctl on a loopback port, its data and
// socket in a temporary folder, and stopped when the binary's tests end
// (RunWithPostgres, from TestMain). Each test gets a new, empty database
// of its own. Where PostgreSQL is not installed a test is skipped with a
// message saying how to install it — unless NIANBAO_REQUIRE_POSTGRES is set,
// under which it fails. initdb refuses to run as root, so as root the
// server runs as the postgres user (runuser).

// The server of this test binary.
var pg struct {
	once    sync.Once
	err     error
	dir     string
	admin   string // URL of the postgres database, for CREATE DATABASE
	url     func(db string) string
	run     func(args ...string) *exec.Cmd
	pgctl   string
	n       atomic.Int64
	main    bool
	running bool
}

// RunWithPostgres runs the tests of a package that uses Postgres and stops
// the server afterwards: func TestMain(m *testing.M) {
// os.Exit(testenv.RunWithPostgres(m)) }.
func RunWithPostgres(m *testing.M) int {
	pg.main = true
	code := m.Run()
	stopPostgres()
	return code
}

// Postgres returns the URL of a new, empty database on this binary's
// PostgreSQL server (started on first use), dropped when the test ends.
func Postgres(tb testing.TB) string {
	tb.Helper()
	if !pg.main {
		tb.Fatal("testenv.Postgres needs TestMain to call testenv.RunWithPostgres (which stops the server)")
	}
	pg.once.Do(startPostgres)
	if pg.err != nil {
		if errors.Is(pg.err, errNoPostgres) {
			missing(tb, "NIANBAO_REQUIRE_POSTGRES", "PostgreSQL (initdb, pg_ctl)", "sudo apt-get install -y postgresql")
		}
		tb.Fatalf("starting PostgreSQL for the tests: %v", pg.err)
	}
	name := fmt.Sprintf("t%d_%d", os.Getpid(), pg.n.Add(1))
	if err := adminExec(context.Background(), "CREATE DATABASE "+name); err != nil {
		tb.Fatalf("create test database: %v", err)
	}
	tb.Cleanup(func() {
		if err := adminExec(context.Background(), "DROP DATABASE "+name+" WITH (FORCE)"); err != nil {
			tb.Errorf("drop test database: %v", err)
		}
	})
	return pg.url(name)
}

var errNoPostgres = errors.New("PostgreSQL is not installed")

func adminExec(ctx context.Context, sql string) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, pg.admin)
	if err != nil {
		return err
	}
	defer c.Close(ctx)
	_, err = c.Exec(ctx, sql)
	return err
}

// pgBin finds the folder of initdb and pg_ctl: $NIANBAO_PG_BIN, the PATH,
// or Debian's /usr/lib/postgresql/N/bin (newest N).
func pgBin() (string, error) {
	if d := os.Getenv("NIANBAO_PG_BIN"); d != "" {
		return d, nil
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	best, bestN := "", -1
	for _, f := range found {
		n, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(f))))
		if n > bestN {
			best, bestN = filepath.Dir(f), n
		}
	}
	if best == "" {
		return "", errNoPostgres
	}
	return best, nil
}

func startPostgres() {
	pg.err = func() error {
		bin, err := pgBin()
		if err != nil {
			return err
		}
		dir, err := os.MkdirTemp("", "nianbao-pg-")
		if err != nil {
			return err
		}
		pg.dir = dir
		pg.run = func(args ...string) *exec.Cmd { return exec.Command(args[0], args[1:]...) }
		if os.Geteuid() == 0 {
			if err := asPostgresUser(dir); err != nil {
				return err
			}
		}
		data := filepath.Join(dir, "data")
		if out, err := pg.run(filepath.Join(bin, "initdb"), "-D", data, "-U", "nianbao", "--auth=trust",
			"-E", "UTF8", "--no-locale", "--no-sync").CombinedOutput(); err != nil {
			return fmt.Errorf("initdb: %w: %s", err, out)
		}
		pg.pgctl = filepath.Join(bin, "pg_ctl")
		var last error
		for range 5 { // a free port may be taken between finding and using it
			port, err := freePort()
			if err != nil {
				return err
			}
			// fsync off: the tests kill app servers, never PostgreSQL, and
			// a shared test machine is slow enough.
			opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300", port, dir)
			out, err := pg.run(pg.pgctl, "-D", data, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "-o", opts, "start").CombinedOutput()
			if err != nil {
				log, _ := os.ReadFile(filepath.Join(dir, "log"))
				last = fmt.Errorf("pg_ctl start: %w: %s %s", err, out, log)
				continue
			}
			pg.running = true
			pg.url = func(db string) string {
				return fmt.Sprintf("postgres://nianbao@127.0.0.1:%d/%s?sslmode=disable", port, db)
			}
			pg.admin = pg.url("postgres")
			return nil
		}
		return last
	}()
}

// asPostgresUser makes the commands run as the postgres user (initdb and
// the server refuse root) and gives it the folder.
func asPostgresUser(dir string) error {
	u, err := user.Lookup("postgres")
	if err != nil {
		return fmt.Errorf("running as root, PostgreSQL needs a postgres user to run as: %w", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)
	if err := os.Chown(dir, uid, gid); err != nil {
		return err
	}
	runuser, err := exec.LookPath("runuser")
	if err != nil {
		return fmt.Errorf("running as root, PostgreSQL is started with runuser: %w", err)
	}
	pg.run = func(args ...string) *exec.Cmd {
		return exec.Command(runuser, append([]string{"-u", "postgres", "--"}, args...)...)
	}
	return nil
}

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

func stopPostgres() {
	if pg.running {
		if out, err := pg.run(pg.pgctl, "-D", filepath.Join(pg.dir, "data"), "-m", "immediate", "-w", "stop").CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "pg_ctl stop: %v: %s\n", err, strings.TrimSpace(string(out)))
		}
	}
	if pg.dir != "" {
		os.RemoveAll(pg.dir)
	}
}
