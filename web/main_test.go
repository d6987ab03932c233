package web_test

import (
	"fmt"
	"os"
	"testing"

	"nianbao/internal/testenv"
)

// TestMain stops the PostgreSQL server the tests start when they run with
// NIANBAO_TEST_DB=postgres (see webtest.DBEnv). Started with
// NIANBAO_LOAD_CLIENTS, the test binary is instead the clerks'
// process of BenchmarkLiveCheckLoad.
func TestMain(m *testing.M) {
	if file := os.Getenv(loadClientsEnv); file != "" { // the clerks of BenchmarkLiveCheckLoad
		if err := runLoadClients(file); err != nil {
			fmt.Fprintln(os.Stderr, "load clients:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(testenv.RunWithPostgres(m))
}
