package main

import (
	"context"
	"flag"
	"fmt"

	"nianbao/internal/store"
)

var migrateCommand = command{
	name:  "migrate",
	usage: "[--db data/nianbao.db]",
	zh:    "把数据库升级到当前版本（serve 启动时也会自动执行）。",
	en:    "Bring the database schema up to date (serve does this on start too).",
	run:   runMigrate,
}

func runMigrate(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	dbPath := fs.String("db", envOr(e, "NIANBAO_DB", defaultDB), "数据库文件或 postgres:// 地址 / database file or postgres:// URL")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao migrate：", err)
		return 1
	}
	defer st.Close()
	fmt.Fprintf(e.stdout, "数据库 %s 已是最新版本 / database is up to date\n", store.Redact(*dbPath))
	return exitOK
}
