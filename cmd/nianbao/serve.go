package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"

	"nianbao/internal/gctune"
	"nianbao/internal/store"
	"nianbao/web"
)

const (
	defaultAddr = "127.0.0.1:8080"
	defaultDB   = "data/nianbao.db"
)

var serveCommand = command{
	name:  "serve",
	usage: "[--addr 127.0.0.1:8080] [--db data/nianbao.db] [--demo]",
	zh: "启动网站。数据存放在一个SQLite文件中，启动时自动建表和升级；也可用环境变量 NIANBAO_ADDR、NIANBAO_DB 设置地址和数据库。" +
		"在HTTPS反向代理之后运行时，设 NIANBAO_SECURE_COOKIES=1（Cookie只经HTTPS发送）和 NIANBAO_TRUST_PROXY=1（采用代理给出的客户端地址）。",
	en: "Run the web app. Data lives in one SQLite file, created and migrated on start; NIANBAO_ADDR and NIANBAO_DB set the address and database too. " +
		"Behind an HTTPS reverse proxy set NIANBAO_SECURE_COOKIES=1 (cookies over HTTPS only) and NIANBAO_TRUST_PROXY=1 (take the client address from X-Forwarded-For).",
	run: runServe,
}

func runServe(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	addr := fs.String("addr", envOr(e, "NIANBAO_ADDR", defaultAddr), "监听地址 / address to listen on")
	dbPath := fs.String("db", envOr(e, "NIANBAO_DB", defaultDB), "数据库文件或 postgres:// 地址 / database file or postgres:// URL")
	demo := fs.Bool("demo", false, "加入演示数据（机关、各角色用户和一份报告）/ add demo bodies, users of each role and a report")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	opts := serveOptions{addr: *addr, dbPath: *dbPath, demo: *demo, stdout: e.stdout,
		secureCookies: envOr(e, "NIANBAO_SECURE_COOKIES", "") == "1", trustProxy: envOr(e, "NIANBAO_TRUST_PROXY", "") == "1"}
	defer gctune.ForServer()()
	if err := serve(ctx, log, opts, nil); err != nil {
		log.Error("serve", slog.Any("error", err))
		return 1
	}
	return exitOK
}

// serveOptions are serve's settings, from flags and the environment.
type serveOptions struct {
	addr, dbPath              string
	demo                      bool
	secureCookies, trustProxy bool
	stdout                    io.Writer
}

// serve runs the app until ctx ends, then shuts down in order: stop taking
// requests and finish those under way, then the web app's background work,
// then close the database. When ready is not nil, the listening address is
// sent on it (tests listen on :0).
func serve(ctx context.Context, log *slog.Logger, o serveOptions, ready chan<- string) error {
	st, err := store.Open(ctx, o.dbPath)
	if err != nil {
		return err
	}
	defer st.Close()
	if o.demo {
		if err := seedDemo(ctx, st, o.stdout); err != nil {
			return err
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", o.addr, err)
	}
	app := web.NewServer(web.Deps{Store: st, Log: log, SecureCookies: o.secureCookies, TrustProxy: o.trustProxy})
	defer app.Close()
	srv := &http.Server{
		Handler:           app,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	log.Info("nianbao is serving", slog.String("url", "http://"+ln.Addr().String()), slog.String("db", store.Redact(o.dbPath)))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("http server: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
}
