package faketb_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// mustPositive stands for a helper under test: a thin wrapper that calls
// Helper first and stops the test on bad input.
func mustPositive(t testing.TB, n int) int {
	t.Helper()
	if n <= 0 {
		t.Fatalf("mustPositive(%d): want n > 0", n)
	}
	t.Cleanup(func() { t.Logf("cleanup of %d", n) })
	return n
}

func ExampleNew() {
	f := faketb.New("TestX", nil)
	returned := f.Run(func(t testing.TB) { mustPositive(t, -1) })
	f.Finish()
	fmt.Println(returned, f.Failed())
	fmt.Printf("%q %q\n", f.Calls(), f.Fatals())
	// Output:
	// false true
	// ["Helper" "Fatalf"] ["mustPositive(-1): want n > 0"]
}

func ExampleTB_Finish() {
	f := faketb.New("TestX", nil)
	f.Run(func(t testing.TB) {
		mustPositive(t, 1)
		mustPositive(t, 2)
	})
	fmt.Printf("%q\n", f.Logs())
	f.Finish()
	fmt.Printf("%q\n", f.Logs())
	// Output:
	// []
	// ["cleanup of 2" "cleanup of 1"]
}

func ExampleExample_Run() {
	faketb.Example{}.Run("TestParse", func(t testing.TB) {
		t.Log("dropped: logs often hold random paths")
		t.Errorf("parse: %v", errors.New("unexpected EOF"))
		mustPositive(t, 0)
		fmt.Println("not reached")
	})
	// Output:
	// parse: unexpected EOF
	// mustPositive(0): want n > 0
}

// A test whose failure is reported as a log followed by FailNow, as
// gotest.tools' assert.Assert does, and which go test shows under a header.
func ExampleExample_Run_logs() {
	faketb.Example{FailHeader: true, Logs: true}.Run("TestInstall", func(t testing.TB) {
		t.Log("assertion failed: 1 != 2")
		t.FailNow()
	})
	// Output:
	// assertion failed: 1 != 2
	// --- FAIL: TestInstall
}

func ExampleExample_Run_failHeader() {
	faketb.Example{FailHeader: true}.Run("TestWrite", func(t testing.TB) {
		t.Errorf("first failure")
		t.Fatalf("second failure")
	})
	// Output:
	// --- FAIL: TestWrite
	// first failure
	// second failure
}
