package aferoadapter_test

import (
	"os"
	"testing"
)

// TestMain clears TMPTEST_KEEP. These tests check what cleanup removes and
// what examples print; a value in the developer's environment (say, failed,
// exported to debug some other suite) would keep their temp files and log
// the kept paths. The tests of the keep policy set the variable themselves.
func TestMain(m *testing.M) {
	os.Unsetenv("TMPTEST_KEEP")
	os.Exit(m.Run())
}
