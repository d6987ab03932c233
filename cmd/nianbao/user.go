package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"nianbao/internal/auth"
	"nianbao/internal/store"
)

var userCommand = command{
	name:  "user",
	usage: "add|passwd|disable|enable [选项 options]",
	zh: "在命令行管理用户：add 新建用户（用户已存在时为其加一个角色），passwd 重设密码，disable 停用（其登录全部失效），enable 重新启用。" +
		"密码从标准输入读取（--password-stdin），不出现在命令行里。",
	en: "Manage users from the shell: add creates a user (or gives an existing one another role), passwd sets a password, " +
		"disable disables a user (ending their sessions), enable enables them again. Passwords are read from standard input (--password-stdin), never from the command line.",
	run: runUser,
}

// userSubcommands are the verbs of `nianbao user`.
var userSubcommands = []command{
	{name: "user add", run: runUserAdd,
		usage: "--username U --role clerk|reviewer|supervisor|admin --body 机关名称或编号 --password-stdin [--db …]",
		zh:    "新建用户并在一个机关授予角色；用户已存在时只加角色。数据库中还没有任何机关时，--role admin 会以 --body 为名建立最上级机关。",
		en:    "Create a user with a role at a body; for an existing user, add the role. With no body yet, --role admin creates a root body named by --body."},
	{name: "user passwd", run: runUserPasswd, usage: "--username U --password-stdin [--db …]",
		zh: "重设密码；该用户的所有登录失效。", en: "Set a user's password; every session of theirs ends."},
	{name: "user disable", run: runUserDisable(true), usage: "--username U [--db …]",
		zh: "停用用户；其所有登录立即失效。", en: "Disable a user; every session of theirs ends at once."},
	{name: "user enable", run: runUserDisable(false), usage: "--username U [--db …]",
		zh: "重新启用已停用的用户。", en: "Enable a disabled user again."},
}

func runUser(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	if len(args) > 0 {
		for _, c := range userSubcommands {
			if c.name == "user "+args[0] {
				return c.run(ctx, e, newFlagSet(c, e.stderr), args[1:])
			}
		}
	}
	fs.Usage()
	for _, c := range userSubcommands {
		fmt.Fprintf(e.stderr, "\n  nianbao %s %s\n    %s\n    %s\n", c.name, c.usage, c.zh, c.en)
	}
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
		return exitOK
	}
	return exitUsage
}

// userFlags are the flags every user verb has.
type userFlags struct {
	db, username *string
	stdin        *bool
}

func addUserFlags(e *env, fs *flag.FlagSet, password bool) userFlags {
	f := userFlags{
		db:       fs.String("db", envOr(e, "NIANBAO_DB", defaultDB), "数据库文件或 postgres:// 地址 / database file or postgres:// URL"),
		username: fs.String("username", "", "用户名 / username"),
	}
	if password {
		f.stdin = fs.Bool("password-stdin", false, "从标准输入读取密码（第一行）/ read the password from standard input (first line)")
	}
	return f
}

// openForUser parses flags, checks the username and opens the database.
func openForUser(ctx context.Context, e *env, fs *flag.FlagSet, args []string, f userFlags) (*store.Store, int, bool) {
	if code, ok := parseFlags(fs, args); !ok {
		return nil, code, false
	}
	if strings.TrimSpace(*f.username) == "" || fs.NArg() != 0 {
		fs.Usage()
		return nil, exitUsage, false
	}
	st, err := store.Open(ctx, *f.db)
	if err != nil {
		fmt.Fprintln(e.stderr, "nianbao user：", err)
		return nil, 1, false
	}
	return st, 0, true
}

// readPassword reads the first line of standard input and checks it.
func readPassword(e *env) (string, error) {
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("读取密码 / reading the password: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if p := auth.PasswordProblem(pw); p != "" {
		return "", errors.New(p)
	}
	return auth.HashPassword(pw)
}

func runUserPasswd(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	f := addUserFlags(e, fs, true)
	st, code, ok := openForUser(ctx, e, fs, args, f)
	if !ok {
		return code
	}
	defer st.Close()
	return outcome(e, func() error {
		if !*f.stdin {
			return errors.New("请用 --password-stdin 从标准输入提供密码 / give the password on standard input with --password-stdin")
		}
		u, err := st.UserByUsername(ctx, *f.username)
		if err != nil {
			return err
		}
		hash, err := readPassword(e)
		if err != nil {
			return err
		}
		_, err = st.SetPassword(ctx, u.ID, hash, 0)
		return err
	}, "已重设 %s 的密码 / password set", *f.username)
}

func runUserDisable(disable bool) func(context.Context, *env, *flag.FlagSet, []string) int {
	return func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
		f := addUserFlags(e, fs, false)
		st, code, ok := openForUser(ctx, e, fs, args, f)
		if !ok {
			return code
		}
		defer st.Close()
		done := "已重新启用 %s / enabled"
		if disable {
			done = "已停用 %s / disabled"
		}
		return outcome(e, func() error {
			u, err := st.UserByUsername(ctx, *f.username)
			if err != nil {
				return err
			}
			return st.SetDisabled(ctx, u.ID, disable, 0)
		}, done, *f.username)
	}
}

// outcome runs fn and prints its error, or the done message.
func outcome(e *env, fn func() error, done string, args ...any) int {
	if err := fn(); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			err = fmt.Errorf("没有这个用户或机关 / no such user or body: %w", err)
		}
		fmt.Fprintln(e.stderr, "nianbao user：", err)
		return 1
	}
	fmt.Fprintf(e.stdout, done+"\n", args...)
	return exitOK
}
