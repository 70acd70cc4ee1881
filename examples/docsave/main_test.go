package docsave_test

import (
	"os"
	"testing"
)

// TestMain clears CRASHTEST_SEED and CRASHTEST_SAMPLES: the examples print
// the states CrashCheck draws, which a value exported by the developer
// (to rerun some other failing state) would change.
func TestMain(m *testing.M) {
	os.Unsetenv("CRASHTEST_SEED")
	os.Unsetenv("CRASHTEST_SAMPLES")
	os.Exit(m.Run())
}
