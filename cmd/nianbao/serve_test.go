package main

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"nianbao/internal/demo"
	"nianbao/internal/webtest"
)

// startServe runs serve in-process on :0 and returns its URL; it stops when
// the test ends.
func startServe(t *testing.T, db string, withDemo bool, out *bytes.Buffer) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	o := serveOptions{addr: "127.0.0.1:0", dbPath: db, demo: withDemo, stdout: out}
	go func() { done <- serve(ctx, slog.New(slog.DiscardHandler), o, ready) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	select {
	case addr := <-ready:
		return "http://" + addr
	case err := <-done:
		t.Fatalf("serve: %v", err)
	}
	return ""
}

func TestServeDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	var out bytes.Buffer
	url := startServe(t, db, true, &out)
	for _, want := range []string{demo.Password, "demo-clerk", "demo-admin", "已加入演示数据"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("start output lacks %q:\n%s", want, out.String())
		}
	}
	c := webtest.NewClient(url)
	c.Login(t, "demo-clerk", demo.Password)
	res := c.Get(t, "/")
	if res.Status != http.StatusOK || !strings.Contains(res.Body, strconv.Itoa(demo.ReportYear)+"年") || !strings.Contains(res.Body, demo.Education) {
		t.Errorf("the demo clerk's start page lacks the %d report: %d", demo.ReportYear, res.Status)
	}
}

func TestServeDemoTwice(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	for i, want := range []string{"已加入演示数据", "演示数据已存在"} {
		var out bytes.Buffer
		ctx, cancel := context.WithCancel(context.Background())
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() {
			done <- serve(ctx, slog.New(slog.DiscardHandler), serveOptions{addr: "127.0.0.1:0", dbPath: db, demo: true, stdout: &out}, ready)
		}()
		<-ready
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), want) {
			t.Errorf("start %d: output %q lacks %q", i+1, out.String(), want)
		}
	}
	st := openStore(t, db)
	if n, _ := st.UserCount(context.Background()); n != len(demo.Accounts) {
		t.Errorf("%d users after two demo starts", n)
	}
}

func TestServeWithoutDemoHasNoUsers(t *testing.T) {
	db := filepath.Join(t.TempDir(), "plain.db")
	var out bytes.Buffer
	url := startServe(t, db, false, &out)
	res := webtest.NewClient(url).Get(t, "/")
	if res.Status != http.StatusSeeOther || res.Location() != "/setup" {
		t.Errorf("a fresh database without --demo: %d → %q, want the setup page", res.Status, res.Location())
	}
}
