package golden

import (
	"flag"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// fakeTB records what a helper does with its testing.TB. It embeds the real
// test for TempDir and ArtifactDir; Fatalf stops the goroutine as the real
// one does, so run the helper with runFake.
type fakeTB struct {
	testing.TB
	name string

	mu      sync.Mutex
	helpers int
	logs    []string
	errs    []string
	fatal   string
	failed  bool
}

func (f *fakeTB) Name() string { return f.name }

func (f *fakeTB) Helper() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.helpers++
}

func (f *fakeTB) Log(args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.logs = append(f.logs, fmt.Sprint(args...))
}

func (f *fakeTB) Logf(format string, args ...any) { f.Log(fmt.Sprintf(format, args...)) }

func (f *fakeTB) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
	f.failed = true
}

func (f *fakeTB) Fatalf(format string, args ...any) {
	f.mu.Lock()
	f.fatal = fmt.Sprintf(format, args...)
	f.failed = true
	f.mu.Unlock()
	runtime.Goexit()
}

func (f *fakeTB) Fatal(args ...any) { f.Fatalf("%s", fmt.Sprint(args...)) }

func (f *fakeTB) FailNow() { f.Fatalf("FailNow") }

func (f *fakeTB) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failed
}

// runFake runs fn with a fakeTB named name in its own goroutine and waits
// for it to return or stop.
func runFake(t *testing.T, name string, fn func(tb testing.TB)) *fakeTB {
	f := &fakeTB{TB: t, name: name}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f
}

// Test hooks: options only this package's tests can build.

// withEnv makes the assertion see the environment kv ("K=V" pairs) instead
// of the process's, so tests stay parallel and independent of the outer
// UPDATE_GOLDEN and CI.
func withEnv(kv ...string) Option {
	env := map[string]string{}
	for _, s := range kv {
		k, v, _ := strings.Cut(s, "=")
		env[k] = v
	}
	return Option{func(c *config) { c.getenv = func(k string) string { return env[k] } }}
}

// withFlags makes the assertion look flags up in fs instead of the test
// binary's command line.
func withFlags(fs *flag.FlagSet) Option {
	return Option{func(c *config) { c.lookupFlag = fs.Lookup }}
}

// withBeforeRename runs fn between the temp file write and the rename.
func withBeforeRename(fn func(tmp, dst string) error) Option {
	return Option{func(c *config) { c.beforeRename = fn }}
}

// newRun makes the assertion keep its bookkeeping in a fresh registry, as
// if it ran in another test process.
func newRun() Option { return Option{func(c *config) { c.reg = &registry{} }} }

// noFlags is a flag set without -update or -artifacts.
func noFlags() Option { return withFlags(flag.NewFlagSet("test", flag.ContinueOnError)) }

// quiet is the environment of a local run that only compares.
func quiet() []Option { return []Option{withEnv(), noFlags()} }
