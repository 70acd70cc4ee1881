package golden

import (
	"flag"
	"strings"
	"testing"

	"github.com/tmpkit/tmpkit/internal/faketb"
)

// runFake runs fn with a faketb.TB named name, whose other methods
// (TempDir, ArtifactDir) go to t, waits for it to return or stop, runs the
// cleanups it registered and returns it.
func runFake(t *testing.T, name string, fn func(tb testing.TB)) *faketb.TB {
	f := faketb.New(name, t)
	f.Run(fn)
	f.Finish()
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
