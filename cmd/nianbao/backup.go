package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"nianbao/internal/store"
)

var backupCommand = command{
	name:  "backup",
	usage: "[--db data/nianbao.db] 备份文件.db",
	zh: "在网站运行时把整个数据库一致地复制到一个新文件（SQLite 的 VACUUM INTO；postgres:// 地址则用 pg_dump 的 custom 格式，用 pg_restore 恢复），不会覆盖已有文件。" +
		"恢复：停止网站，把备份文件复制为数据库文件（并删除旁边的 -wal、-shm 文件），再启动。",
	en: "Copy the whole database, consistently, to a new file while the app runs (SQLite's VACUUM INTO; with a postgres:// URL, pg_dump's custom format, restored with pg_restore); an existing file is never overwritten. " +
		"To restore: stop the app, copy the backup over the database file (removing the -wal and -shm files beside it), start the app.",
	run: runBackup,
}

func runBackup(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	dbPath := fs.String("db", envOr(e, "NIANBAO_DB", defaultDB), "数据库文件或 postgres:// 地址 / database file or postgres:// URL")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return exitUsage
	}
	if d, _ := store.DialectOf(*dbPath); d == store.SQLite {
		if _, err := os.Stat(*dbPath); err != nil {
			fmt.Fprintln(e.stderr, "nianbao backup：找不到数据库 / no database:", err)
			return 1
		}
	}
	st, err := store.Open(ctx, *dbPath)
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao backup：", err)
		return 1
	}
	defer st.Close()
	if err := st.Backup(ctx, fs.Arg(0)); err != nil {
		fmt.Fprintln(e.stderr, "nianbao backup：", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "已备份到 %s / backed up to %s\n", fs.Arg(0), fs.Arg(0))
	return exitOK
}
