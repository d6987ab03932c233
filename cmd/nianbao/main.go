// Command nianbao writes, checks, reviews and publishes the yearly
// 政府信息公开工作年度报告. `nianbao serve` runs the web app; the other
// subcommands work on files and the database from the shell.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"nianbao/internal/gctune"
)

func main() {
	ctx, stop := signalNotify(context.Background())
	defer stop()
	if len(os.Args) > 1 && os.Args[1] == renderCommand.name {
		// In main, not in the command: tests run commands in-process.
		gctune.ForOneDocument()
	}
	os.Exit(run(ctx, os.Args[1:], &env{getenv: os.Getenv, stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}))
}

// env is what a command may touch of the process, so that tests run
// commands in-process.
type env struct {
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
}

// Exit codes.
const (
	exitOK       = 0
	exitFindings = 1 // check: the report has errors
	exitUsage    = 2 // bad arguments or unreadable input
)

// command is one subcommand with its bilingual summary.
type command struct {
	name, usage, zh, en string
	run                 func(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int
}

func commands() []command {
	return []command{
		serveCommand, migrateCommand, userCommand, backupCommand, checkCommand, importCommand, renderCommand,
		rollupCommand,
	}
}

func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stderr)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands() {
		if c.name == args[0] {
			fs := newFlagSet(c, e.stderr)
			return c.run(ctx, e, fs, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "nianbao：没有“%s”这个命令 / unknown command %q\n\n", args[0], args[0])
	printUsage(e.stderr)
	return exitUsage
}

func printUsage(w io.Writer) {
	fmt.Fprintln(w, "nianbao — 政府信息公开工作年度报告的填报、检查、审核与发布")
	fmt.Fprintln(w, "nianbao — write, check, review and publish the yearly government information disclosure report")
	fmt.Fprintln(w, "\n用法 / Usage: nianbao <命令 command> [选项 options]")
	fmt.Fprintln(w, "\n命令 / Commands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n  %-8s %s\n", c.name, c.zh, "", c.en)
	}
	fmt.Fprintln(w, "\n每个命令的说明 / Help on a command: nianbao <命令> --help")
}

// newFlagSet makes a flag set whose --help explains the command in Chinese
// and English.
func newFlagSet(c command, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "用法 / Usage: nianbao %s %s\n\n%s\n%s\n", c.name, c.usage, c.zh, c.en)
		if hasFlags(fs) {
			fmt.Fprintln(stderr, "\n选项 / Options:")
			fs.PrintDefaults()
		}
	}
	return fs
}

func hasFlags(fs *flag.FlagSet) bool {
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	return n > 0
}

// parseFlags parses args; it returns an exit code and false when the
// command should stop (help asked for, or bad flags).
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK, false
		}
		return exitUsage, false
	}
	return 0, true
}

// envOr returns the environment variable, or def when it is unset.
func envOr(e *env, key, def string) string {
	if v := strings.TrimSpace(e.getenv(key)); v != "" {
		return v
	}
	return def
}

// signalNotify is the context main stops on: SIGINT or SIGTERM.
func signalNotify(ctx context.Context) (context.Context, context.CancelFunc) {
	return signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
}
