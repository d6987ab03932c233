// Package demo adds the demo data of `nianbao serve --demo`: a small tree
// of bodies, one user of each role and a half-filled report of last year, so that a
// newcomer can try everything at once. It is never run without --demo.
package demo

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"time"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/report"
	"nianbao/internal/store"
	"nianbao/internal/workflow"
)

// reportJSON is seed 002's numbers (internal/report/testdata/seeds) with
// section 二 and the first twelve rows of section 三 filled and the rest
// blank; totals are left blank here and computed on seeding.
//
//go:embed report2024.json
var reportJSON []byte

// Password is the one password of every demo user. It is printed at start;
// the demo is for trying the app, never for real data.
const Password = "nianbao-demo"

// Names of the demo bodies.
const (
	City      = "示范市人民政府"
	Office    = "示范市人民政府办公室"
	Education = "示范市教育局"
	County    = "示范县人民政府"
	Town      = "示范县城关镇人民政府"
)

// Account is a demo user.
type Account struct {
	Username string
	Role     auth.Role
	Body     string
}

// Accounts are the demo users, one of each role.
var Accounts = []Account{
	{"demo-clerk", auth.Clerk, Education},
	{"demo-reviewer", auth.Reviewer, Education},
	{"demo-supervisor", auth.Supervisor, City},
	{"demo-admin", auth.Admin, City},
	// The city's 政务公开 office writes and reviews its 汇总 report.
	{"demo-office", auth.Clerk, City},
	{"demo-office-reviewer", auth.Reviewer, City},
}

// ReportYear is the year of the demo report (of Education) and of the
// region's reports: the year before today's in China, the year whose report
// is being written now, so that deadlines and the board read as they would
// on a real day rather than years overdue.
var ReportYear = YearBefore(time.Now())

// YearBefore is the year before now's year in China time.
func YearBefore(now time.Time) int { return now.In(workflow.ChinaTime).Year() - 1 }

// ErrRealData refuses demo accounts, with their published password, in a
// database that has real users.
var ErrRealData = errors.New("这个数据库里已有正式用户，不能加入演示数据（演示账号的密码是公开的）/ the database has real users: demo accounts, whose password is public, are not added")

// Seed adds the demo data unless it is there already (a root body named
// City): running it twice changes nothing. It reports whether it added
// anything. A database with users other than the demo ones is refused
// (ErrRealData): the demo password is printed for all to see.
func Seed(ctx context.Context, st *store.Store) (bool, error) {
	existing, err := st.BodiesNamed(ctx, City)
	if err != nil {
		return false, err
	}
	if err := noRealUsers(ctx, st); err != nil {
		return false, err
	}
	if len(existing) > 0 {
		return false, nil
	}
	ids, err := seedBodies(ctx, st)
	if err != nil {
		return false, err
	}
	if err := seedUsers(ctx, st, ids); err != nil {
		return false, err
	}
	r, err := Report()
	if err != nil {
		return false, err
	}
	if _, err := st.CreateReport(ctx, ids[Education], ReportYear, r, 0); err != nil {
		return false, fmt.Errorf("demo.Seed: %w", err)
	}
	if err := seedRegion(ctx, st, ids); err != nil {
		return false, fmt.Errorf("demo.Seed: %w", err)
	}
	return true, nil
}

// Report returns the demo report with its totals computed.
func Report() (*report.Report, error) {
	r, err := report.Decode(reportJSON)
	if err != nil {
		return nil, fmt.Errorf("demo report: %w", err)
	}
	r.Year, r.Title = ReportYear, report.DefaultTitle(r.Org, ReportYear)
	report.FillTotals(r)
	return r, nil
}

func seedBodies(ctx context.Context, st *store.Store) (map[string]int64, error) {
	tree := []struct {
		name, parent string
		kind         org.Kind
	}{
		{City, "", org.LocalGovernment},
		{Office, City, org.Department},
		{Education, City, org.Department},
		{County, City, org.LocalGovernment},
		{Town, County, org.Other},
	}
	ids := map[string]int64{}
	for _, b := range tree {
		created, err := st.CreateBody(ctx, store.Body{Name: b.name, ParentID: ids[b.parent], Kind: b.kind}, 0)
		if err != nil {
			return nil, fmt.Errorf("demo.Seed: %w", err)
		}
		ids[b.name] = created.ID
	}
	return ids, nil
}

func seedUsers(ctx context.Context, st *store.Store, ids map[string]int64) error {
	hash, err := auth.HashPassword(Password)
	if err != nil {
		return err
	}
	for _, a := range Accounts {
		nu := store.NewUser{Username: a.Username, DisplayName: "演示" + a.Role.Label(), PasswordHash: hash}
		if _, err := st.CreateUser(ctx, nu, []auth.Grant{{Body: ids[a.Body], Role: a.Role}}, 0); err != nil {
			return fmt.Errorf("demo.Seed: %w", err)
		}
	}
	return nil
}

// noRealUsers returns ErrRealData when a user other than a demo account
// exists.
func noRealUsers(ctx context.Context, st *store.Store) error {
	users, err := st.Users(ctx)
	if err != nil {
		return err
	}
	for _, u := range users {
		if !slices.ContainsFunc(Accounts, func(a Account) bool { return a.Username == u.Username }) {
			return ErrRealData
		}
	}
	return nil
}
