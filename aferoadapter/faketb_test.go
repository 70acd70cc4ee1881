package aferoadapter_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
)

// fakeTB records what a helper does with its testing.TB. Fatalf stops the
// calling goroutine with runtime.Goexit, as the real one does, so helpers
// run under [fakeTB.run].
type fakeTB struct {
	testing.TB // nil: a method not defined here panics
	name       string

	mu       sync.Mutex
	helpers  int
	failed   bool
	errors   []string
	fatals   []string
	logs     []string
	cleanups []func()
}

func newFakeTB(name string) *fakeTB { return &fakeTB{name: name} }

func (f *fakeTB) Name() string { return f.name }
func (f *fakeTB) Helper()      { f.mu.Lock(); f.helpers++; f.mu.Unlock() }
func (f *fakeTB) Failed() bool { f.mu.Lock(); defer f.mu.Unlock(); return f.failed }
func (f *fakeTB) Cleanup(fn func()) {
	f.mu.Lock()
	f.cleanups = append(f.cleanups, fn)
	f.mu.Unlock()
}
func (f *fakeTB) Logf(format string, args ...any) {
	f.mu.Lock()
	f.logs = append(f.logs, fmt.Sprintf(format, args...))
	f.mu.Unlock()
}
func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	f.failed = true
	f.errors = append(f.errors, fmt.Sprintf(format, args...))
	f.mu.Unlock()
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.failed = true
	f.fatals = append(f.fatals, fmt.Sprintf(format, args...))
	f.mu.Unlock()
	runtime.Goexit()
}

// run calls fn in its own goroutine and waits for it to return or to stop
// in Fatalf; it reports whether fn returned normally.
func (f *fakeTB) run(fn func(tb testing.TB)) (returned bool) {
	done := make(chan bool)
	go func() {
		ok := false
		defer func() { done <- ok }()
		fn(f)
		ok = true
	}()
	return <-done
}

// finish runs the registered cleanups, last first, as testing does.
func (f *fakeTB) finish() {
	for _, fn := range slices.Backward(f.cleanups) {
		f.run(func(testing.TB) { fn() })
	}
	f.cleanups = nil
}
