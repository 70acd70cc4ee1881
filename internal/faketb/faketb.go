// Package faketb is a recording testing.TB for the tests of tmpkit's
// helpers, and a runner for the tests that Example functions stand in for.
//
// A helper that takes a testing.TB reports a failure through it; to test
// that failure path, a test hands the helper a [TB] instead of its own t
// and reads back what the helper did:
//
//	f := faketb.New("TestX", nil)
//	if f.Run(func(t testing.TB) { tmptest.Dir(t, tmptest.In("/nope")) }) {
//		t.Fatal("Dir returned; want it to stop the test")
//	}
//	f.Finish()
//	// f.Fatals(), f.Errors(), f.Logs(), f.Calls() hold what Dir did.
//
// Fatal, Fatalf, FailNow, SkipNow, Skip and Skipf stop the calling
// goroutine with [runtime.Goexit], as the real ones do, so the helper must
// run on a goroutine of its own: [TB.Run] gives it one. Cleanups wait for
// [TB.Finish], which runs them last first, as go test does.
//
// [Example] runs the body of an Example function the same way and prints
// what go test would show of it.
//
// The package is imported by _test files only: it imports "testing", and it
// imports no public package of the module, so every package can use it.
package faketb

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
)

// TB is a testing.TB that records the calls a helper makes on it. It is
// safe for use by several goroutines at once, as parallel subtests and
// the goroutines of a helper use a real one.
//
// The methods TB records are Helper, Name, Cleanup, Log, Logf, Error,
// Errorf, Fatal, Fatalf, Fail, FailNow, Skip, Skipf and SkipNow; Failed and
// Skipped answer from that record. Every other method of testing.TB
// (TempDir, Setenv, Context, ArtifactDir, ...) goes to the embedded parent
// test; without a parent it panics, which shows that a helper reached for
// something its test did not give it.
//
// A TB made by a composite literal, &TB{TB: t}, is ready to use too: it is
// named after t.
type TB struct {
	testing.TB // the parent test; nil: the methods TB does not record panic

	name string
	echo *Example // set by [Example.Run]: what to print as calls come in

	mu       sync.Mutex
	calls    []string // method names, in call order
	errors   []string
	fatals   []string
	logs     []string
	failed   bool
	skipped  bool
	cleanups []func()
}

// New returns a TB for a test called name. Methods it does not record go
// to parent; parent may be nil. An empty name means parent's name.
func New(name string, parent testing.TB) *TB {
	return &TB{TB: parent, name: name}
}

// Helper records the call; it does nothing else, as there is no file and
// line to report.
func (t *TB) Helper() { t.record("Helper") }

// Name returns the name given to [New], else the parent's name.
func (t *TB) Name() string {
	t.record("Name")
	if t.name == "" && t.TB != nil {
		return t.TB.Name()
	}
	return t.name
}

// Cleanup registers fn to run in [TB.Finish].
func (t *TB) Cleanup(fn func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls = append(t.calls, "Cleanup")
	t.cleanups = append(t.cleanups, fn)
}

// Log records its arguments formatted as testing's Log does: with
// [fmt.Sprintln], without the final newline.
func (t *TB) Log(args ...any) { t.log("Log", sprintln(args)) }

// Logf records its arguments formatted with [fmt.Sprintf].
func (t *TB) Logf(format string, args ...any) { t.log("Logf", fmt.Sprintf(format, args...)) }

// Error records a failure message formatted as [TB.Log] formats, and goes on.
func (t *TB) Error(args ...any) { t.fail("Error", &t.errors, sprintln(args)) }

// Errorf records a failure message formatted with [fmt.Sprintf], and goes on.
func (t *TB) Errorf(format string, args ...any) {
	t.fail("Errorf", &t.errors, fmt.Sprintf(format, args...))
}

// Fatal records a failure message formatted as [TB.Log] formats, and stops
// the calling goroutine.
func (t *TB) Fatal(args ...any) {
	t.fail("Fatal", &t.fatals, sprintln(args))
	runtime.Goexit()
}

// Fatalf records a failure message formatted with [fmt.Sprintf], and stops
// the calling goroutine.
func (t *TB) Fatalf(format string, args ...any) {
	t.fail("Fatalf", &t.fatals, fmt.Sprintf(format, args...))
	runtime.Goexit()
}

// Fail marks the test failed, and goes on.
func (t *TB) Fail() { t.fail("Fail", nil, "") }

// FailNow marks the test failed and stops the calling goroutine.
func (t *TB) FailNow() {
	t.fail("FailNow", nil, "")
	runtime.Goexit()
}

// Failed reports whether the test was marked failed.
func (t *TB) Failed() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.failed
}

// Skip records its arguments as a log, formatted as [TB.Log] formats, then
// marks the test skipped and stops the calling goroutine.
func (t *TB) Skip(args ...any) { t.skip("Skip", sprintln(args)) }

// Skipf records a log formatted with [fmt.Sprintf], then marks the test
// skipped and stops the calling goroutine.
func (t *TB) Skipf(format string, args ...any) { t.skip("Skipf", fmt.Sprintf(format, args...)) }

// SkipNow marks the test skipped and stops the calling goroutine.
func (t *TB) SkipNow() { t.skip("SkipNow", "") }

// Skipped reports whether the test was skipped.
func (t *TB) Skipped() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.skipped
}

// Calls returns the names of the recorded methods called so far, in call
// order, e.g. ["Helper" "Name" "Cleanup" "Fatalf"].
func (t *TB) Calls() []string { return t.copyOf(&t.calls) }

// Called returns how many times the recorded method named method was called.
func (t *TB) Called(method string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, c := range t.calls {
		if c == method {
			n++
		}
	}
	return n
}

// Errors returns the messages of Error and Errorf, in call order.
func (t *TB) Errors() []string { return t.copyOf(&t.errors) }

// Fatals returns the messages of Fatal and Fatalf, in call order. As each
// stops its goroutine, a helper run once leaves at most one.
func (t *TB) Fatals() []string { return t.copyOf(&t.fatals) }

// Logs returns the messages of Log, Logf, Skip and Skipf, in call order.
func (t *TB) Logs() []string { return t.copyOf(&t.logs) }

func (t *TB) record(method string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls = append(t.calls, method)
}

func (t *TB) log(method, msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls = append(t.calls, method)
	t.logs = append(t.logs, msg)
	t.echo.log(msg)
}

// fail marks the test failed and, unless to is nil, appends msg to it.
func (t *TB) fail(method string, to *[]string, msg string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.calls = append(t.calls, method)
	t.echo.fail(t.name, t.failed)
	t.failed = true
	if to != nil {
		*to = append(*to, msg)
		t.echo.message(msg)
	}
}

// skip records msg as a log unless it is empty (SkipNow), marks the test
// skipped and stops the goroutine.
func (t *TB) skip(method, msg string) {
	t.mu.Lock()
	t.calls = append(t.calls, method)
	if method != "SkipNow" {
		t.logs = append(t.logs, msg)
		t.echo.log(msg)
	}
	t.skipped = true
	t.mu.Unlock()
	runtime.Goexit()
}

// copyOf returns a copy of *s, taken under the lock, so that the caller
// can read it while helpers go on appending.
func (t *TB) copyOf(s *[]string) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return slices.Clone(*s)
}

// sprintln formats args as testing's Log does.
func sprintln(args []any) string {
	return strings.TrimSuffix(fmt.Sprintln(args...), "\n")
}
