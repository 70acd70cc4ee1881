package golden

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/tmpkit/tmpkit/internal/goldenattr"
)

// startDir is the package directory: go test starts a test binary there.
// It is read once, when the binary starts, so that a test that changes the
// working directory (os.Chdir without restoring it) moves no golden and
// makes [Main] judge no other package's goldens. It never changes after.
var startDir = func() string {
	dir, err := os.Getwd()
	if err != nil {
		return "."
	}
	return dir
}()

// call is what one assertion needs from its test, captured when it starts.
// The error-returning functions doing the work take a call instead of a
// [testing.TB], so they can be tested without one.
type call struct {
	test        string                  // t.Name()
	pkgDir      string                  // the package directory: relative golden paths start there
	getenv      func(string) string     // os.Getenv
	lookupFlag  func(string) *flag.Flag // flag.Lookup
	created     func() []string         // tmptest.Created(t), for ScrubTempDirs
	artifactDir func() string           // t.ArtifactDir, nil unless -artifacts
	logs        []string                // what the wrapper logs when the work is done
	attrs       [][2]string             // the test attributes the wrapper sets
}

func newCall(t testing.TB, cfg *config) *call {
	c := &call{test: t.Name(), pkgDir: startDir, getenv: os.Getenv, lookupFlag: flag.Lookup,
		created: func() []string { return tmptestCreated(t) }}
	if cfg.getenv != nil {
		c.getenv = cfg.getenv
	}
	if cfg.lookupFlag != nil {
		c.lookupFlag = cfg.lookupFlag
	}
	if cfg.pkgDir != "" {
		c.pkgDir = cfg.pkgDir
	}
	if boolFlag(c.lookupFlag, "test.artifacts") {
		c.artifactDir = t.ArtifactDir
	}
	return c
}

// difference is the error of a golden that is missing or differs from
// the output: the wrapper marks the test failed and lets it go on
// (t.Errorf), so that one run reports every difference. Any other error
// is misuse or a failed setup, and stops the test (t.Fatalf).
type difference struct{ msg string }

func (d *difference) Error() string { return d.msg }

// flush sets the attributes and logs what the call recorded, then reports
// err, from the wrapper, so that t.Helper attributes them to the test's line.
func (c *call) flush(t testing.TB, err error) {
	t.Helper()
	for _, a := range c.attrs {
		t.Attr(a[0], a[1])
	}
	for _, l := range c.logs {
		t.Log(l)
	}
	var d *difference
	switch {
	case err == nil:
	case errors.As(err, &d):
		t.Errorf("%s", d.msg)
	default:
		t.Fatalf("%v", err)
	}
}

func (c *call) logf(format string, args ...any) {
	c.logs = append(c.logs, fmt.Sprintf(format, args...))
}

// use records, as test attributes, that the call used the golden at loc
// as kind (or, for MarkUsed, the goldens at or below paths), and loc's golden
// directory.
func (c *call) use(loc location, kind goldenattr.Kind, paths ...string) {
	if len(paths) == 0 {
		paths = []string{loc.abs}
	}
	for _, p := range paths {
		c.attrs = append(c.attrs, [2]string{goldenattr.Key, goldenattr.Value(kind, c.moduleRelative(p))})
	}
	c.attrs = append(c.attrs,
		[2]string{goldenattr.DirKey, goldenattr.DirValue(c.moduleRelative(loc.absDir))},
		[2]string{goldenattr.RunKey, goldenattr.RunValue(runLimits(c.lookupFlag))})
}

// moduleRelative returns p relative to the root of the module holding the
// package directory, slash-separated, or p slash-separated when it lies
// outside the module.
func (c *call) moduleRelative(p string) string {
	if root := moduleRoot(c.pkgDir); root != "" {
		if r, err := filepath.Rel(root, p); err == nil && filepath.IsLocal(r) {
			return filepath.ToSlash(r)
		}
		if p == root {
			return "."
		}
	}
	return filepath.ToSlash(p)
}

// moduleRoots memoises moduleRoot: every assertion of a package asks
// about the same directory. It only ever gains entries that never change.
var moduleRoots sync.Map // package directory -> module root

// moduleRoot returns the nearest directory at or above dir holding a
// go.mod, or "" if there is none.
func moduleRoot(dir string) string {
	if root, ok := moduleRoots.Load(dir); ok {
		return root.(string)
	}
	root := ""
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			root = d
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	moduleRoots.Store(dir, root)
	return root
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
	display string // for messages: module-relative, as the update command is run from the module root
	abs     string // absolute path, the registry key
	absDir  string // absolute path of dir
	named   bool   // the path comes from Name, not from the test name
}

// locate returns the location of the golden file of this call: the name
// from [Name], else derived from the test name.
func (c *call) locate(cfg config) location {
	return c.locateAs(cfg, defaultName)
}

// locateTree returns the location of the golden tree of this call.
func (c *call) locateTree(cfg config) location {
	return c.locateAs(cfg, defaultTreeName)
}

func (c *call) locateAs(cfg config, derive func(test string) string) location {
	name := cfg.name
	if !cfg.nameSet {
		name = derive(c.test)
	}
	l := location{dir: cfg.dir, name: name, display: path.Join(filepath.ToSlash(cfg.dir), name), named: cfg.nameSet}
	l.absDir = filepath.Clean(cfg.dir)
	if !filepath.IsAbs(l.absDir) {
		l.absDir = filepath.Join(c.pkgDir, l.absDir)
	}
	l.abs = filepath.Join(l.absDir, filepath.FromSlash(name))
	if root := moduleRoot(c.pkgDir); root != "" {
		// One reference point for the path and the command that updates
		// it: both from the module root, as golden review shows paths too.
		if r, err := filepath.Rel(root, l.abs); err == nil && filepath.IsLocal(r) {
			l.display = filepath.ToSlash(r)
		}
	}
	return l
}
