package golden

import (
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"testing"
)

// call is what one assertion needs from its test, captured when it starts.
// The error-returning functions doing the work take a call instead of a
// [testing.TB], so they can be tested without one.
type call struct {
	test        string                  // t.Name()
	cwd         string                  // the package directory, for the update command
	getenv      func(string) string     // os.Getenv
	lookupFlag  func(string) *flag.Flag // flag.Lookup
	tempDir     func() string           // t.TempDir, for ScrubTempDirs
	artifactDir func() string           // t.ArtifactDir, nil unless -artifacts
	logs        []string                // what the wrapper logs when the work is done
}

func newCall(t testing.TB, cfg *config) *call {
	cwd, err := os.Getwd()
	if err != nil {
		cwd = "."
	}
	c := &call{test: t.Name(), cwd: cwd, getenv: os.Getenv, lookupFlag: flag.Lookup, tempDir: t.TempDir}
	if cfg.getenv != nil {
		c.getenv = cfg.getenv
	}
	if cfg.lookupFlag != nil {
		c.lookupFlag = cfg.lookupFlag
	}
	if boolFlag(c.lookupFlag, "test.artifacts") {
		c.artifactDir = t.ArtifactDir
	}
	return c
}

// flush logs what the call recorded, then reports err, from the wrapper, so
// that t.Helper attributes both to the test's line.
func (c *call) flush(t testing.TB, err error) {
	t.Helper()
	for _, l := range c.logs {
		t.Log(l)
	}
	if err != nil {
		t.Fatalf("%v", err)
	}
}

func (c *call) logf(format string, args ...any) {
	c.logs = append(c.logs, fmt.Sprintf(format, args...))
}

func boolFlag(lookup func(string) *flag.Flag, name string) bool {
	f := lookup(name)
	if f == nil {
		return false
	}
	b, err := strconv.ParseBool(f.Value.String())
	return err == nil && b
}

// location is where a golden lives.
type location struct {
	dir     string // the golden directory, as configured
	name    string // slash-separated path below dir
	display string // dir/name, slash-separated, for messages
	abs     string // absolute path, the registry key
	absDir  string // absolute path of dir
}

// locate returns the location of the golden of this call: the name from
// [Name], else derived from the test name.
func (c *call) locate(cfg config) location {
	name := cfg.name
	if !cfg.nameSet {
		name = defaultName(c.test)
	}
	l := location{dir: cfg.dir, name: name, display: path.Join(filepath.ToSlash(cfg.dir), name)}
	l.absDir = filepath.Clean(cfg.dir)
	if !filepath.IsAbs(l.absDir) {
		l.absDir = filepath.Join(c.cwd, l.absDir)
	}
	l.abs = filepath.Join(l.absDir, filepath.FromSlash(name))
	return l
}
