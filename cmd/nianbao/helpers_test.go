package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// invoke runs the command line in-process with stdin and environment
// variables, and returns its exit code and what it printed.
func invoke(stdin string, environ map[string]string, args []string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	e := &env{getenv: func(k string) string { return environ[k] }, stdin: strings.NewReader(stdin), stdout: &out, stderr: &errOut}
	code = run(context.Background(), args, e)
	return code, out.String(), errOut.String()
}

// runCmd runs a command with no input and an empty environment.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return invoke("", nil, args)
}

// runEnv runs a command with stdin and environment variables.
func runEnv(t *testing.T, stdin string, environ map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return invoke(stdin, environ, args)
}

// runIn runs a command with stdin and returns stdout and stderr together.
func runIn(t *testing.T, stdin string, args ...string) (int, string) {
	t.Helper()
	code, out, errOut := invoke(stdin, nil, args)
	return code, out + errOut
}
