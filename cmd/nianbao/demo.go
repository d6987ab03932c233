package main

import (
	"context"
	"fmt"
	"io"

	"nianbao/internal/demo"
	"nianbao/internal/store"
)

// seedDemo adds the demo data (once) and prints who can log in.
func seedDemo(ctx context.Context, st *store.Store, w io.Writer) error {
	added, err := demo.Seed(ctx, st)
	if err != nil {
		return err
	}
	if added {
		fmt.Fprintln(w, "已加入演示数据 / demo data added")
	} else {
		fmt.Fprintln(w, "演示数据已存在 / demo data already there")
	}
	fmt.Fprintf(w, "演示用户（密码都是 / every password is）：%s\n", demo.Password)
	for _, a := range demo.Accounts {
		fmt.Fprintf(w, "  %-22s %s · %s\n", a.Username, a.Role.Label(), a.Body)
	}
	return nil
}
