package main

import (
	"bytes"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"nianbao/internal/auth"
	"nianbao/internal/org"
	"nianbao/internal/webtest"
	"nianbao/web/paths"
)

// TestCheckCommandAgreesWithWeb: `nianbao check --json [--last-year L] T`
// and /check given the same files (T, and L as last year's report) list
// the same findings, rule by rule and word by word, in the same order: a
// published text with last year's as a text, as JSON, and with none.
func TestCheckCommandAgreesWithWeb(t *testing.T) {
	data, err := os.ReadFile(seedTextPath("004"))
	if err != nil {
		t.Fatal(err)
	}
	carried := filepath.Join(t.TempDir(), "2022.txt") // seed 004 carried over to 2022, only its years changed
	if err := os.WriteFile(carried, bytes.ReplaceAll(data, []byte("2021"), []byte("2022")), 0o644); err != nil {
		t.Fatal(err)
	}
	app := webtest.Start(t)
	city := app.Body(t, 0, "某市人民政府", org.LocalGovernment)
	app.User(t, "super", auth.Grant{Body: city, Role: auth.Supervisor})
	c := app.Client(t, "super")

	for _, tc := range []struct {
		name, report, last string
		w10                int
	}{
		{"text, last year's text", carried, seedTextPath("004"), 2},
		{"text, last year's JSON", seedTextPath("002"), seedPath("002"), 2},
		{"text, another body's last year", carried, seedTextPath("002"), 0},
		{"text alone", seedTextPath("003"), "", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"check", "--json"}
			files := map[string]webtest.File{"file": upload(t, tc.report)}
			if tc.last != "" {
				args = append(args, "--last-year", tc.last)
				files["last_file"] = upload(t, tc.last)
			}
			_, out, errOut := runCmd(t, append(args, tc.report)...)
			var cli []struct{ Rule, Message string }
			if err := json.Unmarshal([]byte(out), &cli); err != nil {
				t.Fatalf("%v: %v\n%s%s", args, err, out, errOut)
			}
			var want []string
			w10 := 0
			for _, f := range cli {
				want = append(want, f.Rule+" "+f.Message)
				if f.Rule == "W10" {
					w10++
				}
			}
			if w10 != tc.w10 {
				t.Errorf("the command gives %d W10, want %d: %q", w10, tc.w10, want)
			}
			res := c.PostMultipart(t, paths.CheckText, nil, files)
			if res.Status != http.StatusOK {
				t.Fatalf("/check: status %d", res.Status)
			}
			var got []string
			res.Doc(t).Find("#findings li.finding").Each(func(_ int, s *goquery.Selection) {
				got = append(got, s.AttrOr("data-rule", "")+" "+s.ChildrenFiltered("a").First().Text())
			})
			if !slices.Equal(got, want) {
				t.Errorf("/check lists\n%q\nthe command\n%q", got, want)
			}
		})
	}
}

// upload is a file as a form uploads it.
func upload(t *testing.T, path string) webtest.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return webtest.File{Name: filepath.Base(path), Data: data}
}
