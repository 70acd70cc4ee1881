package tmptest

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// fakeTB records what a helper does with its testing.TB. Its Fatalf and
// FailNow stop the calling goroutine as the real ones do, so a helper must
// be called through run.
type fakeTB struct {
	testing.TB // nil: calling a method not defined below panics
	name       string

	mu       sync.Mutex
	calls    []string // method names, in call order
	logs     []string
	errs     []string
	fatal    string
	failed   bool
	cleanups []func()
}

func newFakeTB(name string) *fakeTB { return &fakeTB{name: name} }

// run calls fn with f in a new goroutine, as go test calls a test
// function, and reports whether fn returned (false: it called Fatalf).
// Cleanups wait for finish.
func (f *fakeTB) run(fn func(t testing.TB)) (returned bool) {
	done := make(chan bool)
	go func() {
		ok := false
		defer func() { done <- ok }()
		fn(f)
		ok = true
	}()
	return <-done
}

// finish runs the registered cleanups, last first, as go test does.
func (f *fakeTB) finish() {
	f.mu.Lock()
	cleanups := f.cleanups
	f.cleanups = nil
	f.mu.Unlock()
	for _, fn := range slices.Backward(cleanups) {
		f.run(func(testing.TB) { fn() })
	}
}

func (f *fakeTB) record(call string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, call)
}

func (f *fakeTB) Helper() { f.record("Helper") }

func (f *fakeTB) Name() string { f.record("Name"); return f.name }

func (f *fakeTB) Cleanup(fn func()) {
	f.record("Cleanup")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.cleanups = append(f.cleanups, fn)
}

func (f *fakeTB) Logf(format string, args ...any) {
	f.record("Logf")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Errorf(format string, args ...any) {
	f.record("Errorf")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failed = true
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.record("Fatalf")
	f.mu.Lock()
	f.failed = true
	f.fatal = fmt.Sprintf(format, args...)
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Fail() {
	f.record("Fail")
	f.mu.Lock()
	defer f.mu.Unlock()
	f.failed = true
}

func (f *fakeTB) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}

// fatalOf runs fn through a new fakeTB and returns its Fatalf message,
// failing t if fn returned normally or did not call Helper first.
func fatalOf(t *testing.T, fn func(t testing.TB)) string {
	t.Helper()
	f := newFakeTB("TestFake")
	if f.run(fn) {
		t.Fatalf("the helper returned; want it to call Fatalf")
	}
	f.finish()
	if len(f.calls) == 0 || f.calls[0] != "Helper" {
		t.Errorf("calls = %q; want Helper first", f.calls)
	}
	return f.fatal
}

// cleanDir returns a new directory for In, checked empty at the end.
func cleanDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Cleanup(func() {
		if names := list(t, dir); len(names) > 0 {
			t.Errorf("%s holds %q; want nothing left", dir, names)
		}
	})
	return dir
}

// list returns the sorted names in dir.
func list(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
