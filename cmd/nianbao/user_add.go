package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/store"
)

func runUserAdd(ctx context.Context, e *env, fs *flag.FlagSet, args []string) int {
	f := addUserFlags(e, fs, true)
	role := fs.String("role", "", "角色 / role: clerk（填报人）、reviewer（审核人）、supervisor（上级单位查看）、admin（管理员）")
	bodyName := fs.String("body", "", "机关名称或编号 / body name or number")
	display := fs.String("display-name", "", "姓名 / display name")
	kind := fs.String("kind", string(org.LocalGovernment), "新建最上级机关时的类型 / kind of a root body created here: department, local_government, other")
	st, code, ok := openForUser(ctx, e, fs, args, f)
	if !ok {
		return code
	}
	defer st.Close()
	return outcome(e, func() error {
		r, ok := auth.ParseRole(*role)
		if !ok {
			return fmt.Errorf("--role 应为 clerk、reviewer、supervisor 或 admin / --role must be one of them, not %q", *role)
		}
		body, err := findBody(ctx, st, *bodyName, r, *kind)
		if err != nil {
			return err
		}
		return addUser(ctx, e, st, store.NewUser{Username: *f.username, DisplayName: *display},
			auth.Grant{Body: body, Role: r}, *f.stdin)
	}, "已为 %s 授予 %s 角色 / role granted", *f.username, *role)
}

// addUser creates the user with the grant, or adds the grant to the
// existing user of that name (their password stays as it is).
func addUser(ctx context.Context, e *env, st *store.Store, nu store.NewUser, g auth.Grant, stdin bool) error {
	u, err := st.UserByUsername(ctx, nu.Username)
	if err == nil {
		return st.AddRole(ctx, u.ID, g, 0)
	}
	if !errors.Is(err, store.ErrNotFound) {
		return err
	}
	if !stdin {
		return errors.New("新用户需要密码：请用 --password-stdin 从标准输入提供 / a new user needs a password: give it on standard input with --password-stdin")
	}
	if p := auth.UsernameProblem(nu.Username); p != "" {
		return errors.New(p)
	}
	if p := auth.DisplayNameProblem(nu.DisplayName); p != "" {
		return errors.New(p)
	}
	if nu.PasswordHash, err = readPassword(e); err != nil {
		return err
	}
	_, err = st.CreateUser(ctx, nu, []auth.Grant{g}, 0)
	return err
}

// findBody finds the body named (or numbered) name. On a database with no
// body at all, an admin's body is created as the first root.
func findBody(ctx context.Context, st *store.Store, name string, r auth.Role, kind string) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return 0, errors.New("请用 --body 指定机关 / name the body with --body")
	}
	if id, err := strconv.ParseInt(name, 10, 64); err == nil {
		b, err := st.Body(ctx, id)
		if err != nil {
			return 0, err
		}
		return b.ID, nil
	}
	found, err := st.BodiesNamed(ctx, name)
	if err != nil {
		return 0, err
	}
	switch {
	case len(found) == 1:
		return found[0].ID, nil
	case len(found) > 1:
		var ids []string
		for _, b := range found {
			ids = append(ids, strconv.FormatInt(b.ID, 10))
		}
		return 0, fmt.Errorf("有%d个名为“%s”的机关（编号 %s），请用 --body 编号 / several bodies have that name: give its number",
			len(found), name, strings.Join(ids, "、"))
	}
	return firstRoot(ctx, st, name, r, kind)
}

// firstRoot creates the first body of an empty database for its admin.
func firstRoot(ctx context.Context, st *store.Store, name string, r auth.Role, kind string) (int64, error) {
	all, err := st.Bodies(ctx)
	if err != nil {
		return 0, err
	}
	if len(all) > 0 || r != auth.Admin {
		return 0, fmt.Errorf("没有名为“%s”的机关 / no body named %q", name, name)
	}
	if p := org.NameProblem(name); p != "" {
		return 0, errors.New(p)
	}
	k, ok := org.ParseKind(kind)
	if !ok {
		return 0, fmt.Errorf("--kind 应为 department、local_government 或 other / --kind must be one of them, not %q", kind)
	}
	b, err := st.CreateBody(ctx, store.Body{Name: name, Kind: k}, 0)
	if err != nil {
		return 0, err
	}
	return b.ID, nil
}
