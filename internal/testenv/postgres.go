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
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// PostgreSQL for tests: one real server per test binary, started on first
// use with Debian's initdb and postgres on a loopback port, its data and
// socket in a temporary folder, and stopped when the binary's tests end
// (RunWithPostgres, from TestMain). Each test gets a new, empty database
// of its own. Where PostgreSQL is not installed a test is skipped with a
// message saying how to install it — unless NIANBAO_REQUIRE_POSTGRES is set,
// under which it fails. initdb and the server refuse to run as root, so as
// root they run as the postgres user.
//
// The server is a child of the test binary, not a daemon (pg_ctl's), and
// the kernel kills it when the binary dies (Pdeathsig): a binary killed by
// its -timeout or by a signal, which never gets to stop the server, leaves
// none behind — one left behind also kept open every file descriptor the
// test run had inherited, locks among them.

// The server of this test binary.
var pg struct {
	once   sync.Once
	err    error
	dir    string
	admin  string // URL of the postgres database, for CREATE DATABASE
	url    func(db string) string
	run    func(args ...string) *exec.Cmd
	cred   *syscall.Credential // the postgres user's, when run as root
	server *exec.Cmd
	exited chan struct{} // closed when the server has exited
	n      atomic.Int64
	main   bool
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
			missing(tb, "NIANBAO_REQUIRE_POSTGRES", "PostgreSQL (initdb, postgres)", "sudo apt-get install -y postgresql")
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

// pgBin finds the folder of initdb and postgres: $NIANBAO_PG_BIN, the PATH,
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
		removeAbandoned()
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
		var last error
		for range 5 { // a free port may be taken between finding and using it
			port, err := freePort()
			if err != nil {
				return err
			}
			pg.url = func(db string) string {
				return fmt.Sprintf("postgres://nianbao@127.0.0.1:%d/%s?sslmode=disable", port, db)
			}
			pg.admin = pg.url("postgres")
			if last = startServer(filepath.Join(bin, "postgres"), data, port); last == nil {
				return nil
			}
		}
		return last
	}()
}

// removeAbandoned removes the folders of test servers whose binary died
// before removing them (about 50 MB each): those whose server is not
// running and that are older than any initdb takes.
func removeAbandoned() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), "nianbao-pg-*"))
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < 10*time.Minute {
			continue
		}
		if pidFile, err := os.ReadFile(filepath.Join(d, "data", "postmaster.pid")); err == nil {
			pid, _ := strconv.Atoi(strings.TrimSpace(strings.SplitN(string(pidFile), "\n", 2)[0]))
			if err := syscall.Kill(pid, 0); pid > 0 && (err == nil || errors.Is(err, syscall.EPERM)) {
				continue // its server runs
			}
		}
		os.RemoveAll(d)
	}
}

// startServer runs the server on data and port as a child of this process
// and waits until it takes connections.
func startServer(postgres, data string, port int) error {
	logf, err := os.Create(filepath.Join(pg.dir, "log"))
	if err != nil {
		return err
	}
	defer logf.Close()
	// fsync off: the tests kill app servers, never PostgreSQL, and a
	// shared test machine is slow enough.
	cmd := exec.Command(postgres, "-D", data, "-p", strconv.Itoa(port), "-k", pg.dir,
		"-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "max_connections=300")
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Credential: pg.cred}
	started := make(chan error, 1)
	exited := make(chan struct{})
	go func() {
		// Pdeathsig fires when the thread that started the child ends, so
		// that thread is kept for as long as the server runs.
		runtime.LockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		_ = cmd.Wait()
		close(exited)
	}()
	if err := <-started; err != nil {
		return fmt.Errorf("start postgres: %w", err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		c, err := pgx.Connect(ctx, pg.admin)
		if err == nil {
			c.Close(ctx)
			cancel()
			pg.server, pg.exited = cmd, exited
			return nil
		}
		cancel()
		select {
		case <-exited:
			log, _ := os.ReadFile(filepath.Join(pg.dir, "log"))
			return fmt.Errorf("postgres exited: %s", log)
		case <-time.After(100 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			<-exited
			return fmt.Errorf("postgres did not take connections within 60 s: %w", err)
		}
	}
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
	pg.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
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

// stopPostgres stops the server (a fast shutdown: nothing of the test
// databases needs keeping) and removes its folder.
func stopPostgres() {
	if pg.server != nil {
		_ = pg.server.Process.Signal(syscall.SIGINT)
		select {
		case <-pg.exited:
		case <-time.After(30 * time.Second):
			fmt.Fprintln(os.Stderr, "the test PostgreSQL did not stop within 30 s; killing it")
			_ = pg.server.Process.Kill()
			<-pg.exited
		}
	}
	if pg.dir != "" {
		os.RemoveAll(pg.dir)
	}
}
