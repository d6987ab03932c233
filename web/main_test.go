package web_test

import (
	"os"
	"testing"

	"nianbao/internal/testenv"
)

// TestMain stops the PostgreSQL server the tests start when they run with
// NIANBAO_TEST_DB=postgres (see webtest.DBEnv).
func TestMain(m *testing.M) {
	os.Exit(testenv.RunWithPostgres(m))
}
