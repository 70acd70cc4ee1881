package aferoadapter_test

import (
	"os"
	"testing"
)

// TestMain clears TMPTEST_KEEP. These tests check what cleanup removes and
// what examples print; a value in the developer's environment (say, failed,
// exported to debug some other suite) would keep their temp files and log
// the kept paths. The tests of the keep policy set the variable themselves.
// CRASHTEST_SEED and CRASHTEST_SAMPLES, which change the states the
// examples of CrashCheck print, are cleared for the same reason.
func TestMain(m *testing.M) {
	os.Unsetenv("TMPTEST_KEEP")
	os.Unsetenv("CRASHTEST_SEED")
	os.Unsetenv("CRASHTEST_SAMPLES")
	os.Exit(m.Run())
}
